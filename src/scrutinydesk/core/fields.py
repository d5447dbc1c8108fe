"""Model fields for Scrutiny Desk's value types."""

from django.core.exceptions import ValidationError
from django.db import models

from .periods import Period, PeriodError


class PeriodField(models.CharField):
    """Stores a :class:`Period` by its code (``FY2017Q2``) and gives back a ``Period``."""

    description = "A reporting period (financial year, quarter, month, snapshot ...)"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 32)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 32:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return None
        return Period.parse(value)

    def to_python(self, value):
        if value in (None, "") or isinstance(value, Period):
            return value or None
        try:
            return Period.parse(value)
        except PeriodError as exc:
            raise ValidationError(str(exc), code="invalid_period") from exc

    def get_prep_value(self, value):
        value = self.to_python(value)
        return value.code if isinstance(value, Period) else value

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.code if isinstance(value, Period) else ""

    def formfield(self, **kwargs):
        from django import forms

        class PeriodFormField(forms.CharField):
            def prepare_value(self, value):
                return value.label if isinstance(value, Period) else value

            def to_python(self, value):
                value = super().to_python(value)
                if not value:
                    return None
                try:
                    return Period.parse(value)
                except PeriodError as exc:
                    raise ValidationError(str(exc), code="invalid_period") from exc

        kwargs.setdefault("form_class", PeriodFormField)
        kwargs.setdefault("help_text", "e.g. 2017-18, Q2 2017-18, March 2017, 31 March 2017")
        return super().formfield(**kwargs)
