"""Figures a report quotes, matched by their wording to an indicator or a measure.

A figure with a unit ("41 per 10,000", "21%") is read from each sentence of a section
(``officer_report.figures_in``). Its wording is the sentence from the figure before it (or
the sentence's start) up to the figure after it (or the sentence's end). A subject — a
population indicator or performance measure — fits when

- its unit is the figure's unit, and
- at least ``MIN_SHARED`` of the content words of its title are in the wording, making up
  at least ``THRESHOLD`` of those words (content words: lower case, without stop words,
  numbers and words under three letters, plurals made singular).

The best fit is taken only when no other subject comes within ``MARGIN`` of it; a weak or
ambiguous fit is no match. Nothing here touches the database: subjects are passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from scrutinydesk.ingest.parsers.officer_report import figures_in
from scrutinydesk.ingest.records import ParsedStatedFigure, SourceRef

THRESHOLD = 0.75
MIN_SHARED = 2
MARGIN = 0.15

_STOP_TEXT = """
a about above after all also an and any are as at be been being below between both but by
can could did do does during each for from had has have how in into is it its more most no
not of on or our over per than that the their them there these they this those through to
under up was we were what when where which who whom why will with within without would
number numbers rate rates percentage proportion total
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9£])")


@dataclass(frozen=True, slots=True)
class Subject:
    """An indicator or measure a quoted figure may be of."""

    kind: str  # "indicator" or "measure"
    pk: int
    title: str
    unit: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A figure quoted in a sentence, and the subject it was matched to."""

    figure: ParsedStatedFigure
    subject: Subject
    score: float


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> set[str]:
    """The words of ``text`` that say what it is about."""
    words = _WORD.findall(text.lower().replace("’", "'").replace("'s", ""))
    return {_singular(w) for w in words
            if len(w) >= 3 and not w.isdigit() and w not in STOP_WORDS}


def _score(title_words: set[str], wording: set[str]) -> tuple[float, int]:
    if not title_words:
        return 0.0, 0
    shared = len(title_words & wording)
    return shared / len(title_words), shared


def match(wording: str, unit: str, subjects: Iterable[Subject]) -> tuple[Subject, float] | None:
    """The one subject whose title fits ``wording`` and whose unit is ``unit``, with its
    score; None when none fits well enough or two fit about as well."""
    words = content_words(wording)
    scored = []
    for subject in subjects:
        if not unit or subject.unit != unit:
            continue
        score, shared = _score(content_words(subject.title), words)
        scored.append((score, shared, subject))
    scored.sort(key=lambda s: -s[0])
    if not scored:
        return None
    best, shared, subject = scored[0]
    if best < THRESHOLD or shared < MIN_SHARED:
        return None
    if len(scored) > 1 and scored[1][0] > best - MARGIN:
        return None
    return subject, round(best, 3)


def sentences(text: str) -> list[str]:
    """The sentences of a section's text, one paragraph per line."""
    out = []
    for paragraph in text.splitlines():
        out.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())
    return out


def _wordings(sentence: str, figures: list[ParsedStatedFigure]) -> list[str]:
    """For each figure, the words around it up to the figures either side."""
    spans, cursor = [], 0
    for f in figures:
        start = sentence.find(f.value_text, cursor)
        if start < 0:
            start = cursor
        spans.append((start, start + len(f.value_text)))
        cursor = start + len(f.value_text)
    out = []
    for i in range(len(spans)):
        begin = spans[i - 1][1] if i else 0
        end = spans[i + 1][0] if i + 1 < len(spans) else len(sentence)
        out.append(sentence[begin:end])
    return out


def quotes_in(text: str, subjects: Iterable[Subject], ref: SourceRef | None = None
              ) -> list[Quote]:
    """Every figure in ``text`` matched to a subject; figures with no match are left out."""
    subjects = list(subjects)
    out = []
    for sentence in sentences(text):
        figures = figures_in(sentence, ref or SourceRef())
        for figure, wording in zip(figures, _wordings(sentence, figures), strict=True):
            found = match(wording, figure.unit, subjects)
            if found:
                out.append(Quote(figure, *found))
    return out
