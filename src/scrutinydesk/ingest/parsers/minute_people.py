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
    COUNCIL_KIND,
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

_PLURAL_HONORIFIC = re.compile(rf"^(?:Cllrs|(?:{COUNCIL_KIND}\s+)?Councillors|Messrs)\.?\s+")
_COUNCILLORS = re.compile(rf"^(?:Cllrs|(?:{COUNCIL_KIND}\s+)?Councillors)\.?\s")
_COUNCILLOR = re.compile(rf"^(?:(?:{COUNCIL_KIND}\s+)?Councillors?|Cllrs?)\.?\s")
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
    text = clean(text)
    councillors = bool(_COUNCILLORS.match(text))  # "Councillors A and B": all of them
    text = _PLURAL_HONORIFIC.sub("", text).strip(" .")
    if one_per_line_capacity and "(" not in text and ", " in text:
        name, capacity = text.split(", ", 1)
        if looks_like_name(name) and _ROLE_WORD.search(capacity):
            return [ParsedAttendee(person_name(name), status, _member_kind(kind, councillors or
                                   bool(_COUNCILLOR.match(name))), capacity.strip(" ."),
                                   ref=ref)]
    out: list[ParsedAttendee] = []
    for part in split_top(text):
        name, bracket = name_and_brackets(part)
        name = person_name(_PLURAL_HONORIFIC.sub("", name).strip())
        if not looks_like_name(name):
            continue
        person = ParsedAttendee(name, status, _member_kind(kind, councillors or
                                                           bool(_COUNCILLOR.match(part))), ref=ref)
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


def person_name(text: str) -> str:
    """ "District Councillor Kevin Hardisty" → "Councillor Kevin Hardisty": the kind of council
    is part of the title, never of the name."""
    return re.sub(rf"^{COUNCIL_KIND}\s+(?=Councillors?\b)", "", text.strip())


def _member_kind(kind: str, councillor: bool) -> str:
    """A councillor listed "in attendance" or among guests is another member, never an
    officer."""
    return OTHER_MEMBER if councillor and kind in (OFFICER, OTHER) else kind


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
# "Other Members present remotely:", "Officers in attendance virtually:"
_HOW = (r"(?:\s+(?:remotely|virtually|online|in\s+person|by\s+video(?:\s+link)?|"
        r"via\s+\w+(?:\s+\w+)?))?")
_LABEL_RES = [(re.compile(rf"^(?:{pat}){_HOW}\s*(?P<colon>:\s*[-–]?|[\-–])?\s*(?P<rest>.*)$", re.I),
               status, kind, colon) for pat, status, kind, colon in _LABELS]


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


_CHAIR_LINE = re.compile(rf"^(?P<who>{NAME})\s*[(,]?\s*(?i:in\s+the\s+chair)\s*\)?\.?$")


def chair_line(text: str) -> str:
    """ "County Councillor Jim Clark in the Chair" → "Councillor Jim Clark"."""
    m = _CHAIR_LINE.match(clean(text))
    who = person_name(m["who"]) if m else ""
    return who if who and looks_like_name(who) else ""


def is_name_list(text: str, *, roles: bool = False) -> bool:
    """A list of people rather than prose: "Councillors A (Vice-Chair), B and C", "Mel Lock
    (Director of Adult Social Services), Jamie Jackson (Democratic Services Officer)". With
    ``roles``, only a list that prints roles in brackets (a title may look like a list of
    names, "Fostering, Adoption and Kinship Care")."""
    t = clean(text).strip(" .;")
    honoured = bool(_COUNCILLOR.match(t) or re.match(rf"{_HONORIFIC}\s", t))
    parts = split_top(_PLURAL_HONORIFIC.sub("", t))
    if not parts or len(t) > 1500:
        return False
    bracketed = 0
    for part in parts:
        name, bracket = name_and_brackets(part)
        if not looks_like_name(person_name(name)):
            return False
        bracketed += bool(bracket and (_ROLE_WORD.search(bracket) or _SUB_FOR.match(bracket)))
    if roles:
        return bracketed >= 1 and (len(parts) >= 2 or honoured)
    return honoured or bracketed >= 1 or len(parts) >= 2


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
            for p in people:  # "District Councillors A (Hambleton)": the seat, not a role
                p.capacity = p.capacity if _ROLE_WORD.search(p.capacity) else \
                    "Co-opted Member" + (f" ({p.capacity})" if p.capacity else "")
            out.extend(people)
            continue
        out.extend(read_people(text, status=status, kind=kind, ref=ref,
                               one_per_line_capacity=kind in (OTHER_MEMBER, OTHER)))
    return out


