"""Readers of who attended a meeting and what they declared: printed name lists, attendance
labels, the ordinary/reserve member table, apologies, substitutes, who took the chair and
declarations of interest. Pure functions over text, built on ``minute_text``.
"""

from __future__ import annotations

import re

from scrutinydesk.ingest.parsers.minute_text import (
    _HONORIFIC,
    _ROLE_WORD,
    ABSENT,
    APOLOGIES,
    CHAIR,
    COMMITTEE_MEMBER,
    DPI,
    MEMBER,
    NAME,
    NON_REGISTRABLE,
    OFFICER,
    OTHER,
    OTHER_INTEREST,
    OTHER_MEMBER,
    OTHER_REGISTRABLE,
    PRESENT,
    RESERVE,
    SUBSTITUTE,
    VICE_CHAIR,
    clean,
    ref_of,
    sentences,
)
from scrutinydesk.ingest.records import ParsedAttendee, ParsedDeclaration, ParsedMember, SourceRef
from scrutinydesk.ingest.text import Line

# --- People --------------------------------------------------------------------------------

_PLURAL_HONORIFIC = re.compile(r"^(?:Cllrs|Councillors|County Councillors|Messrs)\.?\s+")
_PARTICLES = {"de", "van", "von", "der", "den", "la", "le", "du", "da", "di", "bin", "al", "of"}
_NOT_NAMES = {"the", "committee", "council", "cabinet", "members", "member", "officers",
              "none", "nil", "apologies", "present", "absent", "minutes", "agenda", "item",
              "resolved", "noted", "and", "chairman", "chair", "vice-chairman", "director"}


def looks_like_name(text: str) -> bool:
    """A person's name as minutes print it: "Derek Beer", "Cllr Batstone", "J. O'Neill"."""
    t = re.sub(rf"^{_HONORIFIC}\s+", "", text.strip(" ,.;:")).strip()
    tokens = t.split()
    if not 1 <= len(tokens) <= 5 or t.lower() in _NOT_NAMES:
        return False
    if any(tok.lower() in _NOT_NAMES - {"and"} for tok in tokens):
        return False
    for tok in tokens:
        if tok.lower() in _PARTICLES:
            continue
        if not re.fullmatch(r"[A-Z][\w'’.-]*", tok):
            return False
    return any(len(tok) > 1 and tok[0].isalpha() for tok in tokens)


def split_top(text: str, separators: tuple[str, ...] = (", ", " and ", " & ", "; ")) -> list[str]:
    """Split a list of names at separators outside brackets."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            sep = next((s for s in separators if text.startswith(s, i)), None)
            if sep:
                parts.append(text[start:i])
                i += len(sep)
                start = i
                continue
        i += 1
    parts.append(text[start:])
    return [p.strip(" .,;") for p in parts if p.strip(" .,;")]


def name_and_brackets(part: str) -> tuple[str, str]:
    """ "Cathy Lewis (Communications Officer (Internal))" → name, "Communications Officer
    (Internal)": the last bracketed group, nested brackets kept."""
    part = part.strip(" .,;")
    if not part.endswith(")"):
        return part, ""
    depth = 0
    for i in range(len(part) - 1, -1, -1):
        if part[i] == ")":
            depth += 1
        elif part[i] == "(":
            depth -= 1
            if depth == 0:
                return part[:i].strip(" ,"), part[i + 1:-1].strip()
    return part, ""


_SUB_FOR = re.compile(r"^(?:(?:as\s+)?(?:a\s+)?(?:substitut\w*|reserve(?:\s+member)?|sub)\s+)?"
                      r"(?:for|in place of)\s+(?P<who>.+)$", re.I)
_SUBSTITUTED_BY = re.compile(r"^(?:substituted\s+by\s+(?P<a>.+)|(?P<b>.+?)\s+substituting)$",
                             re.I)


