"""The audit: recompute judgements from the data and compare them with what each report
edition stated. Every contradiction becomes a Finding with a one-sentence explanation.

Checks (docs/methodology.md, "Findings"):
  trend      stated trend word against the change from the previous period's value
  benchmark  stated benchmark word against the stated or stored comparator value
  rag        stated RAG letter against the word under the report's key
  value      stated Latest/Previous figure against the figure the same edition printed in
             its series for that period (or, for a figure typed in, the series)
  revision   a figure a later edition printed differently from an earlier one
  period     period labels that cannot be read
  range      values outside what their unit allows (a percentage over 100)
  key        printed words the report's own key does not explain
  count      stated number of indicators against the indicators the report holds

An import audits what it changed (``Scope``), after its transaction; ``recompute_findings()``
with no scope audits the whole database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from scrutinydesk import judgements as j
from scrutinydesk.core.numbers import figure
from scrutinydesk.core.vocab import Polarity
from scrutinydesk.ingest.resolve import headline_label
from scrutinydesk.ingest.units import in_other_unit
from scrutinydesk.outcomes.assessment import main_series, previous_observation
from scrutinydesk.outcomes.models import (
    IndicatorAlias,
    Observation,
    PerformanceMeasure,
    PopulationIndicator,
    PrintedValue,
    ReportEdition,
    StatedJudgement,
    revisions_of,
)
from scrutinydesk.risks.models import RiskAssessment

from .models import Finding, FindingKind, Severity

__all__ = ["audit", "figure", "recompute_findings"]


@dataclass
class Scope:
    """What an import changed: the indicators, measures and editions it wrote to. Their
    findings are recomputed; all others are left as they are."""

    indicators: set[int] = field(default_factory=set)
    measures: set[int] = field(default_factory=set)
    editions: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, touched: dict[str, set[int]]) -> Scope:
        return cls(set(touched.get("indicator", ())), set(touched.get("measure", ())),
                   set(touched.get("edition", ())))

    def __bool__(self) -> bool:
        return bool(self.indicators or self.measures or self.editions)

    def subjects(self, model):
        ids = self.indicators if model is PopulationIndicator else self.measures
        return model.objects.filter(pk__in=ids)

    def findings(self):
        """The stored findings this scope's audit answers for."""
        return Finding.objects.filter(
            Q(indicator_id__in=self.indicators) | Q(measure_id__in=self.measures)
            | Q(indicator__isnull=True, measure__isnull=True, edition_id__in=self.editions))


@dataclass(frozen=True)
class Found:
    key: str
    kind: str
    severity: str
    stated: str
    computed: str
    explanation: str
    indicator: PopulationIndicator | None = None
    measure: PerformanceMeasure | None = None
    edition: ReportEdition | None = None
    source: object | None = None
    source_page: int | None = None


def _name(s: StatedJudgement) -> str:
    subject = s.subject
    code = s.code or getattr(subject, "code", "")
    return f"{code} {subject.title}".strip() if code else subject.title


def _where(s: StatedJudgement) -> str:
    pages = f", {s.source_pages}" if s.source_pages else ""
    return f"{s.edition.edition:%B %Y} report{pages}"


