"""The front sheet of an agenda pack: meeting, members, contact and agenda items.

Members come as a tab-separated grid ("Pauline Batstone (Chairman)<TAB>Katharine Garcia
(Vice-Chairman)") or as names run together with a role wrapped onto the next line
("Katharine Garcia (Vice- Derek Beer" / "Chairman)"); space-separated names are read two
words to a name (particles such as "de" or "van" join the surname; an odd word count gives
the last name three words), since nothing else in the text tells where one name ends.
Agenda items come as lines ("3. Minutes 5 - 10"), with the page range on a later line,
or as a table whose cells hold inline HTML; numbers must run in sequence.
"""

from __future__ import annotations

import re

from scrutinydesk.core.names import clean_person_name
from scrutinydesk.ingest.errors import MalformedPaper
from scrutinydesk.ingest.parsers.common import (
    PAGE_ARTEFACT,
    find_dates,
    normalise_space,
    parse_time,
)
from scrutinydesk.ingest.parsers.coversheet import EMAIL_RE, clean, clean_lines, read_date
from scrutinydesk.ingest.records import ParsedAgendaItem, ParsedMeeting, ParsedMember, SourceRef
from scrutinydesk.ingest.text import Line

_FIELD = re.compile(r"^\s*(Meeting|Committee|Time|Date|Venue|Place|Location)\s*:\s*(.*)$", re.I)
_CONTACT = re.compile(r"Contact(?: Officer)?\s*:\s*(.*)$", re.I)
_PUBLISHED = re.compile(r"Date of (?:Publication|Issue)\s*:?\s*(.*)$", re.I)
_PHONE = re.compile(r"\(?\b0\d{2,4}\)?[ ]?\d{3,4}[ ]?\d{3,4}\b")
_ITEM = re.compile(r"^\s*(?:[-•]\s+)?(\d{1,2}[a-z]?)[.)]\s*(\S.{0,400})$")
# "13 - 20", "Pages 13 - 20", "(Pages 5 - 12)", "(Page 5)": a single number only after "Page"
_RANGE_TAIL = re.compile(r"\s+(?P<open>\()?(?:(?P<word>Pages?)\s+)?(?P<first>\d{1,4})"
                         r"(?:\s*[-–]\s*(?P<last>\d{1,4}))?(?(open)\))\s*$", re.I)
_RANGE_ONLY = re.compile(r"^\s*(?P<open>\()?(?:(?P<word>Pages?)\s+)?(?P<first>\d{1,4})"
                         r"(?:\s*[-–]\s*(?P<last>\d{1,4}))?(?(open)\))\s*$", re.I)
_EXCLUSION = re.compile(r"\bexclusion of (?:the )?(?:press|public)\b|"
                        r"\b(?:press|public) (?:and (?:the )?(?:press|public) )?excluded\b", re.I)


def _range(m: re.Match | None, *, alone: bool = False) -> tuple[int, int] | None:
    """The page range a _RANGE_TAIL / _RANGE_ONLY match names; a single number only when
    printed with "Page" (or, with ``alone``, in a cell of its own)."""
    if not m or not (m["last"] or m["word"] or alone):
        return None
    return int(m["first"]), int(m["last"] or m["first"])
_PART2 = re.compile(r"^\s*(?:PART\s*(?:2|II|B)\b|EXEMPT BUSINESS\b|Exempt Business\b)")
_EXEMPT = re.compile(r"\bexempt\b.{0,120}?\bparagraphs?\s+(\d{1,2})", re.I)
_PARTICLES = {"de", "van", "von", "der", "den", "le", "la", "du", "da", "di", "st", "mac"}
_HONORIFIC = re.compile(r"^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Rev)\.?$", re.I)
_STOP = re.compile(r"^\s*(?:Notes?\b|Contact\b|Date of Publication|Public (?:Participation|"
                   r"Speaking)|Agenda\b|Apologies\b|Items?\b|Substitutes?\b|[-•]\s)", re.I)
_PENDING = "\x00"
_MEMBERS_LABEL = re.compile(r"^(?:Membership|Members|Councillors|Committee Members)\s*:?\s*(.*)$",
                            re.I)
# "Co-opted Members (voting on education matters only):" within the membership block
_CO_OPTED_LABEL = re.compile(r"^Co-?opted\s+Members?\b[^:]{0,80}:\s*(.*)$", re.I)


