"""What a person typed, read once into terms that every backend searches for alike.

Words are letters and digits; ``"two words"`` is a phrase; ``word*`` a prefix. Common
English words (``STOP_WORDS``) and the operators ``AND``, ``OR`` and ``NOT`` are ignored,
as is all other punctuation, so no input can reach the database as syntax."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LENGTH = 200  # characters of the query read; the rest is ignored
MAX_TERMS = 12

STOP_WORDS = frozenset("""
a an and are as at be but by for from has have he her his i if in into is it its me my no
not of on or our she so such that the their them then there these they this to was we were
what when where which who will with you your
""".split())  # noqa: SIM905

_TOKEN = re.compile(r'"([^"]*)"|(\w+)(\*?)', re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_WORD_AT_END = re.compile(r"[^\W_]+$", re.UNICODE)


@dataclass(frozen=True)
class Term:
    """A word (``prefix`` for ``word*``) or a phrase of several words in order."""

    words: tuple[str, ...]
    prefix: bool = False


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS]


def parse(text: str | None) -> list[Term]:
    """The terms of ``text``; none for an empty query or one of punctuation only."""
    terms: list[Term] = []
    text = text or ""
    if len(text) > MAX_LENGTH:
        cut = text[:MAX_LENGTH]
        if text[MAX_LENGTH].isalnum():  # a word runs past the limit: leave it out
            cut = _WORD_AT_END.sub("", cut)
        text = cut
    for phrase, word, star in _TOKEN.findall(text):
        if phrase:
            words = _words(phrase)
            if words:
                terms.append(Term(tuple(words)))
        else:
            for part in _words(word.replace("_", " ")):
                terms.append(Term((part,), prefix=bool(star) and len(part) >= 2))
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_TERMS]
