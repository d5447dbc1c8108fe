"""Readers of minute prose shared by the meeting-page and minutes parsers: attendance lists,
apologies, who chaired, substitutes, declarations of interest, decisions with their reasons,
undertakings, exempt-information paragraphs and the dates of future meetings.

Pure functions over text: no Django, no database. Vocabulary values are the ``value`` of
``committees.vocab`` choices (kept here as plain strings so parsers stay free of Django).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from scrutinydesk.ingest.parsers.common import (
    DATE_IN_TEXT,
    PAGE_ARTEFACT,
    parse_date,
    parse_time,
    strip_markup,
)
from scrutinydesk.ingest.records import (
    ParsedAttendee,
    ParsedDecision,
    ParsedDeclaration,
    ParsedFutureMeeting,
    ParsedMember,
    ParsedUndertaking,
    SourceRef,
)
from scrutinydesk.ingest.text import Line

# committees.vocab values
PRESENT, APOLOGIES, ABSENT, SUBSTITUTE = "present", "apologies", "absent", "substitute"
COMMITTEE_MEMBER, OTHER_MEMBER, OFFICER, OTHER = "committee_member", "other_member", "officer", \
    "other"
RECOMMENDED, RESOLVED, NOTED, AGREED = "recommended", "resolved", "noted", "agreed"
DPI, OTHER_REGISTRABLE, NON_REGISTRABLE, OTHER_INTEREST = "dpi", "other_registrable", \
    "non_registrable", "other"
SCHEDULED, HELD, CANCELLED, POSTPONED = "scheduled", "held", "cancelled", "postponed"
CHAIR, VICE_CHAIR, MEMBER, RESERVE = "chair", "vice_chair", "member", "reserve"

_TERMINAL = (".", "!", "?", ":", ";", ")", '"', "”", "’", "'")
_BULLET = re.compile(r"^\s*[-–*•●▪■◦·\uf0b7\uf0a7]\s")
_NUMBERED = re.compile(r"^\(?(\d{1,2}|[ivx]{1,5}|[a-h])[.)]\s*(?=\S)")
_BLANKISH = re.compile(r"^[\s\u00a0\u200b\ufeff]*$")


def is_blank(text: str) -> bool:
    return bool(_BLANKISH.match(text))


_SPACES = re.compile(r"[\s\u00a0\u200b\ufeff]+")
_LONG_TAG = re.compile(r"<[^<>]{0,200}>")


def clean(text: str) -> str:
    """One line of plain text: markup, bullets and odd spaces removed. Very long lines get
    a simpler linear clean-up (``strip_markup`` slows down on long runs of spaces or tags)."""
    text = _SPACES.sub(" ", text)
    if len(text) <= 2000:
        return strip_markup(text)
    text = html.unescape(_LONG_TAG.sub(" ", text)).replace("**", "")
    return _SPACES.sub(" ", re.sub(r"[•●▪■◦·\uf0b7\uf0a7]", " ", text)).strip()


def ref_of(line: Line | None) -> SourceRef:
    return SourceRef(page=line.page, line=line.number) if line else SourceRef()


@dataclass(slots=True)
class Para:
    """A paragraph of minute text: its plain text, first line, and whether it is a bullet."""

    text: str
    line: Line
    bullet: bool = False

    @property
    def ref(self) -> SourceRef:
        return ref_of(self.line)


def paragraphs(lines: Iterable[Line]) -> list[Para]:
    """Paragraphs from lines: blank lines separate them; a bullet, a numbered part, a lone
    decision word or a date on its own starts a new one; a paragraph split by a page break
    (no closing stop, next part starting in lower case) is joined again."""
    groups: list[tuple[Line, bool, bool, list[str]]] = []  # first line, bullet, alone, texts
    open_group = False
    for line in lines:
        text = clean(line.text) if not is_blank(line.text) else ""
        if not text or PAGE_ARTEFACT.match(text):
            open_group = False
            continue
        bullet = bool(_BULLET.match(line.text))
        alone = decision_marker(text) is not None or date_only(text) is not None
        if open_group and not bullet and not alone and not _NUMBERED.match(text) and \
                not groups[-1][1] and not groups[-1][2]:
            groups[-1][3].append(text)
            continue
        groups.append((line, bullet, alone, [text]))
        open_group = True
    merged: list[tuple[Line, bool, list[str]]] = []
    for line, bullet, _alone, texts in groups:
        if (merged and not bullet and texts[0][:1].islower() and not merged[-1][1]
                and not merged[-1][2][-1].endswith(_TERMINAL)):
            merged[-1][2].extend(texts)
        else:
            merged.append((line, bullet, texts))
    return [Para(" ".join(texts), line, bullet) for line, bullet, texts in merged]


_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "no", "nos", "cllr", "cllrs", "prof", "rev",
                  "revd", "co", "ltd", "approx", "etc", "vs", "e.g", "i.e", "para"}
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph, not split after "Mr.", "No." or an initial."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        word = text[max(start, m.start() - 6):m.start()].split()
        last = word[-1].lower().lstrip("(") if word else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


# --- People --------------------------------------------------------------------------------

_HONORIFIC = r"(?:County Councillor|Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Prof)\.?"
_CAP = r"[A-Z][\w'’-]*"
NAME = rf"(?:{_HONORIFIC}\s+)?{_CAP}(?:\s+{_CAP}){{0,3}}"
_PLURAL_HONORIFIC = re.compile(r"^(?:Cllrs|Councillors|County Councillors|Messrs)\.?\s+")
_PARTICLES = {"de", "van", "von", "der", "den", "la", "le", "du", "da", "di", "bin", "al", "of"}
_NOT_NAMES = {"the", "committee", "council", "cabinet", "members", "member", "officers",
              "none", "nil", "apologies", "present", "absent", "minutes", "agenda", "item",
              "resolved", "noted", "and", "chairman", "chair", "vice-chairman", "director"}
_ROLE_WORD = re.compile(
    r"\b(?:Director|Manager|Officer|Lead|Head|Chair\w*|Vice[- ]Chair\w*|Leader|Member|Executive|"
    r"Clerk|Advis[eo]r|Solicitor|Commissioner|Engineer|Co-?ordinator|Consultant|Inspector|"
    r"Superintendent|Principal|Analyst|Secretary|Treasurer|Mayor|Holder|Champion|Specialist|"
    r"Planner|Accountant|Auditor|Chief|Deputy|Assistant|Representative|Teacher|Worker|"
    r"Administrator|Governor|Partner)\b")


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


# --- Decisions ------------------------------------------------------------------------------

_MARKER = re.compile(r"^(?:(?P<it>it\s+was\s+)|(?P<subj>(?:the\s+)?(?:committee|cabinet|panel|board"
                     r"|sub-committee|council|members)\s+))?(?P<kw>resolved\s+to\s+recommend|"
                     r"resolved|recommended|recommendations?|noted|agreed|decisions?)\b", re.I)
_BRACKET_TO = re.compile(r"^\s*[:\-–]?\s*\(\s*(?:to\s+)?(?P<to>[A-Z][^()\d]{1,60})\)")
_WORD_TO = re.compile(r"^\s+to\s+(?:the\s+)?(?P<to>[A-Z][\w'’ -]{0,60}?)\s*(?=:|-|–|\bthat\b|$)")
_REASON = re.compile(r"^reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?|resolutions?)"
                     r"\s*[:\-–]?\s*", re.I)
_KINDS = {"resolved to recommend": RECOMMENDED, "resolved": RESOLVED, "recommended": RECOMMENDED,
          "recommendation": RECOMMENDED, "recommendations": RECOMMENDED, "noted": NOTED,
          "agreed": AGREED, "decision": RESOLVED, "decisions": RESOLVED}


def decision_marker(text: str) -> tuple[str, str, str] | None:
    """(kind, recipient, rest) when a paragraph opens a decision: "Resolved", "RESOLVED –
    That ...", "Resolved to RECOMMEND: (to Council)", "It was resolved that ...", "Noted"."""
    m = _MARKER.match(text)
    if not m:
        return None
    kw = re.sub(r"\s+", " ", m["kw"].lower())
    if m["it"] and kw not in ("resolved", "agreed"):
        return None
    if m["subj"] and not (m["kw"].isupper() or kw == "resolved"):
        return None
    rest = text[m.end():]
    recipient = ""
    b = _BRACKET_TO.match(rest) or _WORD_TO.match(rest)
    if b:
        recipient, rest = b["to"].strip(), rest[b.end():]
    if kw.startswith(("recommendation", "decision")) and rest.strip() and \
            not re.match(r"\s*[:\-–]", rest):
        return None
    rest = rest.lstrip(" :-–,.").strip()
    if rest.lower().rstrip(":") == "that":
        rest = ""
    if rest and kw in ("noted", "agreed", "recommended") and not m["subj"] and not m["it"] and \
            rest[:1].isupper() and not rest.startswith(("That", "To ")):
        return None  # "Noted The Chairman ..." is prose, not a decision
    return _KINDS[kw], recipient, rest