def read_people(text: str, *, status: str, kind: str, ref: SourceRef,
                one_per_line_capacity: bool = False) -> list[ParsedAttendee]:
    """Attendees from a printed list: "Pauline Batstone (Chairman), Toni Coombs and Bill Pipe",
    "John Alexander (Senior Assurance Manager - Performance), ...", "Cllrs A, B and C";
    with ``one_per_line_capacity`` a comma separates a name from its capacity
    ("Deborah Croney, Cabinet Member for Economic Growth")."""
    text = _PLURAL_HONORIFIC.sub("", clean(text)).strip(" .")
    if one_per_line_capacity and "(" not in text and ", " in text:
        name, capacity = text.split(", ", 1)
        if looks_like_name(name) and _ROLE_WORD.search(capacity):
            return [ParsedAttendee(name.strip(), status, kind, capacity.strip(" ."), ref=ref)]
    out: list[ParsedAttendee] = []
    for part in split_top(text):
        name, bracket = name_and_brackets(part)
        name = _PLURAL_HONORIFIC.sub("", name).strip()
        if not looks_like_name(name):
            continue
        person = ParsedAttendee(name, status, kind, ref=ref)
        sub = _SUB_FOR.match(bracket)
        by = _SUBSTITUTED_BY.match(bracket)
        if sub and looks_like_name(sub["who"]):
            person.status, person.substitute_for = SUBSTITUTE, sub["who"].strip()
            if re.search(r"reserve", bracket, re.I):
                person.capacity = "Reserve Member"
        elif by and status == APOLOGIES and looks_like_name(by["a"] or by["b"]):
            out.append(person)
            person = ParsedAttendee((by["a"] or by["b"]).strip(), SUBSTITUTE, kind,
                                    substitute_for=name, ref=ref)
        else:
            person.capacity = bracket
        out.append(person)
    return out


# Attendance labels: (pattern, status, kind, colon required)
_LABELS = [
    (r"(?:committee\s+)?members\s+present|councillors\s+present|present", PRESENT,
     COMMITTEE_MEMBER, False),
    (r"members\s+attending|other\s+members\s+(?:present|attending)|also\s+present|also\s+in\s+"
     r"attendance|councillors\s+attending|other\s+councillors(?:\s+present)?", PRESENT,
     OTHER_MEMBER, False),
    (r"officers?\s+attending|officers?\s+in\s+attendance|officers?\s+present|in\s+attendance",
     PRESENT, OFFICER, False),
    (r"for\s+certain\s+items(?:,?\s+as\s+appropriate)?|others?\s+(?:present|attending)|"
     r"also\s+attending|guests", PRESENT, OTHER, False),
    (r"apologies(?:\s+for\s+absence)?(?:\s+received)?", APOLOGIES, COMMITTEE_MEMBER, True),
    (r"absent|absent\s+members", ABSENT, COMMITTEE_MEMBER, True),
    (r"substitutes?(?:\s+members?)?(?:\s+present)?", SUBSTITUTE, COMMITTEE_MEMBER, True),
    (r"reserves?(?:\s+members?)?(?:\s+present|\s+attending)?", "reserve", COMMITTEE_MEMBER, True),
    (r"co-?opted\s+members?(?:\s+present)?", "co_opted", COMMITTEE_MEMBER, True),
]
_LABEL_RES = [(re.compile(rf"^(?:{pat})\s*(?P<colon>[:\-–])?\s*(?P<rest>.*)$", re.I), status,
               kind, colon) for pat, status, kind, colon in _LABELS]


def attendance_label(text: str) -> tuple[str, str, str] | None:
    """(status, kind, rest of line) when a line starts an attendance list: "Present:",
    "Members Attending", "Officer Attending: John Alexander (...)", "Apologies: ..."."""
    t = clean(text)
    for regex, status, kind, colon in _LABEL_RES:
        m = regex.match(t)
        if not m:
            continue
        if m["rest"] and not m["colon"]:
            continue
        if colon and not m["colon"]:
            continue
        return status, kind, m["rest"]
    return None


_X_FOR_Y = re.compile(r"^(?P<a>[^()]+?)\s+(?:substituting\s+|as\s+(?:a\s+)?(?:substitute|reserve)"
                      r"\s+)?for\s+(?P<b>[^()]+)$")


def read_attendance(status: str, kind: str, texts: list[tuple[str, Line]]) -> \
        list[ParsedAttendee]:
    """Attendees listed under one label; ``texts`` are the lines of the list."""
    out: list[ParsedAttendee] = []
    for text, line in texts:
        ref = ref_of(line)
        if status in ("reserve", SUBSTITUTE):
            for part in split_top(_PLURAL_HONORIFIC.sub("", clean(text))):
                m = _X_FOR_Y.match(part)
                if m and looks_like_name(m["a"]) and looks_like_name(m["b"]):
                    people = [ParsedAttendee(m["a"], SUBSTITUTE, kind, substitute_for=m["b"],
                                             ref=ref)]
                else:
                    people = read_people(part, status=PRESENT, kind=kind, ref=ref)
                for person in people:
                    if person.substitute_for or status == SUBSTITUTE:
                        person.status = SUBSTITUTE
                    if status == "reserve":
                        person.capacity = person.capacity or "Reserve Member"
                    out.append(person)
            continue
        if status == "co_opted":
            people = read_people(text, status=PRESENT, kind=kind, ref=ref)
            for p in people:
                p.capacity = p.capacity or "Co-opted Member"
            out.extend(people)
            continue
        out.extend(read_people(text, status=status, kind=kind, ref=ref,
                               one_per_line_capacity=kind in (OTHER_MEMBER, OTHER)))
    return out