def role_of(text: str) -> str:
    """A printed role → committees.vocab.MembershipRole value."""
    key = re.sub(r"[^a-z]", "", text.lower())
    if key in ("chairman", "chair", "chairperson", "chairwoman"):
        return "chair"
    if key.startswith(("vicechair", "deputychair")):
        return "vice_chair"
    if key.startswith("coopted"):
        return "co_opted"
    if key.startswith("substitute"):
        return "substitute"
    if key.startswith("reserve"):
        return "reserve"
    return "member"


def _split_names(text: str) -> list[str]:
    text = normalise_space(text).strip(" ,;")
    if not text:
        return []
    if "," in text or re.search(r"\band\b", text):
        return [clean_person_name(p) for p in re.split(r",|\band\b", text) if p.strip()]
    words = text.split()
    names: list[list[str]] = []
    current: list[str] = []
    for word in words:
        current.append(word)
        core = [w for w in current if not _HONORIFIC.match(w)]
        if len(core) >= 2 and core[-1].lower() not in _PARTICLES:
            names.append(current)
            current = []
    if current:
        if names and len(current) == 1:
            names[-1].extend(current)
        else:
            names.append(current)
    return [clean_person_name(" ".join(n)) for n in names if n]


def _is_member_line(text: str) -> bool:
    plain = re.sub(r"\([^()]*\)?", " ", clean(text).replace("\t", " "))
    plain = plain.replace(")", " ")
    words = plain.split()
    if not words or len(text) > 300 or re.search(r"[:\d@]", plain):
        return False
    words = [w.strip(",;") for w in words if w.strip(",;")]
    return bool(words) and all(w[:1].isupper() or w.lower() in _PARTICLES or w in ("-", "and")
                               for w in words)


def parse_members(lines: list[Line]) -> list[ParsedMember]:
    """Members from the lines of the membership block."""
    members: list[ParsedMember] = []
    pending: tuple[ParsedMember, str] | None = None
    for line in lines:
        text = clean(line.text.replace("\t", " \t "))
        if pending is not None:
            m = re.match(r"^\s*([^()]*?)\)", text)
            if m:
                member, fragment = pending
                joiner = "" if fragment.endswith("-") else " "
                member.role = role_of(f"{fragment}{joiner}{m.group(1).strip()}")
                text = text[m.end():]
                pending = None
        fragment = ""
        m = re.search(r"\(([^()]*)$", text)
        if m:
            inner = m.group(1).split()
            fragment = inner[0] if inner else ""
            text = text[:m.start()] + f" ({_PENDING}) " + " ".join(inner[1:])
        for cell in text.split("\t"):
            for part in re.split(r"(\([^()]*\))", cell):
                if part.startswith("("):
                    if members and part == f"({_PENDING})":
                        pending = (members[-1], fragment)
                    elif members:
                        members[-1].role = role_of(part[1:-1])
                    continue
                for name in _split_names(part):
                    if name:
                        members.append(ParsedMember(
                            name=name, ref=SourceRef(page=line.page, line=line.number)))
    return members


def _entries(lines: list[Line]) -> list[tuple[Line, str, tuple[int, int] | None, bool]]:
    """(line, text, page range, from a table row) for each logical line of the agenda."""
    out = []
    for line in lines:
        raw = line.text.strip()
        if not raw or PAGE_ARTEFACT.match(raw) or re.fullmatch(r"[-|:\s]*", raw):
            continue
        if raw.startswith("|") and raw.count("|") >= 2:
            cells = [c for c in raw.strip("|").split("|")]
        elif "\t" in raw:
            cells = raw.split("\t")
        else:
            cells = None
        if cells is None:
            out.append((line, clean(raw), None, False))
            continue
        texts = [clean(c) for c in cells]
        pages = None
        for i in range(len(texts) - 1, 0, -1):
            found = _range(_RANGE_ONLY.match(texts[i]), alone=True) if texts[i] else None
            if found:
                pages = found
                texts[i] = ""
                break
        pieces: list[str] = []
        for cell, text in zip(cells, texts, strict=True):
            if text:
                pieces.extend(clean_lines(cell) if "<" in cell else [text])
        if len(pieces) >= 2 and re.fullmatch(r"\d{1,2}[a-z]?[.)]?", pieces[0]):
            pieces = [f"{pieces[0]} {pieces[1]}"] + pieces[2:]
        # "12. Title<TAB>(Pages 27 - 30)" is a title with its pages, not a table row
        in_table = len(pieces) > 1 or raw.startswith("|")
        for k, piece in enumerate(pieces):
            out.append((line, piece, pages if k == 0 else None, in_table))
    return out