def reason_marker(text: str) -> str | None:
    m = _REASON.match(text)
    return text[m.end():].strip() if m else None


_RECOMMEND_TO = re.compile(r"\brecommend(?:s|ed)?\s+(?:to\s+)?(?:the\s+)?(?P<r>(?:Full\s+|"
                           r"County\s+|City\s+|Borough\s+|District\s+|Town\s+|Parish\s+)?(?:Council|Cabinet|"
                           r"Executive|Mayor)(?:\s+Member\s+for\s+[A-Z][\w'’ &-]{0,60}?)?)\s+"
                           r"(?:to|that)\b")
_THAT_X_BE = re.compile(r"^(?:[Tt]hat\s+)?(?:the\s+)?(?P<r>[A-Z][\w'’ &-]{0,60}?)\s+"
                        r"(?:be|is|are)\s+(?:asked|recommended|requested|invited|urged|advised)\b")


def recipient_of(text: str) -> str:
    """Who a recommendation goes to: "That the Cabinet be asked to ..." → "Cabinet";
    "... recommend the County Council to ..." → "County Council"."""
    m = _RECOMMEND_TO.search(text) or _THAT_X_BE.match(text)
    return m["r"].strip() if m else ""


def _numbered(text: str) -> tuple[str, str]:
    m = _NUMBERED.match(text)
    if not m:
        return "", text
    return m[1], text[m.end():].strip()


