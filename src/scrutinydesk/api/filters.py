"""Filters of every API list (django-filter), made from each model's fields by one rule:

- a link to another record: ``?committee=3`` (its id; ``?committee__isnull=true`` too);
- a choice, a yes/no or a number: the value (``?status=held``, ``?exempt=false``);
- a date or a time: ``?date=…``, ``?date__gte=…``, ``?date__lte=…``;
- a period: its label or code (``?period=Q2 2017-18``, ``?period=FY2017Q2``);
- the fields a resource names as text: ``?title__icontains=…``.

Ordering (``?ordering=-date``) is by any of those fields; every list ends its order with
the id, so pages never overlap.
"""

from __future__ import annotations

import django_filters
from django.db import models
from rest_framework.filters import OrderingFilter

from scrutinydesk.core.fields import PeriodField, PeriodFormField

DATE_LOOKUPS = ["exact", "gte", "lte"]


class PeriodFilter(django_filters.CharFilter):
    """A period by its label or code."""

    field_class = PeriodFormField


def _filterable(field) -> bool:
    return field.concrete and not field.many_to_many and field.name not in (
        "confirmed_by", "imported_by", "reviewed_by", "source_page", "source_page_end")


def filterset_for(model, text: tuple[str, ...] = ()) -> type[django_filters.FilterSet]:
    """A FilterSet over ``model``'s links, choices, flags, numbers, dates and periods,
    with ``icontains`` on the ``text`` fields."""
    declared: dict = {}
    lookups: dict[str, list[str]] = {}
    for field in model._meta.get_fields():
        if not _filterable(field) or (not field.editable and field.name != "id"
                                      and not isinstance(field, models.DateField)):
            continue
        name = field.name
        if field.is_relation:
            related = field.related_model._meta.verbose_name
            declared[name] = django_filters.NumberFilter(
                field_name=name, help_text=f"The id of the {related}.")
            if field.null:
                declared[f"{name}__isnull"] = django_filters.BooleanFilter(
                    field_name=name, lookup_expr="isnull")
        elif isinstance(field, PeriodField):
            declared[name] = PeriodFilter(field_name=name,
                                          help_text="A period's label or code.")
        elif isinstance(field, models.DateField | models.TimeField):
            lookups[name] = DATE_LOOKUPS
        elif field.choices or isinstance(field, models.BooleanField | models.IntegerField
                                         | models.DecimalField | models.BigAutoField):
            lookups[name] = ["exact"]
        elif name in text:
            lookups[name] = ["exact", "icontains"]
    for name in text:
        lookups.setdefault(name, ["exact", "icontains"])
    meta = type("Meta", (), {"model": model, "fields": lookups})
    return type(f"{model.__name__}Filter", (django_filters.FilterSet,),
                {**declared, "Meta": meta})


def ordering_fields_for(model) -> list[str]:
    """The fields a list of ``model`` can be ordered by: everything but long text."""
    return [f.name for f in model._meta.concrete_fields
            if not isinstance(f, models.TextField | models.JSONField | models.FileField)
            and not f.is_relation and f.name not in ("code_key", "title_key", "name_key")]


class StableOrderingFilter(OrderingFilter):
    """``?ordering=`` among the view's ``ordering_fields``, then by id."""

    def get_ordering(self, request, queryset, view):
        ordering = list(super().get_ordering(request, queryset, view) or
                        queryset.model._meta.ordering)
        if not any(name.lstrip("-") in ("pk", "id") for name in ordering):
            ordering.append("pk")
        return ordering
