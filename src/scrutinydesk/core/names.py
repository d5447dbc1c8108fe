"""People's names as papers print them: "Cllr Batstone", "Pauline Batstone (Chairman)",
"Cllrs Toni Coombs". Pure functions, no database."""

import re
import unicodedata

# "County Councillor", "District Councillors" …: the kind of council is part of the title
COUNCIL_KINDS = ("county", "district", "borough", "city", "town", "parish", "community",
                 "unitary")
HONORIFICS = (
    "councillors", "councillor", "cllrs", "cllr",
    *(f"{kind} {title}" for kind in COUNCIL_KINDS for title in ("councillor", "councillors")),
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "rev", "revd", "lord",
    "lady", "canon", "venerable", "father",
)
_HONORIFIC_RE = re.compile(
    r"^(?:(?:" + "|".join(sorted((re.escape(h) for h in HONORIFICS), key=len, reverse=True))
    + r")\.?\s+)+",
    re.I,
)
_ROLE_RE = re.compile(r"\s*\((?:[^()]*)\)\s*")


def role_in_brackets(text: str) -> str:
    """The role printed after a name: "Pauline Batstone (Chairman)" → "Chairman"."""
    m = re.search(r"\(([^()]*)\)", text)
    return m.group(1).strip() if m else ""


def clean_person_name(text: str) -> str:
    """The name without honorifics, roles or stray punctuation, in its printed case."""
    name = unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
    name = _ROLE_RE.sub(" ", name)
    name = re.sub(r"\s+", " ", name).strip(" ,.;:-–")
    name = _HONORIFIC_RE.sub("", name)
    return name.strip(" ,.;:-–")


def normalise_person_name(text: str) -> str:
    """A key for matching: lower case, no honorifics, roles, accents or punctuation."""
    name = clean_person_name(text)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    name = re.sub(r"[^a-z' -]", "", name.lower()).replace("'", "")
    return re.sub(r"\s+", " ", name).strip()


def surname(text: str) -> str:
    parts = normalise_person_name(text).split()
    return parts[-1] if parts else ""


def names_match(a: str, b: str) -> bool:
    """True when two printed names can be the same person: equal after normalising, or one
    is a surname only ("Cllr Batstone") that equals the other's surname."""
    na, nb = normalise_person_name(a), normalise_person_name(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    if " " not in na or " " not in nb:
        return surname(a) == surname(b)
    # "Kath Wheller" and "Katherine Wheller": same surname, one first name starts the other
    fa, fb = na.split(), nb.split()
    return fa[-1] == fb[-1] and fa[0][0] == fb[0][0] and (
        fa[0].startswith(fb[0]) or fb[0].startswith(fa[0])
    )
