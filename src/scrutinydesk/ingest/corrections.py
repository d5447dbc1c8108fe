"""People's corrections, applied by the loaders whenever a paper is read (docs/methodology.md,
"Corrections"). ``CorrectionBook.load()`` reads them once per import; ``apply`` turns what
a loader is about to write into what a person said is right."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from scrutinydesk.outcomes.models import ComparatorValue, Observation
from scrutinydesk.outcomes.vocab import ObservationStatus

from .models import CorrectedRecord, Correction, CorrectionKind

RECORD_OF_MODEL = {Observation: CorrectedRecord.OBSERVATION,
                   ComparatorValue: CorrectedRecord.COMPARATOR_VALUE}


def _pk(value):
    return getattr(value, "pk", value)


def _code(period) -> str:
    return getattr(period, "code", period or "") or ""


def value_key(record: str, indicator, measure, comparator, period, breakdown: str) -> tuple:
    """What a corrected value is known by: the kind of record, its series and its period."""
    return (str(record), _pk(indicator), _pk(measure), _pk(comparator), _code(period),
            breakdown or "")


def series_key(indicator, measure, breakdown: str) -> tuple:
    return (_pk(indicator), _pk(measure), breakdown or "")


def key_of_record(obj) -> tuple:
    """The key of an observation or comparator value row."""
    record = RECORD_OF_MODEL[type(obj)]
    return value_key(record, obj.indicator_id, obj.measure_id,
                     getattr(obj, "comparator_id", None), obj.period,
                     getattr(obj, "breakdown", ""))


@dataclass
class CorrectionBook:
    values: dict[tuple, Correction] = field(default_factory=dict)
    series: dict[tuple, Correction] = field(default_factory=dict)
    applied: list[Correction] = field(default_factory=list)

    @classmethod
    def load(cls) -> CorrectionBook:
        book = cls()
        for c in Correction.objects.all():
            if c.kind == CorrectionKind.SERIES:
                book.series[series_key(c.indicator_id, c.measure_id, c.breakdown)] = c
            else:
                book.values[value_key(c.record, c.indicator_id, c.measure_id,
                                      c.comparator_id, c.period, c.breakdown)] = c
        return book

    def __bool__(self) -> bool:
        return bool(self.values or self.series)

    def apply(self, model, lookup: dict, values: dict) -> tuple[dict, dict]:
        """``lookup`` and ``values`` of a row about to be written, with corrections made:
        a series assigned elsewhere is written there; a value is replaced where the
        importer read the figure the correction was made on."""
        record = RECORD_OF_MODEL.get(model)
        if record is None or not self:
            return lookup, values
        both = {**values, **lookup}
        if record == CorrectedRecord.OBSERVATION:
            moved = self.series.get(series_key(both.get("indicator"), both.get("measure"),
                                               both.get("breakdown", "")))
            if moved is not None:
                lookup = {k: v for k, v in lookup.items() if k not in ("indicator", "measure")}
                lookup["indicator" if moved.to_indicator_id else "measure"] = moved.target
                lookup["breakdown"] = ""
                values = {k: v for k, v in values.items() if k not in ("indicator", "measure")}
                self.applied.append(moved)
                both = {**values, **lookup}
        correction = self.values.get(value_key(
            record, both.get("indicator"), both.get("measure"), both.get("comparator"),
            both.get("period"), both.get("breakdown", "")))
        if correction is not None and _same(values.get("value"), correction.read_value):
            values = {**values, "value": correction.value}
            if "status" in values and correction.value is not None:
                values["status"] = ObservationStatus.PUBLISHED  # a figure is now given
            self.applied.append(correction)
        return lookup, values


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return Decimal(a) == Decimal(b)
