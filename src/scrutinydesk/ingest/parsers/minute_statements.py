"""The statements minutes must account for: every sentence that records a decision
("RESOLVED", "Agreed:", "The Panel NOTED …", "It was recommended …") and every name in an
attendance, apologies or substitutes passage.

Pure functions over text: they find what is printed, so that an import can say which of
these statements became a Decision or an Attendance and list the rest as unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutinydesk.core.names import clean_person_name, names_match, normalise_person_name
from scrutinydesk.ingest.text import Line

# The four decision words, in any case, whatever punctuation follows them.
DECISION_WORD = re.compile(r"\b(resolved|agreed|recommended|noted)\b", re.I)
# "to be noted", "has been agreed": the word describes, it does not decide
_NOT_DECIDING = re.compile(r"\b(?:be|been|being|was\s+not|were\s+not|not|already|previously|"
                           r"had|have|has|is|are|if|unless|when|once)\s+$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"“(]?[A-Z(0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Cllr|Cllrs|Prof|Rev|Revd|para|"
                           r"e\.g|i\.e|etc)|\b[A-Z])\.$")


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence as printed, and the decision word it turns on (lower case)."""

    text: str
    word: str


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage, not split after "Mr.", "No." or an initial."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[start:m.start()]
        if _ABBREVIATION.search(head):
            continue
        out.append(head.strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return [s for s in out if s]


def decision_word(sentence: str) -> str:
    """The decision word a sentence records ("resolved", "agreed", "recommended", "noted"),
    or "" when it has none or only describes one ("the report will be noted")."""
    for m in DECISION_WORD.finditer(sentence):
        if m.group(1).isupper() or not _NOT_DECIDING.search(sentence[:m.start()]):
            return m.group(1).lower()
    return ""


def decision_statements(text: str) -> list[Statement]:
    """Every sentence of ``text`` that records a decision, in order."""
    found = []
    for para in re.split(r"\n\s*\n|\n(?=\s*(?:\(?[0-9ivx]{1,4}[.)]|[-•*])\s)", text):
        for sentence in split_sentences(re.sub(r"\s+", " ", para).strip()):
            word = decision_word(sentence)
            if word:
                found.append(Statement(sentence, word))
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def statement_read(statement: str, decisions: list[str]) -> bool:
    """True when one of the ``decisions`` (their texts) carries the statement: most of the
    statement's words after its decision word, or all of a decision's words, are shared.
    A bare "RESOLVED" or "Noted." is carried by any decision that follows it."""
    m = DECISION_WORD.search(statement)
    body = _words(statement[m.end():] if m else statement)
    body = [w for w in body if w not in ("that", "the", "a", "to", "be", "and", "of")]
    if len(body) < 2:
        return bool(decisions)
    wanted = set(body)
    for text in decisions:
        have = set(_words(text))
        if not have:
            continue
        if len(wanted & have) >= 0.6 * len(wanted):
            return True
        if len(have) >= 3 and have <= set(_words(statement)):
            return True
    return False


# --- Attendance passages -----------------------------------------------------------------

# A passage's label: "Present:", "Apologies for absence were received from", "Substitutes:",
# "Alternate members present:", "Also in attendance:", "Absent:"
ATTENDANCE_LABEL = re.compile(
    r"^\W{0,3}(?P<label>(?:members\s+)?present|apologies(?:\s+for\s+absence)?|absent|"
    r"substitut(?:e|es|ions?|e\s+members?)|alternate\s+members?(?:\s+present)?|"
    r"also\s+(?:present|in\s+attendance)|in\s+attendance|attendance|co-?opted\s+members?"
    r"(?:\s+present)?)\b(?P<rest>.*)$", re.I)
_NAME_PREFIX = re.compile(
    r"^(?:(?:and|also|were|was|received|from|for|absence|apologies|by|on\s+behalf\s+of|"
    r"present|councillors?|cllrs?|members?|the|:|-|–)\s*)+", re.I)
_HONORIFIC_NAME = re.compile(
    r"\b(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr|Rev(?:d)?|Prof(?:essor)?)\.?\s+"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|de|van|von|le|la|du|da|di)){0,3})")
_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|le|la|du|da|di))"
                          r"{0,3}$")
