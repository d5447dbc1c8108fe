"""A person confirms what was read from a paper: its status, what was read from each part,
corrections of values, series assigned to the right indicator or measure, confirmation.

Every change is made as the person (django-simple-history records who), and a correction
is kept as a ``Correction`` that the loaders apply again when the paper is read again
(``ingest.corrections``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from scrutinydesk.core.models import Provenance, SourceDocument
from scrutinydesk.outcomes.models import (
    ComparatorValue,
    Observation,
    PerformanceMeasure,
    PopulationIndicator,
    StatedJudgement,
)
from scrutinydesk.outcomes.vocab import ObservationStatus

from .corrections import key_of_record
from .models import CorrectedRecord, Correction, CorrectionKind, PaperReview, ReviewStatus


class ReviewError(Exception):
    """A correction that cannot be made, with the reason in words for the reviewer."""


# Findings are the audit's conclusions about the data, not what a paper says: they have a
# review of their own (accepted or dismissed).
NOT_READ_FROM_PAPERS = ("findings",)


def provenance_models() -> list:
    """Every model whose rows record the paper they were read from."""
    return [m for m in apps.get_models() if issubclass(m, Provenance)
            and m._meta.app_label not in NOT_READ_FROM_PAPERS]


def records_of(source: SourceDocument) -> dict:
    """Each kind of record read from ``source`` (verbose name plural → queryset)."""
    out = {}
    for model in provenance_models():
        qs = model._default_manager.filter(source=source)
        if qs.exists():
            out[str(model._meta.verbose_name_plural)] = qs
    return out


def status_of(source: SourceDocument) -> str:
    review = PaperReview.objects.filter(source=source).first()
    return review.status if review else ReviewStatus.EXTRACTED


def unconfirmed_count(source: SourceDocument) -> int:
    return sum(qs.filter(confirmed_at__isnull=True).count()
               for qs in records_of(source).values())


# --- what was read, by part ---------------------------------------------------------------

@dataclass
class Part:
    """What was read about one indicator or measure: its figures and the pages they are on."""

    subject: object
    observations: list = field(default_factory=list)
    comparator_values: list = field(default_factory=list)
    stated: list = field(default_factory=list)
    unread: list = field(default_factory=list)  # unread figures printed on its pages

    @property
    def kind(self) -> str:
        return "indicator" if isinstance(self.subject, PopulationIndicator) else "measure"

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.subject.pk}"

    @property
    def pages(self) -> list[int]:
        pages = set()
        for row in (*self.observations, *self.comparator_values, *self.stated):
            if row.source_page is not None:
                end = row.source_page_end or row.source_page
                pages.update(range(row.source_page, min(end, row.source_page + 5) + 1))
        return sorted(pages)

    @property
    def series(self) -> list[str]:
        """The breakdowns of its observations: "" is the main series."""
        return sorted({o.breakdown for o in self.observations})

    @property
    def unconfirmed(self) -> int:
        rows = (*self.observations, *self.comparator_values, *self.stated)
        return sum(1 for r in rows if r.confirmed_at is None)


def parts_of(source: SourceDocument) -> list[Part]:
    """The figures read from ``source``, one part per indicator or measure, in the order
    of the pages they were read from."""
    parts: dict[tuple, Part] = {}

    def part(row) -> Part:
        subject = row.indicator or row.measure
        key = (type(subject).__name__, subject.pk)
        if key not in parts:
            parts[key] = Part(subject)
        return parts[key]

    related = ("indicator", "measure")
    for o in Observation.objects.filter(source=source).select_related(*related):
        part(o).observations.append(o)
    for c in ComparatorValue.objects.filter(source=source).select_related(
            *related, "comparator"):
        part(c).comparator_values.append(c)
    for s in StatedJudgement.objects.filter(source=source).select_related(*related):
        part(s).stated.append(s)
    return sorted(parts.values(), key=lambda p: (p.pages[:1] or [10**6], p.kind,
                                                  str(p.subject)))


@dataclass
class MeetingPart:
    """What was read about one meeting: who attended, and each agenda item with its
    decisions and the pages it is on."""

    meeting: object
    attendance: list = field(default_factory=list)
    items: list = field(default_factory=list)  # (item, decisions)
    other_decisions: list = field(default_factory=list)


def meetings_of(source: SourceDocument, user) -> list[MeetingPart]:
    """The meetings, agenda items, decisions and attendance read from ``source``, through
    the visibility layer (``core.visibility``)."""
    from scrutinydesk.committees.models import AgendaItem, Attendance, Decision

    parts: dict[int, MeetingPart] = {}

    def part(meeting) -> MeetingPart:
        if meeting.pk not in parts:
            parts[meeting.pk] = MeetingPart(meeting)
        return parts[meeting.pk]

    decisions: dict[int | None, list] = {}
    for d in Decision.objects.visible_to(user).filter(source=source).select_related(
            "meeting__committee").order_by("position", "pk"):
        decisions.setdefault(d.agenda_item_id, []).append(d)
    for item in AgendaItem.objects.visible_to(user).filter(source=source).select_related(
            "meeting__committee"):
        part(item.meeting).items.append((item, decisions.pop(item.pk, [])))
    for rows in decisions.values():
        for d in rows:
            part(d.meeting).other_decisions.append(d)
    for a in Attendance.objects.filter(source=source).select_related(
            "meeting__committee", "member", "officer", "substitute_for"):
        part(a.meeting).attendance.append(a)
    return sorted(parts.values(), key=lambda p: p.meeting.date)


def page_texts(text: str) -> dict[int, str]:
    """The paper's text by printed page, where "Page N" footers say where pages end (the
    lines after the footer of page N-1 up to the footer of page N are page N)."""
    from .text import Line, pages_from_markers

    lines = [Line(n, t) for n, t in enumerate(text.splitlines(), start=1)]
    pages: dict[int, list[str]] = {}
    for line in pages_from_markers(lines):
        if line.page is not None:
            pages.setdefault(line.page, []).append(line.text)
    return {page: "\n".join(body) for page, body in pages.items()}


@dataclass
class FigureAccount:
    """What the import's figure accounting (``SourceDocument.accounting``) says of a paper:
    how many printed figures were read, and the ones that were not."""

    total: int = 0
    read: int = 0
    set_aside: int = 0
    unread: list[dict] = field(default_factory=list)

    @property
    def known(self) -> bool:
        return self.total > 0

    @property
    def read_share(self) -> str:
        return f"{100 * self.read / self.total:.1f}" if self.total else ""

    @property
    def unread_headlines(self) -> list[dict]:
        """Figures on a Previous/Latest line or in a table cell: never to be missed."""
        return [u for u in self.unread if u.get("headline") or u.get("table")]


def figure_account(source: SourceDocument) -> FigureAccount:
    """The paper's figure accounting, where the import kept one."""
    ledger = getattr(source, "accounting", None) or {}
    if not isinstance(ledger, dict) or not ledger.get("total"):
        return FigureAccount()
    aside = ledger.get("set_aside") or {}
    return FigureAccount(
        total=int(ledger.get("total") or 0), read=int(ledger.get("read") or 0),
        set_aside=sum(aside.values()) if isinstance(aside, dict) else 0,
        unread=sorted((u for u in ledger.get("unread") or [] if isinstance(u, dict)),
                      key=lambda u: (u.get("page") or 0, u.get("line") or 0)))