def infer_polarity(subject) -> None:
    """Where no one has set a polarity, read it from what the reports themselves say: a
    WORSE benchmark for a value above the comparator means lower is better. Used only when
    every such statement agrees; a person's setting is never overwritten."""
    if subject.polarity != Polarity.NO_JUDGEMENT or (
            subject.polarity_basis and not subject.polarity_basis.startswith("Inferred")):
        return
    votes: dict[str, list[str]] = {}
    for s in subject.statedjudgements.select_related("edition", "benchmark_comparator"):
        word = stated_word(s.benchmark or s.benchmark_printed, s.benchmark_text, "benchmark")
        if word in (j.Benchmark.BETTER, j.Benchmark.WORSE) and s.latest_value is not None \
                and s.benchmark_value is not None and s.latest_value != s.benchmark_value \
                and same_units(s, subject):
            above = s.latest_value > s.benchmark_value
            better = word is j.Benchmark.BETTER
            polarity = Polarity.HIGHER_IS_BETTER if above == better else Polarity.LOWER_IS_BETTER
            votes.setdefault(polarity, []).append(
                f"{s.edition.edition:%B %Y}: {figure(s.latest_value)} called "
                f"{word.value.upper()} than {figure(s.benchmark_value)}")
            letter = j.parse_rag(s.benchmark_rag) if s.benchmark_rag else None
            if letter in (j.RAG.GREEN, j.RAG.RED):
                good = letter is j.RAG.GREEN
                by_letter = Polarity.HIGHER_IS_BETTER if above == good else \
                    Polarity.LOWER_IS_BETTER
                votes.setdefault(by_letter, []).append(
                    f"{s.edition.edition:%B %Y}: marked {letter.letter}")
    if len(votes) != 1:
        return
    polarity, reasons = next(iter(votes.items()))
    basis = f"Inferred from the reports ({'; '.join(reasons)}); change it if that is wrong."
    type(subject).objects.filter(pk=subject.pk).update(polarity=polarity,
                                                       polarity_basis=basis[:500])
    subject.polarity, subject.polarity_basis = polarity, basis[:500]


def same_units(s: StatedJudgement, subject) -> bool:
    """False when the benchmark is printed in another unit than the headline figure
    ("BETTER per 100K pop = 928 …" beside a count of 960): those two cannot be compared."""
    return not in_other_unit(s.benchmark_text, subject.unit)


def _observation_at(subject, period):
    if period is None:
        return None
    return next((o for o in main_series(subject) if o.period.code == period.code), None)


def _printed_at(subject, period, edition):
    """The figure ``edition`` printed in ``subject``'s main series for ``period``, with
    the observation it belongs to: (value, observation). For a figure no edition printed
    (typed in), the series' own value; (None, None) when the edition printed none."""
    obs = _observation_at(subject, period)
    if obs is None:
        return None, None
    printed = list(obs.printed.all())
    if not printed:
        return obs.value, obs
    mine = next((p for p in printed if p.edition_id == edition.pk), None)
    return (mine.value, obs) if mine is not None else (None, None)