def _next_number(number: str, items: list[ParsedAgendaItem]) -> bool:
    m = re.fullmatch(r"(\d+)([a-z]?)", number)
    if not m:
        return False
    value, letter = int(m.group(1)), m.group(2)
    if not items:
        return value <= 5
    prev = re.fullmatch(r"(\d+)([a-z]?)", items[-1].number)
    if not prev:
        return False
    pv, pl = int(prev.group(1)), prev.group(2)
    if value == pv + 1 and letter in ("", "a"):
        return True
    return value == pv and letter and (not pl or ord(letter) == ord(pl) + 1)


def _valid_range(first: int, last: int, items: list[ParsedAgendaItem]) -> bool:
    if not 1 <= first <= last <= 999:
        return False
    ends = [i.page_end for i in items if i.page_end]
    return not ends or first > max(ends)


def parse_items(lines: list[Line], page: int | None = None,
                page_end: int | None = None) -> list[ParsedAgendaItem]:
    """Agenda items with their descriptions and pack page ranges."""
    items: list[ParsedAgendaItem] = []
    part = 1
    from_table = False
    for line, text, pages, in_table in _entries(lines):
        text = text.replace("**", "").strip()
        m = _ITEM.match(text)
        if m and _next_number(m.group(1), items) and not re.match(r"\d{4}\b", m.group(2)):
            title = m.group(2).strip()
            tail = _RANGE_TAIL.search(title)
            found = _range(tail)
            if pages is None and found and _valid_range(*found, items):
                pages = found
                title = title[:tail.start()].strip()
            item = ParsedAgendaItem(number=m.group(1), title=title.rstrip(":").strip(),
                                    part=part, exempt=part == 2,
                                    ref=SourceRef(page=page, page_end=page_end,
                                                  line=line.number))
            if pages and _valid_range(pages[0], pages[1], items):
                item.page_start, item.page_end = pages
            items.append(item)
            from_table = in_table
            continue
        if _PART2.match(text):
            part = 2
            continue
        if not items:
            continue
        last = items[-1]
        found = _range(_RANGE_ONLY.match(text))
        if found and last.page_start is None and not last.description:
            if _valid_range(*found, items[:-1]):
                last.page_start, last.page_end = found
            continue
        if (line.number == last.ref.line) if from_table else not in_table:
            piece = re.sub(r"^[-•]\s+", "", text)
            last.description = f"{last.description} {piece}".strip()
    mark_exclusions(items)
    return items


def mark_exclusions(items: list[ParsedAgendaItem]) -> None:
    """The item excluding the press and public is itself public business; the paragraph it
    cites is the reason for the Part 2 items after it that cite none of their own. Without a
    "Part 2" heading after it, every item after the exclusion (its "following item(s)") is
    exempt: a confidential item shown as public is the worse mistake."""
    paragraph = ""
    excluding = False
    for k, item in enumerate(items):
        m = _EXEMPT.search(f"{item.title} {item.description}")
        if _EXCLUSION.search(item.title):
            item.exempt, item.exempt_paragraph, item.part = False, "", 1
            paragraph = m.group(1) if m else (_paragraph(item.description) or paragraph)
            excluding = not any(i.part == 2 for i in items[k + 1:])
        elif m:
            item.exempt, item.exempt_paragraph = True, m.group(1)
        elif item.exempt or excluding:
            item.exempt = True
            item.part = 2
            if paragraph and not item.exempt_paragraph:
                item.exempt_paragraph = paragraph


_PARAGRAPH = re.compile(r"\bparagraphs?\s+(\d{1,2})\b.{0,60}?Schedule\s*12\s*A", re.I | re.S)


def _paragraph(text: str) -> str:
    """ "… as defined in paragraph 3 of Part 1 of Schedule 12A …" → "3"."""
    m = _PARAGRAPH.search(text)
    return m.group(1) if m else ""