def _opens_decision(text: str) -> bool:
    return bool(re.match(r"(?:[Tt]hat|To)\b", text))


def read_decisions(paras: list[Para]) -> list[ParsedDecision]:
    """Decisions and their reasons, in order: a marker paragraph ("Resolved", "Recommended",
    "Noted", "Agreed" or an inline "RESOLVED – That ..."), the decision's words (numbered parts
    "1. That ..." become separate decisions), then "Reason(s) for Decision/Recommendation"."""
    decisions: list[ParsedDecision] = []
    group: list[ParsedDecision] = []  # decisions of the latest marker
    reason_for: list[ParsedDecision] = []
    reason: list[str] = []
    mode = ""
    kind, recipient = "", ""

    def close_reason() -> None:
        if reason:
            text = "\n".join(reason)
            for d in reason_for:
                d.reason = text
        reason.clear()

    for p in paras:
        r = reason_marker(p.text)
        marker = None if r is not None else decision_marker(p.text)
        if r is not None:
            close_reason()
            mode, reason_for = "reason", list(group or reason_for)
            if r:
                reason.append(_number_space(r))
            continue
        if marker:
            close_reason()
            kind, recipient, rest = marker
            number, rest = _numbered(rest) if rest else ("", "")
            group = [ParsedDecision(kind, rest, recipient=recipient, number=number, ref=p.ref)]
            decisions.append(group[0])
            mode = "decision"
            continue
        if mode == "reason":
            reason.append(_number_space(p.text))
            continue
        if mode != "decision":
            continue
        number, body = _numbered(p.text)
        first = group[0]
        if not number and body[:1].islower() and first.text:
            group[-1].text += " " + body
        elif not first.text and not number and (_opens_decision(body) or kind != NOTED):
            first.text = body
        elif number and not first.text and not first.number:
            first.text, first.number, first.ref = body, number, p.ref
        elif number or _opens_decision(body):
            group.append(ParsedDecision(kind, body, recipient=recipient, number=number,
                                        ref=p.ref))
            decisions.append(group[-1])
        else:
            mode = ""
    close_reason()
    for d in decisions:
        if d.kind == RECOMMENDED and not d.recipient:
            d.recipient = recipient_of(d.text)
    return decisions


def _number_space(text: str) -> str:
    return re.sub(r"^(\(?\d{1,2}[.)])(?=\S)", r"\1 ", text)


# --- Undertakings ---------------------------------------------------------------------------

_HONOURED = re.compile(rf"\b(?:County Councillor|Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Prof)"
                       rf"\.?\s+{_CAP}(?:\s+{_CAP}){{0,2}}")
_ROLE_PHRASE = re.compile(rf"\b[Tt]he\s+(?:{_CAP}|&)(?:\s+(?:{_CAP}|for|of|and|the|in|to|&|[-–]))"
                          r"{0,14}")
_LOWER_ROLE = re.compile(r"\b[Tt]he\s+(?:lead\s+officer|officer|chairman|chair|director|clerk|"
                         r"report\s+author|portfolio\s+holder)\b")
