"""The audit: recompute judgements from the data and compare them with what each report
edition stated. Every contradiction becomes a Finding with a one-sentence explanation.

Checks (docs/methodology.md, "Findings"):
  trend      stated trend word against the change from the previous period's value
  benchmark  stated benchmark word against the stated or stored comparator value
  rag        stated RAG letter against the word under the report's key
  value      stated Latest/Previous figure against the series value for the same period
  period     period labels that cannot be read
  range      values outside what their unit allows (a percentage over 100)
  key        printed words the report's own key does not explain
  count      stated number of indicators against the indicators the report holds
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from scrutinydesk import judgements as j
from scrutinydesk.core.vocab import Polarity
from scrutinydesk.ingest.units import in_other_unit
from scrutinydesk.outcomes.assessment import main_series, previous_observation
from scrutinydesk.outcomes.models import (
    IndicatorAlias,
    Observation,
    PerformanceMeasure,
    PopulationIndicator,
    ReportEdition,
    StatedJudgement,
)
from scrutinydesk.risks.models import RiskAssessment

from .models import Finding, FindingKind, Severity


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


def figure(value) -> str:
    """A figure as a reader would write it: 43.1, 3,553, 51."""
    if value is None:
        return "—"
    d = Decimal(value)
    if d == d.to_integral():
        return f"{int(d):,}"
    whole, _, fraction = format(d.normalize(), "f").partition(".")
    return f"{int(whole):,}.{fraction}" if whole not in ("-0",) else f"-0.{fraction}"


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

    # stated figures against the series
    for label, value, period in (("Latest", s.latest_value, s.latest_period),
                                 ("Previous", s.previous_value, s.previous_period)):
        obs = _observation_at(subject, period)
        if value is not None and obs is not None and Decimal(value) != obs.value:
            origin = f" (from the {obs.edition.edition:%B %Y} report)" if obs.edition_id \
                and obs.edition_id != s.edition_id else ""
            found.append(Found(f"value:{key}:{label}", FindingKind.VALUE, Severity.WARNING,
                               figure(value), figure(obs.value), (
                f"{name} ({where}): the {label.lower()} figure for {period.label} is stated "
                f"as {figure(value)}, but the series holds {figure(obs.value)}{origin}."), **base))

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
    """The judgement word as printed in a stated trend or benchmark: the first word after
    "Trend" or "Benchmark" ("DORSET - Trend Unchanged A" gives "Unchanged"), else the first
    word of the text that is not one of those headings."""
    text = (text or "").replace("\t", " ")
    after = re.search(r"(?i)\b(?:trend|benchmark)\b(.*)", text)
    for word in (after[1] if after else text).split():
        if word.isalpha() and word.casefold() not in {"trend", "latest", "the", "comparator",
                                                       "benchmark"}:
            return word
    return ""


def check_ranges() -> list[Found]:
    found = []
    for o in Observation.objects.filter(value__isnull=False).select_related(
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


def check_editions() -> list[Found]:
    found = []
    for edition in ReportEdition.objects.select_related("outcome"):
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


def audit() -> list[Found]:
    """Every finding the data support now."""
    for model in (PopulationIndicator, PerformanceMeasure):
        for subject in model.objects.all():
            infer_polarity(subject)
    found = []
    stated = StatedJudgement.objects.select_related(
        "edition__outcome", "indicator", "measure", "benchmark_comparator", "source"
    ).prefetch_related("indicator__observations__edition", "measure__observations__edition")
    for s in stated:
        found.extend(check_stated(s))
    found.extend(check_ranges())
    found.extend(check_editions())
    return found


@transaction.atomic
def recompute_findings() -> dict[str, int]:
    """Bring the stored findings up to date: new ones added, changed ones updated, ones the
    data no longer support kept but marked as no longer holding (a person's decision on a
    finding survives recomputation)."""
    found = {f.key: f for f in audit()}
    counts = {"new": 0, "updated": 0, "unchanged": 0, "resolved": 0}
    existing = {f.key: f for f in Finding.objects.all()}
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
