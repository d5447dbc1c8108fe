"""Normalised codes and titles, for recognising the same indicator across report editions.
Pure functions, no database."""

import re
import unicodedata

_STOPWORDS = {"the", "a", "an", "of", "in", "on", "to", "for", "and", "who", "are", "is",
              "being", "s"}
_SYNONYMS = {
    "rates": "rate", "roads": "road", "numbers": "number", "no": "number", "children": "child",
    "childrens": "child", "persons": "people", "admissions": "admission", "admitted": "admission",
    "absentees": "absentee", "concerns": "concern", "crimes": "crime", "incidents": "incident",
    "percentage": "percent", "%": "percent", "pct": "percent", "injuries": "injury",
}


def normalise_code(code: str) -> str:
    """ "SAFE: 01", "Safe 1", "SAFE01" → "SAFE 01"."""
    if not code:
        return ""
    m = re.fullmatch(r"\s*([A-Za-z]+)\s*[:\-–]?\s*0*(\d+)\s*([a-z]?)\s*", code)
    if not m:
        return re.sub(r"\s+", " ", code).strip().upper()
    return f"{m[1].upper()} {int(m[2]):02d}{m[3]}"


def normalise_title(title: str) -> str:
    """A key that is the same for small differences in wording: case, punctuation,
    "the", plurals, "Dorset's roads" vs "Dorset roads"."""
    text = unicodedata.normalize("NFKD", title or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("%", " percent ").replace("&", " and ")
    text = re.sub(r"[’'`]s\b", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    words = [_singular(_SYNONYMS.get(w, w)) for w in words]
    return " ".join(w for w in words if w not in _STOPWORDS)


def _singular(word: str) -> str:
    """A plain English singular, enough to make "plans" and "plan" one key."""
    if len(word) <= 3 or word.isdigit() or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s"):
        return word[:-1]
    return word


def title_similarity(a: str, b: str) -> float:
    """Share of words in common (Jaccard) between two normalised titles, 0 to 1."""
    wa, wb = set(normalise_title(a).split()), set(normalise_title(b).split())
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)
