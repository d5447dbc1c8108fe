"""Exempt information: who may see it, and the querysets that keep it from everyone else.

A committee may exclude the public from an item whose papers hold exempt information
(Schedule 12A to the Local Government Act 1972). Scrutiny Desk keeps such items, and this
module is the one place that decides who sees them (docs/decisions/0001-exempt-information.md):

``can_see_exempt(user)``
    The policy. Signed-in members, officers, clerks and administrators (anyone holding the
    ``core.view_exempt`` permission, which their roles grant) may; the public may not.

``Model.objects.visible_to(user)``
    On every model that can carry exempt information. Everything for those who may see
    it; for everyone else the public part:

    ``AgendaItem``   every item, so the public agenda reads as printed, but an exempt item
                     keeps only its number, title, pages and paragraph: its minutes and
                     description read as blank, and its decisions, undertakings,
                     declarations and documents as none. Documents marked exempt are left
                     out of every item.
    ``Document``, ``Decision``, ``Undertaking``, ``Declaration``
                     without those of exempt items (and, for documents, those marked exempt).
    ``SourceDocument``  every paper, but one with exempt parts has no text, file or
                     warnings (``has_exempt_parts`` says which, for everyone).
    ``Finding``      without findings read from a paper with exempt parts.
    ``AgendaPack``   the public agenda pack, never the members' pack (which holds the
                     exempt papers).
    ``AttachmentImport``  not the imports of papers the public may not have.
    ``Meeting``      every meeting, with its items, documents, decisions, undertakings and
                     declarations fetched through the querysets above, so
                     ``meeting.items.all()`` in a template is already filtered.

A public queryset stays safe however it is refined: a keyword filter on a blanked field
(``minutes__icontains``) or through an emptied relation (``decisions__text``) tests what the
public sees, ordering by a blanked field orders by what the public sees, and naming a
blanked field or emptied relation in ``values()``, ``annotate()`` or ``aggregate()`` raises
``ExemptFieldError`` (use ``public_minutes``, the field as the public sees it). A record
loaded for the public cannot be saved.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.query import ModelIterable
from django.db.models.signals import pre_save
from django.dispatch import receiver

VIEW_EXEMPT = "core.view_exempt"
REDACTED = "exempt_redacted"  # annotation: True on a row whose exempt parts are blanked
PUBLIC_PREFIX = "public_"  # alias of a blanked field as the public sees it

__all__ = [
    "VIEW_EXEMPT",
    "AgendaItemQuerySet",
    "AgendaPackQuerySet",
    "AttachmentImportQuerySet",
    "DocumentQuerySet",
    "ExemptFieldError",
    "ExemptItemChildQuerySet",
    "FindingQuerySet",
    "MeetingQuerySet",
    "QuotedFigureQuerySet",
    "ReportSectionQuerySet",
    "SearchEntryQuerySet",
    "SourceDocumentQuerySet",
    "VisibleQuerySet",
    "VisibleToUserMixin",
    "can_see_exempt",
    "is_redacted",
]


def can_see_exempt(user) -> bool:
    """True when ``user`` may see exempt information: the one rule, used everywhere."""
    return bool(user is not None and getattr(user, "is_authenticated", False)
                and user.is_active and user.has_perm(VIEW_EXEMPT))


def is_redacted(obj) -> bool:
    """True when ``obj`` was loaded for the public with its exempt parts blanked."""
    return bool(getattr(obj, REDACTED, False))


class ExemptFieldError(ValueError):
    """A public queryset was asked for a field or relation the public may not see."""


class PublicIterable(ModelIterable):
    """Marks a queryset made by ``public()``, whose refinements are checked."""


class VisibleQuerySet(models.QuerySet):
    """A queryset that knows what the public may see of its model."""

    def _is_public(self) -> bool:
        return isinstance(self._iterable_class, type) and issubclass(
            self._iterable_class, PublicIterable)

    def visible_to(self, user):
        """Everything for those who may see exempt information, else ``public()``."""
        return self.for_exempt_viewers() if can_see_exempt(user) else self.public()

    def for_exempt_viewers(self):
        return self.all()

    def public(self):
        raise NotImplementedError(f"{type(self).__name__} must say what the public sees")


def _excluding(condition: Q):
    """A ``public()`` that leaves out the rows matching ``condition``."""

    def public(self):
        qs = self.exclude(condition)
        qs._iterable_class = PublicIterable
        return qs

    public.__doc__ = f"Without the rows where {condition}."
    return public


class RedactingIterable(PublicIterable):
    """Yields instances whose exempt parts are blanked, as ``RedactingQuerySet`` declares."""

    def __iter__(self):
        queryset = type(self.queryset)
        for obj in super().__iter__():
            if getattr(obj, REDACTED, False):
                for name, blank in queryset.blanked_fields.items():
                    setattr(obj, name, blank() if callable(blank) else blank)
                cache = obj.__dict__.setdefault("_prefetched_objects_cache", {})
                for name in queryset.emptied_relations:
                    relation = obj._meta.get_field(name)
                    cache[relation.cache_name] = relation.related_model._default_manager.none()
            yield obj


class RedactingQuerySet(VisibleQuerySet):
    """For the public, rows matching ``redact_when()`` keep their place with their exempt
    parts blanked (``blanked_fields``) and their exempt relations empty
    (``emptied_relations``, each with a condition its public rows meet)."""

    blanked_fields: dict[str, Any] = {}
    emptied_relations: dict[str, Q] = {}

    def redact_when(self):
        raise NotImplementedError

    def public(self):
        qs = self.annotate(**{REDACTED: ExpressionWrapper(self.redact_when(),
                                                          output_field=BooleanField())})
        qs = qs.alias(**{
            PUBLIC_PREFIX + name: Case(When(**{REDACTED: True}, then=Value(blank)),
                                       default=F(name),
                                       output_field=models.TextField())
            for name, blank in self.blanked_fields.items() if isinstance(blank, str)})
        qs._iterable_class = RedactingIterable
        return qs

    # --- keeping a public queryset public however it is refined -----------------------

    def _hidden(self, name: str) -> bool:
        first = name.lstrip("-").split("__", 1)[0]
        return first in self.blanked_fields or first in self.emptied_relations

    def _public_q(self, q: Q) -> Q:
        """``q`` with each lookup on a blanked field or emptied relation replaced by what
        it is for the public."""
        out = Q()
        out.connector, out.negated = q.connector, q.negated
        for child in q.children:
            if isinstance(child, Q):
                out.children.append(self._public_q(child))
                continue
            if not isinstance(child, tuple):
                self._refuse_expression(child)
                out.children.append(child)
                continue
            lookup, value = child
            first = lookup.split("__", 1)[0]
            if first in self.blanked_fields:
                if not isinstance(self.blanked_fields[first], str):
                    raise ExemptFieldError(f"the public cannot filter on {first!r}")
                out.children.append((PUBLIC_PREFIX + lookup, value))
            elif first in self.emptied_relations:
                out.children.append(Q((lookup, value)) & Q(**{REDACTED: False})
                                    & self.emptied_relations[first])
            else:
                out.children.append(child)
        return out

    def _refuse_names(self, names) -> None:
        hidden = sorted({n for n in names if isinstance(n, str) and self._hidden(n)})
        if hidden:
            raise ExemptFieldError(
                f"{', '.join(hidden)} may hold exempt information; on a public queryset use "
                f"the public_ alias of a field, or the related model's visible_to()")

    def _refuse_expression(self, expression) -> None:
        names = []
        for node in getattr(expression, "flatten", lambda: [expression])():
            if isinstance(node, F):
                names.append(node.name)
            elif isinstance(node, Q):
                names.extend(c[0] for c in node.children if isinstance(c, tuple))
        self._refuse_names(names)

    def _filter_or_exclude_inplace(self, negate, args, kwargs):
        if self._is_public():
            args, kwargs = (self._public_q(Q(*args, **kwargs)),), {}
        super()._filter_or_exclude_inplace(negate, args, kwargs)

    def _values(self, *fields, **expressions):
        if self._is_public():
            if not fields:
                raise ExemptFieldError("values() of every field on a public queryset would "
                                       "include exempt ones; name the fields")
            self._refuse_names(f for f in fields if f not in expressions)
        return super()._values(*fields, **expressions)

    def _annotate(self, args, kwargs, select=True):
        if self._is_public():
            for expression in (*args, *kwargs.values()):
                self._refuse_expression(expression)
        return super()._annotate(args, kwargs, select)

    def aggregate(self, *args, **kwargs):
        if self._is_public():
            for expression in (*args, *kwargs.values()):
                self._refuse_expression(expression)
        return super().aggregate(*args, **kwargs)

    def order_by(self, *field_names):
        if self._is_public():
            renamed = []
            for name in field_names:
                if isinstance(name, str) and name.lstrip("-") in self.blanked_fields:
                    sign = "-" if name.startswith("-") else ""
                    name = sign + PUBLIC_PREFIX + name.lstrip("-")
                elif isinstance(name, str):
                    self._refuse_names([name])
                else:
                    self._refuse_expression(name)
                renamed.append(name)
            field_names = tuple(renamed)
        return super().order_by(*field_names)


@receiver(pre_save)
def _refuse_saving_redacted(sender, instance, **kwargs):
    if is_redacted(instance):
        raise ExemptFieldError(f"{sender.__name__} {instance.pk} was loaded for the public "
                               "with its exempt parts blanked; saving it would erase them")


# --- the models --------------------------------------------------------------------------

_ITEM_IS_EXEMPT = Q(agenda_item__exempt=True)
_DOCUMENT_IS_EXEMPT = Q(exempt=True) | _ITEM_IS_EXEMPT


class AgendaItemQuerySet(RedactingQuerySet):
    """Agenda items: an exempt item shows the public its title, never its business."""

    blanked_fields = {"minutes": "", "description": ""}
    emptied_relations = {
        "decisions": Q(),
        "undertakings": Q(),
        "declarations": Q(),
        "documents": Q(documents__exempt=False),
    }

    def redact_when(self):
        return Q(exempt=True)

    def public(self):
        document = apps.get_model("committees", "Document")
        return super().public().prefetch_related(
            models.Prefetch("documents", queryset=document._default_manager.public()))


class DocumentQuerySet(VisibleQuerySet):
    """Meeting papers: the public never gets one marked exempt or one of an exempt item."""

    public = _excluding(_DOCUMENT_IS_EXEMPT)


class ReportSectionQuerySet(VisibleQuerySet):
    """Sections of a long report: the public never gets those of a paper it may not have."""

    public = _excluding(Q(document__exempt=True) | Q(document__agenda_item__exempt=True))


class QuotedFigureQuerySet(VisibleQuerySet):
    """Figures quoted in a report's sections: none from a paper the public may not have."""

    public = _excluding(Q(section__document__exempt=True)
                        | Q(section__document__agenda_item__exempt=True))