def place_unread(parts: list[Part], account: FigureAccount) -> None:
    """Give each part the unread figures printed on its pages (``part.unread``)."""
    for part in parts:
        pages = set(part.pages)
        part.unread = [u for u in account.unread if u.get("page") in pages]


# --- changes a person makes ------------------------------------------------------------------

def _as_person(obj, user):
    obj._history_user = user
    return obj


def _review(source: SourceDocument) -> PaperReview:
    review, _ = PaperReview.objects.get_or_create(source=source)
    return review


@transaction.atomic
def correct_value(row: Observation | ComparatorValue, value: Decimal, user, *,
                  reason: str = "") -> Correction:
    """Set a figure read from a paper to ``value``, as ``user``, and keep the correction so
    that reading the paper again keeps it. The row counts as confirmed by ``user``."""
    if row.source_id is None:
        raise ReviewError("This figure was typed in, not read from a paper: change it in "
                          "the administration pages.")
    key = key_of_record(row)
    record = key[0]
    existing = Correction.objects.filter(
        kind=CorrectionKind.VALUE, record=record, indicator_id=row.indicator_id,
        measure_id=row.measure_id, comparator_id=getattr(row, "comparator_id", None),
        period=row.period, breakdown=getattr(row, "breakdown", "")).first()
    correction = existing or Correction(
        kind=CorrectionKind.VALUE, record=record, indicator_id=row.indicator_id,
        measure_id=row.measure_id, comparator_id=getattr(row, "comparator_id", None),
        period=row.period, breakdown=getattr(row, "breakdown", ""), read_value=row.value)
    correction.source_id = row.source_id
    correction.value, correction.reason, correction.made_by = value, reason[:500], user
    _as_person(correction, user).save()
    row.value = value
    if isinstance(row, Observation) and value is not None:
        row.status = ObservationStatus.PUBLISHED
    row.confirmed_at, row.confirmed_by = timezone.now(), user
    _as_person(row, user).save()
    return correction