_COL_NAME = re.compile(r"^(?:(?:member|councillor|attendee|officer)(?:'?s)?(?:\s+name)?|names?|"
                       r"members?|councillors?)$", re.I)
_COL_ROLE = re.compile(r"^(?:capacity|role|position|title|representing|designation|"
                       r"committee\s+role)$", re.I)
_COL_STATUS = re.compile(r"^(?:attendance|attended|status|present\??|attendance\s+status|"
                         r"present\s*/\s*apologies)$", re.I)
_STATUS_WORDS = [(re.compile(r"^(?:apolog|sent\s+apolog)", re.I), APOLOGIES),
                 (re.compile(r"^(?:absent|did\s+not\s+attend|not\s+present|no\b|x$|✗)", re.I),
                  ABSENT),
                 (re.compile(r"^(?:substitut|reserve)", re.I), SUBSTITUTE),
                 (re.compile(r"^(?:present|attended|in\s+attendance|yes\b|remote|virtual|"
                             r"online|in\s+person|✓|✔)", re.I), PRESENT)]


def _table_status(text: str) -> str:
    return next((status for pattern, status in _STATUS_WORDS if pattern.match(text)), "")


def read_attendance_table(lines: list[Line], kind: str = COMMITTEE_MEMBER, *,
                          header_required: bool = True) -> list[ParsedAttendee] | None:
    """Attendees from a table with a name column, a role or capacity column and an
    attendance column ("Name | Capacity | Attendance" over "Cllr A B | Chair | Present"),
    arriving as TAB-separated rows. The header row names the columns and is never a person;
    without one (``header_required`` False) the columns are found from their contents.
    ``None`` when the lines are no such table."""
    rows = [(line, [clean(c) for c in line.text.split("\t")]) for line in lines
            if "\t" in line.text.strip("\t ") and line.text.strip()]
    if not rows:
        return None
    cols: dict[str, int] = {}
    first = rows[0][1]
    for k, cell in enumerate(first):
        for key, pattern in (("name", _COL_NAME), ("role", _COL_ROLE), ("status", _COL_STATUS)):
            if key not in cols and pattern.match(cell.strip(" :*")):
                cols[key] = k
    if "name" in cols and len(cols) >= 2:
        rows = rows[1:]
    elif header_required:
        return None
    else:
        width = max(len(c) for _, c in rows)
        for k in range(width):
            values = [c[k] for _, c in rows if k < len(c) and c[k]]
            if not values:
                continue
            if "status" not in cols and all(_table_status(v) for v in values):
                cols["status"] = k
            elif "name" not in cols and all(looks_like_name(name_and_brackets(v)[0])
                                            for v in values):
                cols["name"] = k
            elif "role" not in cols and "name" in cols:
                cols["role"] = k
        if "name" not in cols or "status" not in cols:
            return None
    out: list[ParsedAttendee] = []
    for line, cells in rows:
        def cell(key: str, cells: list[str] = cells) -> str:
            k = cols.get(key)
            return cells[k].strip() if k is not None and k < len(cells) else ""
        name, bracket = name_and_brackets(cell("name"))
        name = person_name(name)
        if not looks_like_name(name):
            continue
        role = cell("role") or bracket
        status = _table_status(cell("status")) or (PRESENT if "status" not in cols else "")
        if not status:
            continue
        person = ParsedAttendee(name, status, _member_kind(kind, bool(_COUNCILLOR.match(name))),
                                ref=ref_of(line))
        sub = _SUB_FOR.match(role)
        if sub and looks_like_name(sub["who"]):
            person.substitute_for = person_name(sub["who"].strip())
            if status == PRESENT:
                person.status = SUBSTITUTE
        elif re.fullmatch(r"(?i)substitute(?:\s+member)?", role) and status == PRESENT:
            person.status = SUBSTITUTE
        elif role and role.lower() not in ("member", "committee member", "-", "n/a"):
            person.capacity = role
        out.append(person)
    return out or None


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
        ordinary, brackets = _name_and_all_brackets(cells[0])
        if looks_like_name(ordinary):
            role = next((r for r in map(role_of, brackets) if r != MEMBER), MEMBER)
            out.append(ParsedMember(ordinary, role, ref=ref_of(line)))
        if len(cells) > 1:
            reserve, _ = _name_and_all_brackets(cells[1])
            if looks_like_name(reserve):
                out.append(ParsedMember(reserve, RESERVE, reserve_for=ordinary if
                                        looks_like_name(ordinary) else "", ref=ref_of(line)))
    return out