class AgendaPackQuerySet(VisibleQuerySet):
    """Published agenda packs: the public never gets the members' pack."""

    public = _excluding(Q(members_only=True))


class AttachmentImportQuerySet(VisibleQuerySet):
    """Imports of attached papers: the public never gets one of a paper it may not have."""

    public = _excluding(Q(document__exempt=True) | Q(document__agenda_item__exempt=True))


class ExemptItemChildQuerySet(VisibleQuerySet):
    """Decisions, undertakings and declarations: the public never gets those of an exempt
    item."""

    public = _excluding(_ITEM_IS_EXEMPT)


def _exempt_parts_of_paper():
    """True for a paper (``OuterRef('pk')``) from which exempt records were read."""
    paper = OuterRef("pk")

    def read(model, condition):
        return Exists(apps.get_model("committees", model)._default_manager.filter(
            condition, source=paper))

    return (read("AgendaItem", Q(exempt=True)) | read("Document", _DOCUMENT_IS_EXEMPT)
            | read("Decision", _ITEM_IS_EXEMPT) | read("Undertaking", _ITEM_IS_EXEMPT)
            | read("Declaration", _ITEM_IS_EXEMPT))


class SourceDocumentQuerySet(RedactingQuerySet):
    """Imported papers: the public never gets the text or file of one with exempt parts."""

    blanked_fields = {"text": "", "file": "", "warnings": list}

    def redact_when(self):
        return _exempt_parts_of_paper()

    def with_exempt_parts(self):
        """Each paper with ``has_exempt_parts``, for those who may see exempt information."""
        return self.annotate(has_exempt_parts=_exempt_parts_of_paper())

    def for_exempt_viewers(self):
        return self.with_exempt_parts()

    def public(self):
        return super().public().annotate(has_exempt_parts=F(REDACTED))


