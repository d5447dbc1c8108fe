"""Model fields for Scrutiny Desk's value types."""

import contextlib

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from .periods import Period, PeriodError


class PeriodDescriptor:
    """Turns text assigned to the field into a ``Period`` (``obs.period = "2017-18"``).
    Text that is not a period is kept as it is, for validation to report."""

    def __init__(self, field):
        self.field = field

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance.__dict__.get(self.field.attname)

    def __set__(self, instance, value):
        if value == "":
            value = None
        elif isinstance(value, str):
            with contextlib.suppress(PeriodError):  # kept as text for validation to report
                value = Period.parse(value)
        instance.__dict__[self.field.attname] = value


class PeriodField(models.CharField):
    """Stores a :class:`Period` by its code (``FY2017Q2``) and gives back a ``Period``."""

    description = "A reporting period (financial year, quarter, month, snapshot ...)"

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        setattr(cls, self.attname, PeriodDescriptor(self))

    def run_validators(self, value):
        super().run_validators(value.code if isinstance(value, Period) else value)

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
        kwargs.setdefault("form_class", PeriodFormField)
        kwargs.setdefault("help_text", "e.g. 2017-18, Q2 2017-18, March 2017, 31 March 2017")
        return super().formfield(**kwargs)


class PeriodFormField(forms.CharField):
    """A form's period: typed as its label or code, cleaned to a ``Period``."""

    def prepare_value(self, value):
        return value.label if isinstance(value, Period) else value

    def run_validators(self, value):
        super().run_validators(value.code if isinstance(value, Period) else value)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return Period.parse(value)
        except PeriodError as exc:
            raise ValidationError(str(exc), code="invalid_period") from exc