def read_reserve_table(lines: list[Line]) -> list[ParsedMember]:
    """Members from a two-column "Ordinary Member / Reserve Member" list, tab-separated."""
    out: list[ParsedMember] = []
    started = False
    for line in lines:
        cells = [clean(c) for c in line.text.split("\t")]
        cells = [c for c in cells if c]
        if not started:
            started = len(cells) >= 2 and bool(re.match(r"(?i)ordinary", cells[0])) and \
                bool(re.match(r"(?i)reserve", cells[1]))
            continue
        if not cells:
            if out:
                break
            continue
        if "\t" not in line.text and out:
            break
        ordinary, bracket = name_and_brackets(cells[0])
        if looks_like_name(ordinary):
            out.append(ParsedMember(ordinary, _role_of(bracket), ref=ref_of(line)))
        if len(cells) > 1:
            reserve, _ = name_and_brackets(cells[1])
            if looks_like_name(reserve):
                out.append(ParsedMember(reserve, RESERVE, reserve_for=ordinary if
                                        looks_like_name(ordinary) else "", ref=ref_of(line)))
    return out


def _role_of(capacity: str) -> str:
    c = capacity.lower().replace(" ", "-")
    if c.startswith("vice-chair"):
        return VICE_CHAIR
    return CHAIR if c.startswith("chair") else MEMBER


_APOLOGY = re.compile(r"\bapolog(?:y|ies)(?:\s+for\s+(?P<w>absence|lateness))?\s+(?:was|were|had"
                      r"\s+been|have\s+been|has\s+been)\s+(?:received|submitted|given|tendered|"
                      r"reported|noted)\s+(?:from|by|on\s+behalf\s+of)\s+", re.I)
_APOLOGY_CUT = re.compile(r"\s+(?:who|whilst|while|with|as)\s|;", re.I)


def read_apologies(text: str, ref: SourceRef) -> list[ParsedAttendee]:
    """ "Apologies for absence were received from Derek Beer, Kevin Brookes and Pauline
    Batstone (Chairman)." → three attendees with status apologies."""
    out: list[ParsedAttendee] = []
    for sentence in sentences(text):
        m = _APOLOGY.search(sentence)
        if not m or (m["w"] or "").lower() == "lateness":
            continue
        rest = sentence[m.end():]
        cut = _APOLOGY_CUT.search(rest)
        if cut and rest[:cut.start()].count("(") == rest[:cut.start()].count(")"):
            rest = rest[:cut.start()]
        out.extend(read_people(rest, status=APOLOGIES, kind=COMMITTEE_MEMBER, ref=ref))
    return out


_SUBSTITUTE_FOR = re.compile(
    rf"(?P<sub>{NAME})\s+(?:(?:attended|was\s+present|was\s+in\s+attendance)(?:\s+the\s+meeting)?"
    rf"\s+)?(?:as\s+(?:a\s+|the\s+)?(?P<res>substitute|reserve)(?:\s+member)?\s+for|"
    rf"substituted\s+for|(?:was\s+)?substituting\s+for)\s+(?P<for>{NAME})")


def read_substitutes(text: str, ref: SourceRef) -> list[ParsedAttendee]:
    """ "Cllr X attended as a substitute for Cllr Y" → X, status substitute, for Y."""
    out = []
    for m in _SUBSTITUTE_FOR.finditer(text):
        sub = re.sub(r"^(?:In addition|Also|However|Then)\s+", "", m["sub"])
        if looks_like_name(sub) and looks_like_name(m["for"]):
            capacity = "Reserve Member" if (m["res"] or "").lower() == "reserve" else ""
            out.append(ParsedAttendee(sub, SUBSTITUTE, COMMITTEE_MEMBER, capacity,
                                      substitute_for=m["for"], ref=ref))
    return out