class FindingQuerySet(VisibleQuerySet):
    """Findings quote their paper: the public never gets one read from a paper with exempt
    parts."""

    def public(self):
        paper = apps.get_model("core", "SourceDocument")
        exempt_papers = paper._default_manager.with_exempt_parts().filter(
            has_exempt_parts=True)
        qs = self.exclude(source__in=exempt_papers.values("pk"))
        qs._iterable_class = PublicIterable
        return qs


class MeetingQuerySet(VisibleQuerySet):
    """Meetings, each with its business fetched through the layer."""

    BUSINESS = ("items", "documents", "decisions", "undertakings", "declarations")

    def _with_business(self, *, public: bool):
        lookups = []
        for name in self.BUSINESS:
            related = self.model._meta.get_field(name).related_model._default_manager
            lookups.append(models.Prefetch(
                name, queryset=related.public() if public else related.for_exempt_viewers()))
        return self.prefetch_related(*lookups)

    def for_exempt_viewers(self):
        return self._with_business(public=False)

    def public(self):
        qs = self._with_business(public=True)
        qs._iterable_class = PublicIterable
        return qs

    def _filter_or_exclude_inplace(self, negate, args, kwargs):
        if self._is_public():
            names = [*kwargs, *(c[0] for a in args if isinstance(a, Q)
                                for c in a.children if isinstance(c, tuple))]
            if any(n.split("__", 1)[0] in self.BUSINESS for n in names):
                raise ExemptFieldError(
                    "filter a meeting's business through that model's visible_to() "
                    "(e.g. AgendaItem.objects.visible_to(user)), not through Meeting")
        super()._filter_or_exclude_inplace(negate, args, kwargs)


class VisibleToUserMixin:
    """For class-based views (Django's and DRF's): ``get_queryset()`` through the layer
    for ``self.request.user``."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class SearchEntryQuerySet(VisibleQuerySet):
    """The search index: for the public, without entries marked exempt (an entry is marked
    exempt when the public may not see its record's text, as the querysets above decide)."""

    public = _excluding(Q(exempt=True))