_CONNECTORS = {"for", "of", "and", "the", "in", "to", "&", "-", "–"}
_PRONOUN = re.compile(r"(?:^|\s)(?P<p>[Hh]e|[Ss]he|[Tt]hey)$")
_PROMISE = re.compile(r"\b(?P<v>undert(?:ook|akes)|(?:gave|given)\s+an\s+undertaking|"
                      r"(?:has|had|have)\s+undertaken)\s+(?P<how>to|that)\s+|\b(?P<a>agreed)\s+to\s+")
_REPORTING = re.compile(r"\s+(?:\w+ed|said|felt|made|gave|took|was|were|spoke)\b")
_NOT_A_VERB = re.compile(r"(?:a|an|the|this|that|these|those|its|their|his|her|£|\d)\b|£|\d")


def people_in(text: str, known: Iterable[str] = ()) -> list[tuple[int, int, str]]:
    """Named people and officers' roles in a sentence, in order: (start, end, as printed)."""
    found = []
    for m in _HONOURED.finditer(text):
        found.append((m.start(), m.end(), m.group(0)))
    for m in _ROLE_PHRASE.finditer(text):
        words = m.group(0).split()
        while words and words[-1] in _CONNECTORS:
            words.pop()
        phrase = " ".join(words)
        if _ROLE_WORD.search(phrase):
            found.append((m.start(), m.start() + len(_tail(m.group(0), phrase)), phrase))
    for m in _LOWER_ROLE.finditer(text):
        found.append((m.start(), m.end(), m.group(0)))
    for name in known:
        if " " in name:
            i = text.find(name)
            if i >= 0:
                found.append((i, i + len(name), name))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[tuple[int, int, str]] = []
    for f in found:
        if not out or f[0] >= out[-1][1]:
            out.append(f)
    return out


def _tail(whole: str, phrase: str) -> str:
    """The part of ``whole`` up to the end of ``phrase`` (whitespace may differ)."""
    words = phrase.split()
    pos = 0
    for w in words:
        pos = whole.index(w, pos) + len(w)
    return whole[:pos]


def _subject(prefix: str, last_person: str, known: list[str]) -> tuple[str, bool]:
    """Who the sentence says undertook: (owner, is a person)."""
    prefix = re.sub(r"(?:\s+(?:had|has|have|also|then|subsequently|further|kindly))+$", "",
                    prefix.rstrip(" ,"))
    pron = _PRONOUN.search(prefix)
    before = prefix[:pron.start()] if pron else prefix
    people = people_in(before, known)
    if pron:
        return (people[0][2] if people else last_person), bool(people or last_person)
    ending = [p for p in people if p[1] >= len(prefix.rstrip(" ,"))]
    if ending:
        return ending[-1][2], True
    if re.search(r"(?:^|\s)(?:and|but|who)$", prefix) or not prefix:
        for _start, end, phrase in people:
            if _REPORTING.match(prefix, end):
                return phrase, True
        return (people[-1][2] if people else last_person), bool(people or last_person)
    clause = re.split(r",\s+|\bthat\s+", prefix)[-1].strip()
    if clause and len(clause.split()) <= 6:
        return clause[:1].upper() + clause[1:] if clause[:1].islower() else clause, False
    return last_person, bool(last_person)


def read_undertakings(paras: list[Para], known: Iterable[str] = ()) -> list[ParsedUndertaking]:
    """ "X undertook to ...", "X undertook that ...", "X agreed to ..." by a named officer or
    member. A pronoun subject ("She undertook") is the person last named as a sentence's
    subject; a missing one ("... but undertook to ...") is the last person named before."""
    known = [k for k in known if k]
    out: list[ParsedUndertaking] = []
    last_person = ""
    for p in paras:
        for sentence in sentences(p.text):
            for count, m in enumerate(_PROMISE.finditer(sentence)):
                if count >= 5:  # no real sentence holds more; bounds the work on garbage
                    break
                owner, is_person = _subject(sentence[max(0, m.start() - 300):m.start()],
                                            last_person, known)
                words = sentence[m.end():m.end() + 600].strip().rstrip(".").strip()
                if m["a"] and (not is_person or _NOT_A_VERB.match(words)):
                    continue
                if owner and words:
                    out.append(ParsedUndertaking(owner, words, ref=p.ref))
                    if is_person:
                        last_person = owner
            people = [ph for ph in people_in(sentence, known) if not ph[2].lower().startswith(
                ("the officer", "the chair"))]
            if people:
                last_person = people[0][2]
    return out


# --- Future meetings, exempt business, times ------------------------------------------------

_WEEKDAY_WORD = re.compile(r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)", re.I)
_MEETING_ON = re.compile(r"^(?:(?:the\s+)?(?:next\s+)?(?:meeting|committee)\s+(?:on|of|held\s+on)"
                         r"\s+)", re.I)