def check_stated(s: StatedJudgement) -> list[Found]:
    found: list[Found] = []
    subject = s.subject
    field = "indicator" if s.indicator_id else "measure"
    base = {field: subject, "edition": s.edition, "source": s.source,
            "source_page": s.source_page}
    key = f"{s.edition_id}:{field}{subject.pk}"
    name, where = _name(s), _where(s)
    band = float(subject.similar_band) / 100
    polarity = j.Polarity(subject.polarity or "no_judgement")
    edition_key = {k.casefold(): v for k, v in (s.edition.key or {}).items()}

    # period labels that cannot be read
    for label, text, period in (("Latest", s.latest_period_text, s.latest_period),
                                ("Previous", s.previous_period_text, s.previous_period)):
        if text and period is None:
            found.append(Found(f"period:{key}:{label}", FindingKind.PERIOD, Severity.WARNING,
                               text, "not a period", (
                f"{name} ({where}): the {label.lower()} period “{text}” cannot be read as a "
                "financial year, quarter, month or date, so its figure cannot be placed in "
                "the series."), **base))

    # stated figures against the series the same edition printed
    for label, value, period in (("Latest", s.latest_value, s.latest_period),
                                 ("Previous", s.previous_value, s.previous_period)):
        printed, obs = _printed_at(subject, period, s.edition)
        if value is not None and printed is not None and Decimal(value) != printed:
            holds = "the series holds" if not obs.printed.exists() else \
                "the series the same report prints holds"
            found.append(Found(f"value:{key}:{label}", FindingKind.VALUE, Severity.WARNING,
                               figure(value), figure(printed), (
                f"{name} ({where}): the {label.lower()} figure for {period.label} is stated "
                f"as {figure(value)}, but {holds} {figure(printed)}."), **base))

    # stated trend against the change from the previous period
    trend = stated_word(s.trend or s.trend_printed, s.trend_text, "trend")
    if trend in (j.Direction.IMPROVING, j.Direction.SIMILAR, j.Direction.WORSENING) \
            and s.latest_period is not None:
        latest = _observation_at(subject, s.latest_period)
        latest_value = s.latest_value if s.latest_value is not None else \
            (latest.value if latest else None)
        previous = previous_observation(
            main_series(subject), s.latest_period,
            same_period_last_year=subject.compare_same_period_last_year)
        if latest_value is not None and previous is not None:
            computed = j.direction_of_travel(
                float(latest_value), float(previous.value), polarity=polarity, similar_band=band,
                latest_label=s.latest_period.label, previous_label=previous.period.label)
            contradicts = False
            if trend is j.Direction.SIMILAR:
                contradicts = computed.movement is not j.Movement.SIMILAR
            elif polarity.judges:
                contradicts = computed.judgement is not trend
            elif computed.movement is j.Movement.SIMILAR:
                contradicts = True  # improving/worsening stated, but no real change
            if contradicts and computed.calculated:
                printed = s.trend_printed or _printed_word(s.trend_text) or s.trend
                found.append(Found(f"trend:{key}", FindingKind.TREND, Severity.WARNING,
                                   printed, computed.wording, (
                    f"{name} ({where}) is stated as “{printed}”, but "
                    f"{computed.explanation[0].lower()}{computed.explanation[1:]}"), **base))

    # stated benchmark word against the comparator value
    bench = stated_word(s.benchmark or s.benchmark_printed, s.benchmark_text, "benchmark")
    if bench in (j.Benchmark.BETTER, j.Benchmark.SIMILAR, j.Benchmark.WORSE) and \
            s.latest_value is not None and s.benchmark_value is not None and \
            same_units(s, subject):
        comparator = s.benchmark_comparator.name if s.benchmark_comparator else "the comparator"
        computed = j.compare_values(float(s.latest_value), float(s.benchmark_value),
                                    polarity=polarity, tolerance=band,
                                    value_label=s.latest_period.label if s.latest_period
                                    else None, comparator_label=comparator)
        contradicts = False
        if bench is j.Benchmark.SIMILAR:
            contradicts = computed.relation is not j.Benchmark.SIMILAR
        elif polarity.judges:
            contradicts = computed.judgement is not bench
        elif computed.relation is j.Benchmark.SIMILAR:
            contradicts = True
        if contradicts and computed.calculated:
            printed = " ".join(x for x in (s.benchmark_printed or bench.value.upper(),
                                           figure(s.benchmark_value)) if x)
            found.append(Found(f"benchmark:{key}", FindingKind.BENCHMARK, Severity.WARNING,
                               printed, computed.wording, (
                f"{name} ({where}) is stated as {bench.value.upper()} against {comparator}, "
                f"but {computed.explanation[0].lower()}{computed.explanation[1:]}"), **base))

    # RAG letters against the words, under the report's key
    for label, word, letter in (("trend", trend, s.trend_rag),
                                ("benchmark", bench, s.benchmark_rag)):
        if not letter or word is None:
            continue
        expected = j.rag_for_word(word)
        if expected in (None, j.RAG.NONE):
            continue  # a neutral word ("HIGHER") is not rated by the key: nothing to check
        if j.stated_rag_consistent(word, letter) is False:
            letter = j.parse_rag(letter).letter
            found.append(Found(f"rag:{key}:{label}", FindingKind.RAG, Severity.ERROR,
                               f"{word.value.upper()} {letter}",
                               f"{word.value.upper()} {expected.letter}", (
                f"{name} ({where}): the {label} is stated as {word.value.upper()} but marked "
                f"{letter}; under the report's key {word.value.upper()} is "
                f"{expected.word}, so the word and the letter "
                "cannot both be right."), **base))

    # words the report's own key does not explain
    if edition_key and trend in (j.Direction.IMPROVING, j.Direction.SIMILAR,
                                 j.Direction.WORSENING):
        for label, printed in (("trend", s.trend_printed or _printed_word(s.trend_text)),):
            if printed and printed.casefold() not in edition_key:
                found.append(Found(f"key:{key}:{label}", FindingKind.KEY, Severity.INFO,
                                   printed, "not in the key", (
                    f"{name} ({where}): the trend word “{printed}” is not one of the words the "
                    f"report's key explains ({', '.join(sorted(s.edition.key))})."), **base))
    return found