def _name_and_all_brackets(text: str) -> tuple[str, list[str]]:
    """ "Councillor Wendy Purdy (Chair) (Kent County Council)" → the name, ["Kent County
    Council", "Chair"]."""
    brackets = []
    name, bracket = name_and_brackets(text)
    while bracket:
        brackets.append(bracket)
        name, bracket = name_and_brackets(name)
    return name, brackets


def role_of(capacity: str) -> str:
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
    rf"(?P<sub>{NAME})\s+(?:(?:attended|was\s+present|was\s+in\s+attendance|(?:would\s+be|was|is|"
    rf"will\s+be)\s+(?:acting|attending)|acted)(?:\s+the\s+meeting)?\s+)?(?:as\s+(?:a\s+|the\s+)?"
    rf"(?P<res>substitute|reserve|deputy)(?:\s+member)?\s+for|substituted\s+for|(?:was\s+)?"
    rf"substituting\s+for|(?:stood|was\s+standing)\s+in\s+for|deputised\s+for|(?P<rep>replaced))\s+"
    rf"(?P<for>{NAME})(?=(?P<after>[^.]{{0,40}}))")
# "replaced" alone may be a lasting change of membership: only "for this meeting" is a substitute
_THIS_MEETING = re.compile(r"\bfor\s+(?:this|the)\s+(?:meeting|evening|item)", re.I)


def read_substitutes(text: str, ref: SourceRef) -> list[ParsedAttendee]:
    """ "Cllr X attended as a substitute for Cllr Y" → X, status substitute, for Y."""
    out = []
    for m in _SUBSTITUTE_FOR.finditer(text):
        sub = re.sub(r"^(?:In addition|Also|However|Then)\s+", "", m["sub"])
        if m["rep"] and not _THIS_MEETING.match(m["after"].strip()):
            continue
        if looks_like_name(sub) and looks_like_name(m["for"]):
            capacity = "Reserve Member" if (m["res"] or "").lower() == "reserve" else ""
            out.append(ParsedAttendee(person_name(sub), SUBSTITUTE, COMMITTEE_MEMBER, capacity,
                                      substitute_for=person_name(m["for"]), ref=ref))
    return out


_CHAIR_ABSENCE = re.compile(rf"(?i:in\s+the\s+absence\s+of)\s+(?:the\s+)?(?P<absent>{NAME}),?\s+"
                            r"(?:(?i:the)\s+)?(?P<who>[^,]{1,80}?)\s+(?i:took|was\s+in|assumed|"
                            r"occupied)\s+(?i:the\s+chair)")
# "X took the Chair", "X (Chair) presided", "X was declared elected and took the Chair",
# "X, in the Chair", "X was appointed Chairman for the meeting"
_IN_THE_CHAIR = re.compile(
    rf"(?P<who>{NAME})\s*(?:\((?i:(?:vice[- ])?chair\w*)\)\s*)?\(?(?:,\s*)?"
    r"(?i:(?:was\s+(?:declared\s+|"
    r"duly\s+)?(?:elected|appointed)(?:\s+(?:as\s+)?(?:the\s+)?chair\w*)?(?:\s+for\s+the\s+meeting)?\s+"
    r"and\s+)?(?:took|was\s+in|in|assumed|occupied)\s+the\s+chair\b|presided\b|was\s+(?:elected|"
    r"appointed)\s+(?:as\s+)?chair\w*\s+for\s+the\s+meeting)")


def read_chair(text: str, people: list[ParsedAttendee], members: list[ParsedMember]) -> str:
    """Who chaired instead of the chairman: "In the absence of Cllr Batstone the
    Vice-Chairman took the Chair." → the vice-chairman's name where listed, else the role."""
    m = _CHAIR_ABSENCE.search(text)
    who = m["who"].strip() if m else ""
    if not who:
        for m2 in _IN_THE_CHAIR.finditer(text):
            name = re.sub(r"^(?:In addition|Also|However|Then|There|The)\s+", "", m2["who"]).strip()
            if looks_like_name(name):
                who = person_name(name)
                break
    if not who:
        return ""
    named = re.sub(r"\s*\([^()]*\)$", "", who)  # "Councillor Daniel Frost (Vice-Chair)"
    if named != who and looks_like_name(named):
        who = person_name(named)
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
    r"\bno\s+(?:(?:new|further|other|additional)\s+)?(?:declarations|disclosable\s+pecuniary\s+interests|interests\s+(?:were\s+)?"
    r"declared|(?:members?\s+)?declared)|\bnone\s+(?:were\s+)?declared\b|\bno\s+interests\b",
    re.I)