def date_only(text: str) -> date | None:
    """The date when a line is nothing but a date: "13 March 2018", "Tuesday 5 July 2018:"."""
    t = text.strip(" :-–.")
    if len(t) > 48:
        return None
    t = _WEEKDAY_WORD.sub("", _MEETING_ON.sub("", t))
    m = DATE_IN_TEXT.fullmatch(t.strip())
    return parse_date(m.group(1)) if m else None


def read_future_meetings(paras: list[Para]) -> list[ParsedFutureMeeting]:
    """Dates on their own line, each followed by the topics (bullets or short lines) for that
    meeting, as in a work-programme minute."""
    out: list[ParsedFutureMeeting] = []
    current: ParsedFutureMeeting | None = None
    for p in paras:
        d = date_only(p.text)
        if d:
            current = ParsedFutureMeeting(d, ref=p.ref)
            out.append(current)
            continue
        if current is None:
            continue
        short = len(p.text.split()) <= 15 and not p.text.endswith((".", ":"))
        if (p.bullet or short) and decision_marker(p.text) is None:
            current.topics.append(p.text.strip(" ;"))
        else:
            current = None
    return out


_EXCLUSION = re.compile(r"\bexclu(?:de|ded|sion)\b", re.I)
_SCHEDULE_PARAS = re.compile(r"\bparagraphs?\s+(?P<n>\d{1,2}(?:\s*(?:,|and|&|or)\s*\d{1,2}){0,8})"
                             r"\s+of\s+(?:Part\s+(?:1|I|One)\s+of\s+)?Schedule\s+12\s*A", re.I)
_ITEM_PARAGRAPH = re.compile(r"\b(?:paragraphs?|para\.?)\s+"
                             r"(?P<n>\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2}){0,8})\b", re.I)
_MINUTE_LIST = re.compile(r"\bminutes?\s+(?:nos?\.?\s*)?(?P<n>\d{1,4}(?:\s*(?:,|and|&)\s*\d{1,4})"
                          r"{0,20})\b", re.I)


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d{1,4}", text)


def exclusion_paragraph(text: str) -> tuple[str, list[str]] | None:
    """A resolution excluding the public: (Schedule 12A paragraph(s) as "3" or "1, 3",
    minute numbers it names). ``None`` when the text is no such resolution."""
    if not (_EXCLUSION.search(text) and re.search(r"Schedule\s+12\s*A", text, re.I)):
        return None
    m = _SCHEDULE_PARAS.search(text)
    minutes = [n for mm in _MINUTE_LIST.finditer(text) for n in _numbers(mm["n"])]
    return (", ".join(_numbers(m["n"])) if m else ""), minutes


def item_paragraph(text: str) -> str:
    """The exempt paragraph an item names itself: "(Paragraph 3)"."""
    m = _SCHEDULE_PARAS.search(text) or _ITEM_PARAGRAPH.search(text)
    return ", ".join(_numbers(m["n"])) if m else ""


_CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\bnoon\b",
                    re.I)


def times_in(text: str) -> list[time]:
    out = []
    for m in _CLOCK.finditer(text):
        t = time(12, 0) if m.group(0).lower() == "noon" else parse_time(m.group(0))
        if t:
            out.append(t)
    return out


def read_duration(text: str) -> tuple[time | None, time | None]:
    """Start and end from "Meeting Duration: 10.00 am - 11.40 am", "The meeting commenced at
    2.00 pm and closed at 4.10 pm", "The meeting ended at 3.45 pm"."""
    m = re.search(r"meeting\s+duration\s*:?(.{0,60})", text, re.I)
    if m:
        found = times_in(m.group(1))
        return (found[0] if found else None), (found[1] if len(found) > 1 else None)
    start = re.search(r"\b(?:commenced|started|began|opened)\s+at\s+(.{1,12})", text, re.I)
    end = re.search(r"\b(?:ended|closed|finished|concluded|terminated|rose)\s+at\s+(.{1,12})", text,
                    re.I)
    s = times_in(start.group(1)) if start else []
    e = times_in(end.group(1)) if end else []
    return (s[0] if s else None), (e[0] if e else None)


def confirmation_date(text: str) -> date | None:
    """ "... to be considered and confirmed at the next meeting ... to be held on: Thursday,
    18 January 2018" → that date."""
    m = re.search(r"\b(?:to\s+be\s+held|confirmed|considered)\b.{0,160}?\bon\b:?\s*(?P<d>.{0,60})",
                  text, re.I)
    if not m:
        return None
    d = DATE_IN_TEXT.search(m["d"])
    return parse_date(d.group(1)) if d else None