_NOT_A_NAME = re.compile(
    r"\b(?:Council|Committee|Panel|Board|Service|Services|Officer|Director|Manager|Head|"
    r"Team|Trust|Police|NHS|Group|Partnership|Cabinet|Member|Members|Chair|Vice|Chairman|"
    r"Representative|Diocese|Diocesan|Authority|Department|None|Nil|Teams|Microsoft|Meeting|"
    r"Hall|Room|Chamber|Centre|Online|Remote|Councillors)\b")


def attendance_passages(text: str) -> list[tuple[str, str]]:
    """(label, passage) for every attendance, apologies or substitutes passage: a labelled
    line and the lines that run on from it up to a blank line."""
    out: list[tuple[str, str]] = []
    lines = text.splitlines()
    k = 0
    while k < len(lines):
        m = ATTENDANCE_LABEL.match(lines[k].strip())
        if not m:
            k += 1
            continue
        body = [m["rest"]]
        j = k + 1
        while j < len(lines) and lines[j].strip() and not ATTENDANCE_LABEL.match(
                lines[j].strip()):
            body.append(lines[j])
            j += 1
        if not "".join(body).strip() and j < len(lines) and not lines[j].strip():
            j += 1  # "Present" as a heading, its names after a blank line
            while j < len(lines) and lines[j].strip() and not ATTENDANCE_LABEL.match(
                    lines[j].strip()):
                body.append(lines[j])
                j += 1
        out.append((m["label"].lower(), ", ".join(s.strip() for s in body if s.strip())))
        k = j
    return out


def names_in_passage(passage: str) -> list[str]:
    """The people a passage names: "Councillors A Okafor (Chair), B Lindqvist and C Marsh",
    "Cllr Holt", "Mrs Helen Prideaux (Church of England representative)"."""
    text = re.sub(r"\([^()]*\)", " ", passage)
    text = re.sub(r"\s[-–]\s[^,;\n]*", " ", text)  # "Yvonne Street - Cabinet Member for …"
    text = re.sub(r"\[[^\[\]]*\]", " ", text)
    names: list[str] = []
    listed = bool(re.search(r"\b(?:Councillors|Cllrs)\b", text))  # "Cllrs Holt and Marsh"
    for m in _HONORIFIC_NAME.finditer(text):
        names.append(m["name"])
    for piece in re.split(r"[,;\t]|\band\b|\n", text):
        piece = re.sub(r"\s+", " ", piece).strip(" .:-–")
        piece = _NAME_PREFIX.sub("", piece).strip(" .:-–")
        piece = clean_person_name(piece)
        if not piece or not _CAPITALISED.match(piece) or _NOT_A_NAME.search(piece):
            continue
        titled = re.search(rf"\b(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr)\s+"
                           rf"{re.escape(piece)}\b", text)
        if len(piece.split()) < 2 and not listed and not titled:
            continue
        names.append(piece)
    out: list[str] = []
    for name in names:
        if _NOT_A_NAME.search(name) or not normalise_person_name(name):
            continue
        if any(names_match(name, seen) for seen in out):
            continue
        out.append(name)
    return out


def unread_names(names: list[str], attendees: list[str]) -> list[str]:
    """The names no attendee's printed name matches."""
    return [n for n in names if not any(names_match(n, a) for a in attendees)]


def _line_of(lines: list[Line], text: str) -> int | None:
    probe = re.sub(r"\s+", " ", text).strip()[:40]
    for line in lines:
        if probe and probe in re.sub(r"\s+", " ", line.text):
            return line.number
    return None


def unread_statements(lines: list[Line], decisions: list[str],
                      attendees: list[str]) -> list[str]:
    """What the minutes print and no record holds, one message each: decision sentences no
    Decision carries and names in attendance passages no Attendance holds."""
    text = "\n".join(re.sub(r"<[^<>]{0,200}>|\*\*", " ", ln.text) for ln in lines)
    out: list[str] = []
    for statement in decision_statements(text):
        if not statement_read(statement.text, decisions):
            where = _line_of(lines, statement.text)
            out.append(f"decision not read{f' (line {where})' if where else ''}: "
                       f"{statement.text[:200]}")
    for label, passage in attendance_passages(text):
        for name in unread_names(names_in_passage(passage), attendees):
            where = _line_of(lines, name)
            out.append(f"name not read{f' (line {where})' if where else ''} in the "
                       f"{label} passage: {name}")
    return out