_CHAIR_ABSENCE = re.compile(rf"(?i:in\s+the\s+absence\s+of)\s+(?:the\s+)?(?P<absent>{NAME}),?\s+"
                            r"(?:(?i:the)\s+)?(?P<who>[^,]{1,80}?)\s+(?i:took|was\s+in|assumed|"
                            r"occupied)\s+(?i:the\s+chair)")
_IN_THE_CHAIR = re.compile(rf"(?P<who>{NAME})\s*\(?(?:,\s*)?(?i:(?:took|was\s+in|in)\s+the\s+"
                           r"chair|was\s+(?:elected|appointed)\s+(?:as\s+)?chair\w*\s+for\s+the"
                           r"\s+meeting)")


def read_chair(text: str, people: list[ParsedAttendee], members: list[ParsedMember]) -> str:
    """Who chaired instead of the chairman: "In the absence of Cllr Batstone the
    Vice-Chairman took the Chair." → the vice-chairman's name where listed, else the role."""
    m = _CHAIR_ABSENCE.search(text)
    who = m["who"].strip() if m else ""
    if not who:
        m2 = _IN_THE_CHAIR.search(text)
        who = m2["who"].strip() if m2 and looks_like_name(m2["who"]) else ""
    if not who:
        return ""
    if re.fullmatch(r"(?i)vice[- ]?chair\w*", who):
        for p in people:
            if re.match(r"(?i)vice[- ]?chair", p.capacity):
                return p.name
        for mem in members:
            if mem.role == VICE_CHAIR:
                return mem.name
    return who[:1].upper() + who[1:]


# --- Declarations ---------------------------------------------------------------------------

_NO_DECLARATIONS = re.compile(
    r"\bno\s+(?:declarations|disclosable\s+pecuniary\s+interests|interests\s+(?:were\s+)?"
    r"declared|(?:members?\s+)?declared)|\bnone\s+(?:were\s+)?declared\b|\bno\s+interests\b",
    re.I)
_THERE_WERE_NONE = re.compile(r"^\s*(?:there\s+were\s+none|none|nil)\.?\s*$", re.I)
_DECLARED = re.compile(r"\bdeclared\s+(?:an?\s+|their\s+|his\s+|her\s+)?(?P<kind>[\w\s-]{0,60}?)"
                       r"\binterests?\b", re.I)
_ITEM_REF = re.compile(r"\b(?:agenda\s+)?(?P<w>item|minute)s?\s+(?:no\.?\s*)?"
                       r"(?P<n>\d{1,4}[a-z]?)\b", re.I)
_HONORIFIC_START = re.compile(rf"\b(?:{_HONORIFIC}|Cllrs|Councillors)\s")


def no_declarations(text: str, declarations_item: bool = False) -> bool:
    """True when the minutes record that nobody declared an interest."""
    if _NO_DECLARATIONS.search(text):
        return True
    return declarations_item and bool(_THERE_WERE_NONE.match(text))


def declaration_kind(words: str) -> str:
    w = words.lower().replace("registerable", "registrable")
    if "pecuniary" in w and "non-pecuniary" not in w and "non pecuniary" not in w:
        return DPI
    if "non-registrable" in w or "non registrable" in w:
        return NON_REGISTRABLE
    return OTHER_REGISTRABLE if "registrable" in w else OTHER_INTEREST


def read_declarations(text: str, ref: SourceRef) -> list[tuple[ParsedDeclaration, str, str]]:
    """Declarations in a paragraph, each with what it names: ("item" or "minute", number).
    "Cllr Jane Smith declared a personal interest in item 7 as a governor of ..." """
    out = []
    for sentence in sentences(text):
        m = _DECLARED.search(sentence)
        if not m:
            continue
        prefix = sentence[:m.start()].strip(" ,")
        start = _HONORIFIC_START.search(prefix)
        subject = prefix[start.start():] if start else prefix.rsplit(", ", 1)[-1]
        names = [name_and_brackets(p)[0] for p in split_top(_PLURAL_HONORIFIC.sub("", subject))]
        names = [n for n in names if looks_like_name(n)]
        target = _ITEM_REF.search(sentence)
        what = (target["w"].lower(), target["n"]) if target else ("", "")
        for name in names:
            out.append((ParsedDeclaration(name, what[1] if what[0] == "item" else "",
                                          declaration_kind(m["kind"]), sentence.strip(),
                                          ref=ref), *what))
    return out
