"""Judgements computed from data by documented rules (see docs/methodology.md).

Pure functions, standard library only, no Django. Each public function checks its
arguments and raises ``JudgementInputError`` (a ``ValueError``) with a specific
message; data that are merely missing give a result whose ``cannot_calculate``
says why. Results are frozen dataclasses carrying their method, polarity,
confidence (None for band rules) and a one-sentence ``explanation``.
"""

from ._checks import DEFAULT_CONFIDENCE, DEFAULT_SIMILAR_BAND
from .errors import JudgementInputError
from .intervals import EXACT_BELOW, Interval
from .peers import (
    MIN_PEERS_FOR_QUARTILES,
    NeighbourMean,
    QuartilePosition,
    neighbour_mean,
    quartile_position,
)
from .polarity import Evidence, PolaritySuggestion, Statement, read_statement, suggest_polarity
from .rag import (
    DEFAULT_KEY,
    normalise_stated_word,
    parse_rag,
    printed_words,
    rag_for_benchmark,
    rag_for_target,
    rag_for_trend,
    rag_for_word,
    stated_rag_consistent,
)
from .significance import (
    BenchmarkResult,
    byar_interval,
    compare_to_comparator,
    compare_values,
    count_interval,
    exact_poisson_interval,
    rate_interval,
    wilson_interval,
)
from .targets import TargetResult, target_status
from .trend import (
    DEFAULT_TREND_PERIODS,
    Point,
    TrendResult,
    direction_of_travel,
    same_period_last_year,
    trend_over_periods,
)
from .vocab import (
    RAG,
    BandKind,
    Benchmark,
    CannotCalculate,
    Direction,
    Movement,
    Polarity,
    RiskLevel,
    TargetStatus,
    benchmark_for,
    direction_for,
)

__all__ = [
    "DEFAULT_CONFIDENCE",
    "DEFAULT_KEY",
    "DEFAULT_SIMILAR_BAND",
    "DEFAULT_TREND_PERIODS",
    "EXACT_BELOW",
    "Evidence",
    "MIN_PEERS_FOR_QUARTILES",
    "RAG",
    "BandKind",
    "Benchmark",
    "BenchmarkResult",
    "CannotCalculate",
    "Direction",
    "Interval",
    "JudgementInputError",
    "Movement",
    "NeighbourMean",
    "Point",
    "Polarity",
    "PolaritySuggestion",
    "QuartilePosition",
    "RiskLevel",
    "Statement",
    "TargetResult",
    "TargetStatus",
    "TrendResult",
    "benchmark_for",
    "byar_interval",
    "compare_to_comparator",
    "compare_values",
    "count_interval",
    "direction_for",
    "direction_of_travel",
    "exact_poisson_interval",
    "neighbour_mean",
    "normalise_stated_word",
    "parse_rag",
    "printed_words",
    "quartile_position",
    "rag_for_benchmark",
    "rag_for_target",
    "rag_for_trend",
    "rag_for_word",
    "rate_interval",
    "read_statement",
    "same_period_last_year",
    "stated_rag_consistent",
    "suggest_polarity",
    "target_status",
    "trend_over_periods",
    "wilson_interval",
]