def parse_front_sheet(lines: list[Line], source: str) -> ParsedMeeting:
    """The meeting an agenda front sheet describes."""
    fields: dict[str, tuple[int, str]] = {}
    for i, line in enumerate(lines[:200]):
        m = _FIELD.match(clean(line.text))
        if not m:
            continue
        key = {"committee": "meeting", "place": "venue", "location": "venue"}.get(
            m.group(1).lower(), m.group(1).lower())
        value = m.group(2).strip()
        if not value:
            value = next((clean(n.text) for n in lines[i + 1:i + 4] if n.text.strip()), "")
        fields.setdefault(key, (i, value))
    when = read_date(fields["date"][1]) if "date" in fields else None
    committee = fields.get("meeting", (0, ""))[1]
    if not committee and fields:
        committee = _committee_above(lines[:min(i for i, _ in fields.values())])
    first = lines[0].number if lines else None
    if not committee or when is None:
        raise MalformedPaper("the agenda front sheet has no " +
                             ("'Meeting:' line" if not committee else "readable 'Date:' line"),
                             source=source, line=first,
                             expected="'Meeting: <committee>' and 'Date: 30 January 2018'")
    meeting = ParsedMeeting(committee=normalise_space(committee), date=when,
                            ref=SourceRef(page=lines[0].page, line=first))
    meeting.start_time = parse_time(fields.get("time", (0, ""))[1])
    meeting.venue = normalise_space(fields.get("venue", (0, ""))[1])
    top = min(i for i, _ in fields.values())
    meeting.council = next((normalise_space(clean(ln.text)) for ln in reversed(lines[:top])
                            if re.search(r"\b(?:Council|Authority)\b", ln.text)
                            and len(ln.text) < 80), "")
    after = max(i for i, _ in fields.values()) + 1
    block: list[Line] = []
    co_opted: list[Line] = []
    taken = 0
    for line in lines[after:after + 40]:
        text = line.text.strip()
        taken += 1
        if not text:
            continue
        label = _MEMBERS_LABEL.match(text)
        if label and not block:
            if label.group(1).strip():
                block.append(Line(line.number, label.group(1), line.page))
            continue
        co = _CO_OPTED_LABEL.match(text)
        if co and block:
            if co.group(1).strip():
                co_opted.append(Line(line.number, co.group(1), line.page))
            continue
        if _STOP.match(text) or not _is_member_line(line.text):
            break
        (co_opted if co_opted or (block and _after_co_opted(lines, line)) else block).append(line)
    meeting.members = parse_members(block)
    for member in parse_members(co_opted):
        member.role = member.role if member.role not in ("", "member") else "co_opted"
        meeting.members.append(member)
    start = after + len(block) + len(co_opted)
    for i, line in enumerate(lines):
        m = _CONTACT.search(clean(line.text))
        if m and not meeting.contact:
            meeting.contact = _contact(m.group(1), lines[i + 1:i + 7])
        m = _PUBLISHED.search(clean(line.text))
        if m and meeting.published_on is None:
            near = " ".join([m.group(1)] + [clean(n.text) for n in lines[i + 1:i + 4]])
            found = find_dates(near)
            meeting.published_on = found[0] if found else None
            start = max(start, i + 1)
    meeting.items = parse_items(lines[start:], meeting.ref.page)
    return meeting


def _after_co_opted(lines: list[Line], line: Line) -> bool:
    """True when the nearest label above ``line`` is a "Co-opted Members" one."""
    for other in reversed([ln for ln in lines if ln.number < line.number][-12:]):
        text = other.text.strip()
        if _CO_OPTED_LABEL.match(text):
            return True
        if _MEMBERS_LABEL.match(text):
            return False
    return False


_BODY_NAME = re.compile(r"\b(?:Committee|Sub-Committee|Panel|Board|Cabinet|Forum|Commission|"
                        r"Group)\b")


def _committee_above(lines: list[Line]) -> str:
    """The committee named on its own line above the front sheet's fields, when there is no
    'Meeting:' line: "Wexcombe County Council / Agenda / Children and Young People's
    Scrutiny Committee / Date: …"."""
    for line in reversed(lines[-8:]):
        text = clean(line.text)
        if text and len(text) <= 150 and "\t" not in line.text and _BODY_NAME.search(text) \
                and not re.search(r"[.:;]$", text):
            return text
    return ""


def _contact(value: str, following: list[Line]) -> str:
    """ "Fiona King, Senior Democratic Services Officer, 01305 224186, f.d.king@...". """
    parts = [normalise_space(value)]
    text = " ".join([value] + [clean(ln.text) for ln in following])
    phone, email = _PHONE.search(text), EMAIL_RE.search(text)
    if phone and phone.group(0) not in parts[0]:
        parts.append(phone.group(0))
    if email and email.group(0) not in parts[0]:
        parts.append(email.group(0).rstrip("."))
    return ", ".join(p for p in parts if p)