@transaction.atomic
def assign_series(source: SourceDocument, subject, breakdown: str, target, user) -> int:
    """File the observations read from ``source`` under ``subject`` (and ``breakdown``)
    under ``target``'s main series instead, as ``user``; later readings of the paper do the
    same. Returns how many observations moved. A period ``target`` already holds with
    another value is an error: nothing moves."""
    if target == subject:
        raise ReviewError("Choose another indicator or measure than the one the series is "
                          "filed under now.")
    field_from = "indicator" if isinstance(subject, PopulationIndicator) else "measure"
    field_to = "indicator" if isinstance(target, PopulationIndicator) else "measure"
    rows = list(Observation.objects.filter(source=source, breakdown=breakdown,
                                           **{field_from: subject}))
    if not rows:
        raise ReviewError("No figures of that series were read from this paper.")
    held = {o.period.code: o for o in Observation.objects.filter(
        **{field_to: target}, breakdown="", period__in=[r.period for r in rows])}
    clashes = [r for r in rows if r.period.code in held
               and held[r.period.code].value != r.value]
    if clashes:
        raise ReviewError(
            f"{target} already has other figures for "
            f"{', '.join(r.period.label for r in clashes)}; correct those first.")
    correction = Correction.objects.filter(
        kind=CorrectionKind.SERIES, breakdown=breakdown, **{field_from: subject}).first() \
        or Correction(kind=CorrectionKind.SERIES, breakdown=breakdown,
                      **{field_from: subject})
    correction.source = source
    correction.to_indicator = target if field_to == "indicator" else None
    correction.to_measure = target if field_to == "measure" else None
    correction.made_by = user
    _as_person(correction, user).save()
    now = timezone.now()
    for row in rows:
        if row.period.code in held:  # the same figure is already there
            _as_person(row, user).delete()
            continue
        row.indicator = target if field_to == "indicator" else None
        row.measure = target if field_to == "measure" else None
        row.breakdown = ""
        if row.unit == target.unit:
            row.unit = ""
        row.confirmed_at, row.confirmed_by = now, user
        row.full_clean(exclude=["edition", "source"])
        _as_person(row, user).save()
    return len(rows)


@transaction.atomic
def confirm_paper(source: SourceDocument, user) -> int:
    """Confirm, as ``user``, every record read from ``source`` that no one has confirmed
    yet; the paper's status becomes "confirmed". Returns how many records were confirmed."""
    now = timezone.now()
    count = 0
    for qs in records_of(source).values():
        count += qs.filter(confirmed_at__isnull=True).update(confirmed_at=now,
                                                             confirmed_by=user)
    review = _review(source)
    review.status, review.confirmed_at, review.confirmed_by = \
        ReviewStatus.CONFIRMED, now, user
    _as_person(review, user).save()
    return count


@transaction.atomic
def confirm_part(source: SourceDocument, subject, user) -> int:
    """Confirm, as ``user``, the figures read from ``source`` for one indicator or measure
    (observations, comparator values, stated judgements). Returns how many."""
    field_name = "indicator" if isinstance(subject, PopulationIndicator) else "measure"
    now = timezone.now()
    return sum(model.objects.filter(source=source, confirmed_at__isnull=True,
                                    **{field_name: subject})
               .update(confirmed_at=now, confirmed_by=user)
               for model in (Observation, ComparatorValue, StatedJudgement))


def after_reading_again(source: SourceDocument, user) -> None:
    """After a paper is read again: it is extracted again when the reading changed any of
    its records (a changed record is no longer confirmed)."""
    review = PaperReview.objects.filter(source=source).first()
    if review is None or review.status != ReviewStatus.CONFIRMED:
        return
    if unconfirmed_count(source):
        review.status, review.confirmed_at, review.confirmed_by = \
            ReviewStatus.EXTRACTED, None, None
        _as_person(review, user).save()


def corrections_of(source: SourceDocument):
    return Correction.objects.filter(source=source).select_related(
        "indicator", "measure", "comparator", "to_indicator", "to_measure", "made_by")


def targets_for(subject) -> list:
    """Where a series read under ``subject`` could belong: the indicators and measures of
    the same outcome."""
    outcome = subject.outcome
    return [*PopulationIndicator.objects.filter(outcome=outcome),
            *PerformanceMeasure.objects.filter(outcome=outcome)]


__all__ = ["CorrectedRecord", "FigureAccount", "MeetingPart", "Part", "ReviewError",
           "assign_series", "confirm_paper", "confirm_part", "correct_value",
           "corrections_of", "figure_account", "meetings_of", "page_texts", "parts_of",
           "place_unread", "records_of", "status_of", "targets_for", "unconfirmed_count"]