def stated_word(word: str, text: str, context: str):
    """The judgement a report stated: its recognised word, else the word read from the
    printed text ("DORSET - Trend Unchanged A")."""
    for candidate in (word, _printed_word(text), text):
        if candidate:
            found = j.normalise_stated_word(candidate, context=context)
            if found is not None:
                return found
    return None


def _printed_word(text: str) -> str:
    """The judgement word as printed in a stated trend, e.g. "IMPROVING" or "Unchanged"."""
    text = (text or "").replace("\t", " ")
    label = set(headline_label(text).casefold().split())  # the area's name: "DORSET - Trend"
    for word in text.split():
        if word.isalpha() and word.casefold() not in {"trend", "latest", "the", "comparator",
                                                       "benchmark", *label}:
            return word
    return ""


def check_revisions(observations) -> list[Found]:
    """A finding for each figure a later edition printed differently: "revised from 62
    (October 2017) to 63 (July 2018)". The later edition's figure is the one used."""
    found = []
    for r in revisions_of(observations):
        o = r.observation
        subject = o.subject
        field_name = "indicator" if o.indicator_id else "measure"
        label = f"{o.period.label}, {o.breakdown}" if o.breakdown else o.period.label
        found.append(Found(
            f"revision:observation{o.pk}:edition{r.earlier.edition_id}-{r.later.edition_id}",
            FindingKind.REVISION, Severity.INFO, figure(r.earlier.value), figure(r.later.value),
            (f"{subject} ({label}): {r.wording}; the {r.later.edition.edition:%B %Y} "
             "figure is the one used."),
            **{field_name: subject}, edition=r.later.edition, source=r.later.source,
            source_page=r.later.source_page))
    return found


def check_ranges(observations=None) -> list[Found]:
    found = []
    rows = Observation.objects.all() if observations is None else observations
    for o in rows.filter(value__isnull=False).select_related(
            "indicator", "measure", "edition", "source"):
        subject = o.subject
        low, high = subject.possible_range()
        unit = o.unit or subject.unit
        if (low is not None and o.value < low) or (high is not None and o.value > high):
            bound = f"{figure(low)} to {figure(high)}" if high is not None else f"at least {low}"
            field = "indicator" if o.indicator_id else "measure"
            found.append(Found(
                f"range:observation{o.pk}", FindingKind.RANGE, Severity.ERROR, figure(o.value),
                bound, (f"{subject} ({o.period.label}): {figure(o.value)} is outside what a value "
                        f"in {unit.replace('_', ' ')} can be ({bound})."),
                **{field: subject}, edition=o.edition, source=o.source,
                source_page=o.source_page))
    return found