_THERE_WERE_NONE = re.compile(r"^\s*(?:there\s+were\s+none|none|nil)\.?\s*$", re.I)
_DECLARED = re.compile(r"\bdeclared\s+(?:an?\s+|their\s+|his\s+|her\s+)?(?P<kind>[\w\s-]{0,60}?)"
                       r"\binterests?\b|\bdeclared\s+that\s+(?:he|she|they)\s+(?:was|were|is|are|had|has)\s+",
                       re.I)
# what the interest is: "... as a non-executive director of X", "declared that he was a Governor
# of X, in relation to item 5", "... because her husband is employed by ..."
_NATURE = re.compile(r"(?:^|,?\s+)(?:as|being|because|since|through)\s+(?:(?:he|she|"
                     r"they)\s+(?:is|was|are|"
                     r"were|has|had)\s+)?(?P<n>\S.*)$", re.I)
_NATURE_CUT = re.compile(r",?\s+(?:in\s+relation\s+to|in\s+respect\s+of|with\s+regard\s+to|"
                         r"regarding|relating\s+to|in)\s+(?:agenda\s+)?(?:item|minute)s?\b.*$|"
                         r",?\s+(?:and\s+)?(?:left|remained|withdrew|took\s+no\s+part|did\s+not)\b.*$",
                         re.I)
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
        nature = interest_nature(sentence[m.end():], that=m["kind"] is None)
        for name in names:
            out.append((ParsedDeclaration(person_name(name), what[1] if what[0] == "item" else "",
                                          declaration_kind(m["kind"] or ""),
                                          nature or sentence.strip(), words=sentence.strip(),
                                          ref=ref), *what))
    return out


def interest_nature(after: str, *, that: bool = False) -> str:
    """The nature of an interest from the words after "declared ... interest" (or after
    "declared that he was"): "in Minute No. 118 - ... as a non-executive director of X" →
    "non-executive director of X"; "" when the words do not say."""
    text = after.strip().rstrip(".")
    if not that:
        m = _NATURE.search(text)
        if not m:
            return ""
        text = m["n"]
    text = _NATURE_CUT.sub("", text).strip(" ,;")
    return re.sub(r"^(?:an?|the)\s+", "", text)


_BLOCK_FIELD = re.compile(r"^(?P<f>councillor|member|name|item|agenda\s+item|minute|nature(?:\s+of"
                          r"\s+(?:the\s+)?interest)?|interest|type(?:\s+of\s+interest)?)\s*:\s*"
                          r"(?P<v>\S.*)$", re.I)
_KIND_LINE = re.compile(r"^(?P<k>[\w\s,-]{0,60}\binterests?)\s*:?$", re.I)


def read_declaration_blocks(texts: list[str], ref: SourceRef) -> list[ParsedDeclaration]:
    """Declarations printed as labelled lines: "Personal and Prejudicial Interest" /
    "Councillor: Wendy Meikle" / "Item: 5 - ..." / "Nature of interest: ..."."""
    out: list[ParsedDeclaration] = []
    current: ParsedDeclaration | None = None
    kind_words = ""
    for text in texts:
        t = clean(text)
        k = _KIND_LINE.match(t)
        if k and not _BLOCK_FIELD.match(t):
            kind_words, current = k["k"], None
            continue
        f = _BLOCK_FIELD.match(t)
        if not f:
            current = None
            continue
        field_name, value = f["f"].lower(), f["v"].strip()
        if field_name in ("councillor", "member", "name"):
            name = person_name(_PLURAL_HONORIFIC.sub("", value)).strip(" .")
            if looks_like_name(name):
                current = ParsedDeclaration(name, "", declaration_kind(kind_words),
                                            words=f"{kind_words}: {t}".strip(": "), ref=ref)
                out.append(current)
        elif current is None:
            continue
        elif field_name.startswith(("item", "agenda", "minute")):
            n = re.match(r"(?:no\.?\s*)?(\d{1,4}[a-z]?)\b", value, re.I)
            if n and field_name != "minute":
                current.item_number = n[1]
            current.words += f" {'minute' if field_name == 'minute' else 'item'} {value}"
        elif field_name.startswith("type"):
            current.kind = declaration_kind(value)
        else:
            current.interest = sentences(value)[0].rstrip(".") if value else ""
    return out
