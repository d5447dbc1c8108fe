"""Serializer fields for Scrutiny Desk's value types and links."""

from __future__ import annotations

from django.urls import reverse as django_reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from scrutinydesk.core.periods import Period, PeriodError, PeriodKind

PERIOD_SCHEMA = {
    "type": "object",
    "description": "A reporting period (docs/periods.md). Written as its label or code, "
                   "e.g. \"Q2 2017-18\", \"2017-18\" or \"FY2017Q2\".",
    "properties": {
        "code": {"type": "string", "example": "FY2017Q2"},
        "label": {"type": "string", "example": "Q2 2017-18"},
        "kind": {"type": "string", "enum": [k.value for k in PeriodKind]},
        "start": {"type": "string", "format": "date"},
        "end": {"type": "string", "format": "date"},
    },
    "required": ["code", "label", "kind", "start", "end"],
}


def period_data(period: Period | None) -> dict | None:
    """A period as the API and the exports give it."""
    if period is None:
        return None
    return {"code": period.code, "label": period.label, "kind": period.kind.value,
            "start": period.start.isoformat(), "end": period.end.isoformat()}


@extend_schema_field({**PERIOD_SCHEMA, "nullable": True})
class PeriodField(serializers.Field):
    """A period: read as ``{code, label, kind, start, end}``, written as text."""

    default_error_messages = {"invalid": "{message}"}

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("allow_blank", None)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return period_data(value) if isinstance(value, Period) else None

    def to_internal_value(self, data):
        if isinstance(data, dict):
            data = data.get("code") or data.get("label") or ""
        if data in (None, ""):
            if self.allow_null:
                return None
            self.fail("required")
        try:
            return Period.parse(str(data))
        except PeriodError as exc:
            self.fail("invalid", message=str(exc))


def reverse(viewname, args=None, kwargs=None, request=None, format=None, **extra):
    """An absolute link to a resource, without the query (``?format=csv``) of the request
    it was made for."""
    url = django_reverse(viewname, args=args, kwargs=kwargs, **extra)
    return request.build_absolute_uri(url) if request is not None else url


class VisibleLinkField(serializers.HyperlinkedRelatedField):
    """A link to another resource; what it may be set to is read through the visibility
    layer for the request's user, like everything else."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reverse = reverse

    def get_queryset(self):
        queryset = super().get_queryset()
        request = self.context.get("request")
        if hasattr(queryset, "visible_to"):
            queryset = queryset.visible_to(getattr(request, "user", None))
        return queryset


class LinkField(serializers.HyperlinkedIdentityField):
    """A record's own link (``url``), or one to another view of it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reverse = reverse