def check_editions(editions=None) -> list[Found]:
    found = []
    rows = ReportEdition.objects.all() if editions is None else editions
    for edition in rows.select_related("outcome"):
        if edition.stated_indicator_count is not None:
            held = IndicatorAlias.objects.filter(edition=edition, indicator__isnull=False) \
                .exclude(indicator__parts__isnull=False).count()
            if held and held != edition.stated_indicator_count:
                found.append(Found(
                    f"count:edition{edition.pk}:indicators", FindingKind.COUNT, Severity.INFO,
                    str(edition.stated_indicator_count), str(held), (
                        f"The {edition} report says it has {edition.stated_indicator_count} "
                        f"population indicators, but {held} are printed in it."),
                    edition=edition, source=edition.source, source_page=edition.source_page))
        key = {k.casefold() for k in (edition.key or {})}
        if key:
            for a in RiskAssessment.objects.filter(edition=edition).select_related("risk"):
                if a.trend_text and a.trend_text.casefold() not in key:
                    found.append(Found(
                        f"key:edition{edition.pk}:risk{a.risk_id}", FindingKind.KEY,
                        Severity.INFO, a.trend_text, "not in the key", (
                            f"Risk {a.risk.code} ({edition} report): the trend word "
                            f"“{a.trend_text}” is not one of the words the report's key "
                            f"explains ({', '.join(sorted(edition.key))})."),
                        edition=edition, source=a.source, source_page=a.source_page))
    return found


def audit(scope: Scope | None = None) -> list[Found]:
    """Every finding the data support now: in the whole database, or for ``scope``'s
    indicators, measures and editions."""
    def subjects(model):
        return model.objects.all() if scope is None else scope.subjects(model)

    for model in (PopulationIndicator, PerformanceMeasure):
        for subject in subjects(model):
            infer_polarity(subject)
    found = []
    stated = StatedJudgement.objects.select_related(
        "edition__outcome", "indicator", "measure", "benchmark_comparator", "source"
    ).prefetch_related("indicator__observations__edition", "measure__observations__edition",
                       "indicator__observations__printed", "measure__observations__printed")
    observations = Observation.objects.all()
    if scope is not None:
        stated = stated.filter(Q(indicator_id__in=scope.indicators)
                               | Q(measure_id__in=scope.measures))
        observations = observations.filter(Q(indicator_id__in=scope.indicators)
                                           | Q(measure_id__in=scope.measures))
    for s in stated:
        found.extend(check_stated(s))
    revised = observations.filter(pk__in=PrintedValue.objects.values("observation")) \
        .select_related("indicator", "measure").prefetch_related("printed__edition",
                                                                  "printed__source")
    found.extend(check_revisions(revised))
    found.extend(check_ranges(observations))
    found.extend(check_editions(None if scope is None
                                else ReportEdition.objects.filter(pk__in=scope.editions)))
    return found


@transaction.atomic
def recompute_findings(scope: Scope | None = None) -> dict[str, int]:
    """Bring the stored findings up to date — all of them, or those of ``scope`` (what an
    import changed): new ones added, changed ones updated, ones the data no longer support
    kept but marked as no longer holding (a person's decision on a finding survives
    recomputation)."""
    counts = {"new": 0, "updated": 0, "unchanged": 0, "resolved": 0}
    if scope is not None and not scope:
        return counts
    found = {f.key: f for f in audit(scope)}
    rows = Finding.objects.all() if scope is None else scope.findings()
    existing = {f.key: f for f in rows}
    # a finding's key is unique: one outside the scope may still be found again
    outside = set(Finding.objects.filter(key__in=[k for k in found if k not in existing])
                  .values_list("key", flat=True))
    existing.update({f.key: f for f in Finding.objects.filter(key__in=outside)})
    for key, f in found.items():
        values = {"kind": f.kind, "severity": f.severity, "stated": f.stated[:500],
                  "computed": f.computed[:500], "explanation": f.explanation,
                  "indicator": f.indicator, "measure": f.measure, "edition": f.edition,
                  "source": f.source, "source_page": f.source_page, "still_holds": True}
        row = existing.get(key)
        if row is None:
            Finding.objects.create(key=key, **values)
            counts["new"] += 1
            continue
        changed = [n for n, v in values.items() if getattr(row, n) != v]
        if changed:
            for n in changed:
                setattr(row, n, values[n])
            row.save()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    for key, row in existing.items():
        if key not in found and row.still_holds:
            row.still_holds = False
            row.save(update_fields=["still_holds", "computed_at"])
            counts["resolved"] += 1
    return counts
