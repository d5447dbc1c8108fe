"""Minutes as printed inside an agenda pack: "Minutes of the meeting held at County Hall ...
on Thursday, 12 October 2017", who was present, then one minute per item — a heading, often a
minute number ("37 Apologies for absence were received ..."), the record of the discussion and
"Resolved" / "Noted" / "Recommended" decisions — ending with "Meeting Duration: 10.00 am -
11.40 am". Also the item reader shared with ``meeting_page``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutinydesk.core.names import normalise_person_name
from scrutinydesk.ingest.errors import MalformedPaper
from scrutinydesk.ingest.parsers import minute_decisions as md
from scrutinydesk.ingest.parsers import minute_people as mp
from scrutinydesk.ingest.parsers import minute_statements as ms
from scrutinydesk.ingest.parsers import minute_text as mt
from scrutinydesk.ingest.parsers.common import DATE_IN_TEXT, PAGE_ARTEFACT, parse_date
from scrutinydesk.ingest.records import (
    ParsedAgendaItem,
    ParsedAttendee,
    ParsedDeclaration,
    ParsedMeeting,
)
from scrutinydesk.ingest.text import Line, Paper

EXPECTED_HEADING = ("a heading such as 'Minutes of the meeting held at County Hall, Dorchester "
                    "on Thursday, 12 October 2017' with the committee's name")

_MINUTES_OF = re.compile(r"^\s*minutes\s+of\b|^\s*minutes\s*$", re.I)
_COMMITTEE_IN_HEADING = re.compile(
    r"minutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?:(?:ordinary|special|extraordinary|annual|additional|"
    r"reconvened|remote|virtual|hybrid|online|informal|adjourned|urgent|emergency|inquorate)\s+)*"
    r"(?:meeting\s+of\s+(?:the\s+)?(?P<c1>.{3,150}?)|(?P<c2>.{3,150}?)\s+meeting|"
    r"meeting|(?P<c3>[^,]{3,150}?(?:Committee|Panel|Board|Forum|Group|Cabinet|Council)))"
    r"\s+(?:held|on|at)\b", re.I)
# "held in the Luttrell Room, ..." → "Luttrell Room, ..." ("The Guildhall" keeps its capital)
_VENUE = re.compile(r"\bheld\s+(?:at|in)\s+(?-i:the\s+|THE\s+)?(?P<v>.{3,200}?)\s*,?\s+on\s*"
                    r"(?:\w+day,?\s*)?$", re.I)
_VENUE_AFTER = re.compile(r"^\s*,?\s*(?:(?:commencing|starting|beginning)\s+)?"
                          r"(?:at\s+\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?\s*,?\s*)?"
                          r"(?:in|at)\s+(?-i:the\s+|THE\s+)?(?P<v>[^\d].{2,200})$", re.I)
_BREADCRUMB = re.compile(r">|\byou are here\b", re.I)
_BODY = re.compile(r"\b(?:Committee|Sub-Committee|Panel|Board|Cabinet|Forum|Commission)\b", re.I)
_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "with", "at", "a"}
_NEXT_MEETING_OF = re.compile(r"next\s+meeting\s+of\s+(?:the\s+)?(?P<c>[A-Z][^.()]{3,120}?)\s+to\s+"
                              r"be\s+held", re.I)
_COUNCIL = re.compile(r"^(?:(?:London|Royal)\s+Borough\s+of\s+.+|City\s+of\s+.+|.+\s+Council)$")
_NOT_COMMITTEE = re.compile(r"^(?:public\s+document\s+pack|agenda(?:\s+item\s+\d+)?|minutes|"
                            r"page\s+\d+|\d+)$", re.I)
_END = re.compile(r"^(?:\(?\s*(?:meeting\s+duration|the\s+meeting\s+(?:ended|closed|finished|"
                  r"concluded|terminated|rose)))\b", re.I)
_SIGNATURE = re.compile(r"^(?:chair(?:man|person)?|signed|date)\s*[:.…_ ]*$", re.I)
_NOTE = re.compile(r"^\(?\s*note\s*[:.]", re.I)
_PART = re.compile(r"^part\s+(?P<p>1|2|i|ii|one|two)\b", re.I)
# "37 Apologies", "Minute No. 37", "ASC/23/16 MINUTES" (a committee's code and year before it)
_MINUTE_NO = re.compile(r"^(?:minute\s+(?:no\.?\s*)?)?(?P<code>[A-Z]{1,8}/(?:\d{2,4}/)?)?"
                        r"(?P<n>\d{1,4})(?:\.|\s*[-–:])?(?:\s+|$)"
                        r"(?P<rest>.*)$", re.I)
# "Apologies for Absence - Agenda Item 1": the agenda's number printed after the minute's title
_AGENDA_REF = re.compile(r"\s*[-–:(]\s*(?:agenda\s+)?item\s+(?:no\.?\s*)?"
                         r"(?P<n>\d{1,3}[a-z]?)\)?\.?$", re.I)
_UNNUMBERED_ITEM = re.compile(r"^RECOMMENDATIONS?\s+(?:[IVX]{1,6}|\d{1,2}|[A-H])\b")
_PUBLIC_ITEM = re.compile(r"public\s+(?:participation|questions|speaking|statements|forum)|"
                          r"question\s+time", re.I)
_PUBLIC_SUB = re.compile(r"^(?:\([a-z]\)\s*)?(?:public\s+(?:speaking|questions?|statements?)|"
                         r"petitions?|deputations?|statements?|questions?\s+from\s+(?:members\s+"
                         r"of\s+)?the\s+public)$", re.I)
_FINITE = {"was", "were", "is", "are", "had", "has", "have", "be", "been", "will", "would",
           "could", "should", "did", "does", "do", "can", "may", "must", "shall", "said", "felt",
           "gave", "made", "took", "met", "thanked"}


def parse_minutes(paper: Paper) -> ParsedMeeting:
    """Read minutes printed in an agenda pack (a ``Paper.slice`` of the pack)."""
    lines = [ln for ln in paper.lines if not PAGE_ARTEFACT.match(ln.text)]
    if not any(not mt.is_blank(ln.text) for ln in lines):
        raise MalformedPaper("The minutes are empty", expected=EXPECTED_HEADING)
    titled = title_heading(paper.metadata.get("title", ""))
    if titled is not None and not any(_MINUTES_OF.match(mt.clean(ln.text)) for ln in lines[:60]):
        # no heading in the text: the page's title names the meeting
        meeting = titled
        pos = next((i for i, ln in enumerate(lines) if mp.attendance_label(mt.clean(ln.text))),
                   0)
    else:
        meeting, pos = _heading(lines)
    end = next((i for i in range(pos, len(lines)) if _END.match(mt.clean(lines[i].text))),
               len(lines))
    if end < len(lines):
        tail = " ".join(mt.clean(ln.text) for ln in lines[end:end + 2])
        start, finish = md.read_duration(tail)
        meeting.start_time = start or meeting.start_time
        meeting.end_time = finish
    pos = _header(lines, pos, end, meeting)
    body = lines[pos:end]
    while body and (mt.is_blank(body[-1].text) or _SIGNATURE.match(mt.clean(body[-1].text))):
        body.pop()
    for item, item_lines, part in _items(body):
        item.part = part
        meeting.items.append(item)
        read_item_minutes(meeting, item, item_lines)
    finish_meeting(meeting)
    _infer_minute_numbers(meeting.items)
    account(meeting, lines)
    return meeting


def account(meeting: ParsedMeeting, lines: list[Line]) -> None:
    """List in ``meeting.unread`` every decision sentence and attendance name the minutes
    print that no record read."""
    decisions = [d.text for item in meeting.items for d in item.decisions]
    decisions += [u.text for item in meeting.items for u in item.undertakings]  # "X agreed to"
    attendees = [a.name for a in meeting.attendance] + [a.substitute_for for a in
                                                        meeting.attendance if a.substitute_for]
    attendees += [m.name for m in meeting.members]
    meeting.unread = ms.unread_statements(lines, decisions, attendees)


def _heading(lines: list[Line]) -> tuple[ParsedMeeting, int]:
    """The meeting from the minutes' heading, and the index after it."""
    nonblank = [i for i, ln in enumerate(lines) if not mt.is_blank(ln.text)][:60]
    for k, i in enumerate(nonblank):
        if not _MINUTES_OF.match(mt.clean(lines[i].text)):
            continue
        joined, last = "", i
        for j in nonblank[k:k + 4]:
            joined = (joined + " " + mt.clean(lines[j].text)).strip()[:600]
            last = j
            if DATE_IN_TEXT.search(joined):
                break
        d = DATE_IN_TEXT.search(joined)
        if not d or not parse_date(d.group(1)):
            continue
        meeting = ParsedMeeting(committee="", date=parse_date(d.group(1)), status=mt.HELD,
                                has_minutes=True, ref=mt.ref_of(lines[i]))
        c = _COMMITTEE_IN_HEADING.search(joined[:d.start()] + " on")
        meeting.committee = ((c["c1"] or c["c2"] or c["c3"] or "") if c else "").strip(" ,")
        v = _VENUE.search(joined[:d.start()])
        after = joined[d.end():]
        v = v or _VENUE_AFTER.match(after)
        meeting.venue = title_case(v["v"].strip(" ,.")) if v else ""
        meeting.committee = title_case(meeting.committee)
        times = md.times_in(after[:40])
        meeting.start_time = times[0] if times else None
        for j in reversed(nonblank[max(0, k - 4):k]):
            text = mt.clean(lines[j].text)
            if _COUNCIL.match(text) and not meeting.council:
                meeting.council = text
            elif not meeting.committee and len(text) <= 150 and not _NOT_COMMITTEE.match(text) \
                    and not _BREADCRUMB.search(text):
                dated = DATE_IN_TEXT.search(text)
                if not dated:
                    meeting.committee = text
                    continue
                # "Children and Young People Scrutiny Panel - Tuesday 9 March 2021"
                named = re.sub(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?\s*$", "",
                               text[:dated.start()]).strip(" -–,:|")
                if parse_date(dated.group(1)) == meeting.date and _BODY.search(named):
                    meeting.committee = named
        if not meeting.committee:
            rest = " ".join(mt.clean(lines[j].text) for j in nonblank[k + 1:k + 40])
            n = _NEXT_MEETING_OF.search(rest)
            meeting.committee = n["c"].strip() if n else ""
        if not meeting.committee:
            raise MalformedPaper("The minutes do not name the committee", line=lines[i].number,
                                 page=lines[i].page, expected=EXPECTED_HEADING)
        return meeting, last + 1
    first = lines[nonblank[0]] if nonblank else None
    raise MalformedPaper("No minutes heading with a committee and a date was found",
                         line=first.number if first else None, expected=EXPECTED_HEADING)


# "Minutes - Children, Education and Families Scrutiny Committee - 7 October 2019 | Fenmarsh
# Council": a saved page's title
_TITLE = re.compile(r"^\s*(?:draft\s+)?minutes\s*[-–:|]\s*(?P<c>.{3,150}?)\s*[-–,]\s*"
                    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?(?P<d>\d{1,2}(?:st|nd|"
                    r"rd|th)?\s+[A-Za-z]{3,9},?\s+\d{4})\s*(?:[|–-]\s*(?P<council>[^|]{3,80}))?$",
                    re.I)


def title_heading(title: str) -> ParsedMeeting | None:
    """The meeting a page's title names, or None: "Minutes - <committee> - <date> |
    <council>"."""
    m = _TITLE.match(title or "")
    when = parse_date(m["d"]) if m else None
    if not m or when is None or not _BODY.search(m["c"]):
        return None
    council = (m["council"] or "").strip()
    return ParsedMeeting(committee=m["c"].strip(), date=when, status=mt.HELD, has_minutes=True,
                         council=council if _COUNCIL.match(council) else "")


def title_case(text: str) -> str:
    """ "CHILDREN AND FAMILIES SCRUTINY COMMITTEE" → "Children and Families Scrutiny
    Committee"; text not wholly in capitals is kept as printed."""
    if not text or not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(w if k and w in _SMALL_WORDS else w[:1].upper() + w[1:]
                    for k, w in enumerate(words))


def _paragraph(lines: list[Line], i: int, end: int) -> tuple[list[Line], int]:
    """The run of non-blank lines from ``i`` (after skipping blanks), and the index after."""
    while i < end and mt.is_blank(lines[i].text):
        i += 1
    out = []
    while i < end and not mt.is_blank(lines[i].text):
        out.append(lines[i])
        i += 1
    return out, i


def _header(lines: list[Line], pos: int, end: int, meeting: ParsedMeeting) -> int:
    """Attendance lists, the note about confirmation and reserve tables before the first
    item; returns the index where the items begin."""
    while pos < end:
        block, after = _paragraph(lines, pos, end)
        if not block:
            return after
        first = mt.clean(block[0].text)
        label = mp.attendance_label(first)
        if label:
            status, kind, rest = label
            texts = [(rest, block[0])] if rest else []
            texts += [(mt.clean(ln.text), ln) for ln in block[1:]]
            if not texts:
                nxt, after2 = _paragraph(lines, after, end)
                if nxt and not mp.attendance_label(mt.clean(nxt[0].text)) and \
                        not _NOTE.match(mt.clean(nxt[0].text)):
                    texts, after = [(mt.clean(ln.text), ln) for ln in nxt], after2
            # a list may go on after a blank line: "Present:-", "X in the Chair", "Councillors A,
            # B and C" as separate paragraphs
            while texts:
                nxt, after2 = _paragraph(lines, after, end)
                joined = " ".join(mt.clean(ln.text) for ln in nxt)
                if not nxt or not (mp.chair_line(joined) or mp.is_name_list(joined)) or \
                        mp.attendance_label(joined) or _NOTE.match(joined):
                    break
                texts, after = texts + [(mt.clean(ln.text), ln) for ln in nxt], after2
            table = mp.read_attendance_table([ln for _, ln in texts], kind,
                                             header_required=False) \
                if any("\t" in ln.text for _, ln in texts) else None
            if table:
                _table_attendance(meeting, table)
                texts = [(t, ln) for t, ln in texts if "\t" not in ln.text]
            for text, line in texts:
                chair = mp.chair_line(text)
                if chair and status == mt.PRESENT:
                    meeting.chaired_by = meeting.chaired_by or chair
                    meeting.attendance.append(ParsedAttendee(chair, mt.PRESENT, kind, "Chair",
                                                             ref=mt.ref_of(line)))
                else:
                    meeting.attendance += mp.read_attendance(status, kind, [(text, line)])
            pos = after
            continue
        if _NOTE.match(first):
            text = " ".join(mt.clean(ln.text) for ln in block)
            if len(text) < 12:
                nxt, after = _paragraph(lines, after, end)
                text += " " + " ".join(mt.clean(ln.text) for ln in nxt)
            _note(meeting, text)
            pos = after
            continue
        texts = [mt.clean(ln.text) for ln in block]
        if all(_FURNITURE.search(t) or _PAGE_FURNITURE.match(t) for t in texts):
            for t in texts:  # "Place: Remote meeting held via Microsoft Teams"
                place = re.match(r"(?i)^(?:place|venue|location)\s*:\s*(\S.*)$", t)
                if place and not meeting.venue:
                    meeting.venue = place.group(1).strip()
            pos = after
            continue
        table = mp.read_attendance_table(block, mt.COMMITTEE_MEMBER)
        if table:
            _table_attendance(meeting, table)
            pos = after
            continue
        members = mp.read_reserve_table(block)
        if members:
            meeting.members += members
            pos = after
            continue
        return pos
    return pos


def _table_attendance(meeting: ParsedMeeting, people: list[ParsedAttendee]) -> None:
    """Attendees read from an attendance table; the member in the "Chair" row who was
    present chaired the meeting."""
    meeting.attendance += people
    for person in people:
        if person.status == mt.PRESENT and mp.role_of(person.capacity) == mt.CHAIR:
            meeting.chaired_by = meeting.chaired_by or person.name


def _note(meeting: ParsedMeeting, text: str) -> None:
    confirmed = md.confirmation_date(text)
    if confirmed:
        meeting.minutes_to_be_confirmed_on = confirmed
    elif not meeting.note:
        meeting.note = text.strip("() ")


# "Time: 6.00pm", "Place: Remote meeting …", "Download the minutes (PDF, 246KB)", a site's
# "Accessibility | Cookies | Privacy notice" footer: a page's furniture, never an item
_FURNITURE = re.compile(r"^(?:(?:date|time|place|venue|location|clerk|contact|published|"
                        r"updated)\s*:|download\b)|\|.*\|", re.I)


_PAGE_FURNITURE = re.compile(r"^(?:meeting\s+details|skip\s+to\s+main\s+content)$", re.I)


def heading_like(text: str) -> bool:
    """A line that reads as an item's title rather than prose."""
    if not text or len(text) > 150 or len(text.split()) > 18 or _FURNITURE.search(text):
        return False
    if not (text[0].isupper() or text[0].isdigit()) or text.endswith((":", ",", ";", "-", "–")):
        return False
    if re.match(r"(?:That|To)\s|\(?\d{1,2}[.)]\s|\([a-z]{1,4}\)", text):  # decision wording, lists
        return False
    if mt.decision_marker(text) or md.reason_marker(text) is not None or \
            mp.attendance_label(text) or mt.date_only(text) or _END.match(text) or \
            mp.is_name_list(text, roles=True):
        return False
    words = re.findall(r"[A-Za-z’']+", text)
    if text.endswith(".") and len(words) <= 2:
        return False
    return not any(w in _FINITE or (len(w) > 4 and w.endswith("ed"))
                   for w in words if w[0].islower())


@dataclass(slots=True)
class _Start:
    begin: int  # index in entries of the item's first line (its title or number)
    pos: int  # index in entries of the first line of its minutes
    title: str
    title_line: Line
    minute: str = ""
    numbered: bool = False
    explicit: bool = False  # a form that is always an item ("RECOMMENDATION I - ...")
    first_body: str | None = None  # the first line's text without the minute number
    dropped: bool = False
    part: int = 1


def _items(body: list[Line]) -> list[tuple[ParsedAgendaItem, list[Line], int]]:
    """Split the minutes into items: (item, its lines, part). Titles are lines that read as
    headings; a minute number starts the first line of the minutes ("37 Apologies ...") or
    the title itself ("87. Apologies for Absence")."""
    entries = [(i, ln, mt.clean(ln.text)) for i, ln in enumerate(body) if not mt.is_blank(ln.text)]
    starts: list[_Start] = []
    consumed: set[int] = set()
    last_minute, part = 0, 1
    agenda_of = {id(ln): _agenda_ref(t)[1] for _i, ln, t in entries}
    for k, (_i, line, text) in enumerate(entries):
        if k in consumed:
            continue
        prev = _agenda_ref(entries[k - 1][2])[0] if k else ""
        nxt = entries[k + 1][2] if k + 1 < len(entries) else ""
        p = _PART.match(text)
        if p and len(text) < 120:
            part = 2 if p["p"].lower() in ("2", "ii", "two") else 1
            starts.append(_Start(k, k + 1, "", line, dropped=True, part=part))
            continue
        text, nxt = _agenda_ref(text)[0], _agenda_ref(nxt)[0]
        m = _MINUTE_NO.match(text)
        if m and not DATE_IN_TEXT.match(text) and int(m["n"]) > last_minute and \
                (not last_minute or int(m["n"]) <= last_minute + 30):
            rest = m["rest"].strip()
            prev_title = k > 0 and k - 1 not in consumed and heading_like(prev) and \
                _context_ok(entries, k - 1)
            start = None
            if rest and prev_title and (not heading_like(rest) or _PUBLIC_SUB.match(rest)):
                if starts and starts[-1].begin == k - 1:
                    starts.pop()
                start = _Start(k - 1, k, prev, entries[k - 1][1], first_body=rest)
            elif rest and heading_like(rest):
                start = _Start(k, k + 1, rest, line)
            elif not rest and nxt and heading_like(nxt):
                start = _Start(k, k + 2, nxt, entries[k + 1][1])
                consumed.add(k + 1)
            if start:
                start.minute, start.numbered, start.part = (m["code"] or "") + m["n"], True, part
                starts.append(start)
                last_minute = int(m["n"])
                continue
        after_bullet = bool(k and mt._BULLET.match(entries[k - 1][1].text))
        if heading_like(text) and nxt and not nxt[:1].islower() and \
                not mt._BULLET.match(line.text) and (_context_ok(entries, k) or after_bullet):
            starts.append(_Start(k, k + 1, text, line, part=part,
                                 explicit=bool(_UNNUMBERED_ITEM.match(text))))
    numbered = sum(s.numbered for s in starts)
    plain = [s for s in starts if not s.numbered and not s.dropped]
    numbered_mode = numbered >= 3 and numbered >= len(plain)
    current_title = ""
    for s in starts:
        if s.dropped:
            continue
        if not s.numbered and (numbered_mode and not s.explicit or
                               _PUBLIC_ITEM.search(current_title) and _PUBLIC_SUB.match(s.title)):
            s.dropped = True
            continue
        current_title = s.title
    cuts = [s for s in starts if not s.dropped or not s.title]  # items and PART headings
    out = []
    for n, s in enumerate(cuts):
        if not s.title:
            continue
        stop = cuts[n + 1].begin if n + 1 < len(cuts) else len(entries)
        first_i = entries[s.pos][0] if s.pos < min(stop, len(entries)) else None
        stop_i = entries[stop][0] if stop < len(entries) else len(body)
        lines = list(body[first_i:stop_i]) if first_i is not None else []
        if s.first_body is not None and lines:
            lines[0] = Line(lines[0].number, s.first_body, lines[0].page)
        title, agenda = _agenda_ref(s.title)
        agenda = agenda or agenda_of.get(id(s.title_line), "")
        title = re.sub(r"\s*\.$", "", title)
        item = ParsedAgendaItem(agenda, title, minute_number=s.minute, ref=mt.ref_of(s.title_line))
        out.append((item, lines, s.part))
    return out


def _agenda_ref(title: str) -> tuple[str, str]:
    """ "Apologies for Absence - Agenda Item 1" → ("Apologies for Absence", "1")."""
    m = _AGENDA_REF.search(title)
    if not m or not title[:m.start()].strip():
        return title, ""
    return title[:m.start()].strip(), m["n"]


def _context_ok(entries, k: int) -> bool:
    """A heading follows the end of a sentence, a decision word or another heading."""
    if k <= 0:
        return True
    prev = entries[k - 1][2]
    marker = mt.decision_marker(prev)
    if marker:  # after a lone "Resolved" comes its wording, after "Noted" the next item
        return marker[0] == mt.NOTED or bool(marker[2])
    return prev.endswith(mt._TERMINAL) or heading_like(prev) or \
        bool(re.fullmatch(r"\d{1,4}\.?", prev))


def read_item_minutes(meeting: ParsedMeeting, item: ParsedAgendaItem, lines: list[Line]) -> None:
    """Read one item's minutes into the item (text, decisions, undertakings, declarations) and
    the meeting (apologies, substitutes, who chaired, future meetings)."""
    paras = mt.paragraphs(lines)
    item.minutes = "\n".join(p.text for p in paras)
    known = [a.name for a in meeting.attendance] + [m.name for m in meeting.members]
    declarations_item = bool(re.search(r"(?i)declaration|interest|code\s+of\s+conduct",
                                       item.title))
    for p in paras:
        label = mp.attendance_label(p.text)
        if label and label[2]:
            meeting.attendance += mp.read_attendance(label[0], label[1], [(label[2], p.line)])
        meeting.attendance += mp.read_apologies(p.text, p.ref)
        meeting.attendance += mp.read_substitutes(p.text, p.ref)
        chair = mp.read_chair(p.text, meeting.attendance, meeting.members)
        meeting.chaired_by = chair or meeting.chaired_by
        if chair:
            _chair_with_role(meeting, chair, p)
        start, end = md.read_duration(p.text)
        meeting.start_time = meeting.start_time or start
        meeting.end_time = meeting.end_time or end
        if mp.no_declarations(p.text, declarations_item):
            meeting.declarations_none = True
        item.declarations += [d for d, _w, _n in mp.read_declarations(p.text, p.ref)]
    if paras:
        item.declarations += mp.read_declaration_blocks([p.text for p in paras], paras[0].ref)
    item.decisions = md.read_decisions(paras)
    item.undertakings = md.read_undertakings(paras, known)
    meeting.future_meetings += md.read_future_meetings(paras, item.title)


def finish_meeting(meeting: ParsedMeeting) -> None:
    """What needs every item read first: declarations moved to the item they name, exempt
    paragraphs from the resolution excluding the public, duplicate attendees dropped."""
    _move_declarations(meeting)
    if any(i.declarations for i in meeting.items):
        meeting.declarations_none = False
    _exemptions(meeting.items)
    _chair_attends(meeting)
    for a in meeting.attendance:  # "Ian Fairbrother (substitute)" in the list of those present
        if a.status == mt.PRESENT and re.fullmatch(r"(?i)substitute(?:\s+member)?",
                                                   a.capacity.strip()):
            a.status = mt.SUBSTITUTE
    future: dict = {}
    for f in meeting.future_meetings:  # a date already past is not a future meeting
        if f.date > meeting.date and (f.date not in future or not future[f.date].topics):
            future[f.date] = f  # the mention that lists the meeting's topics stands
    meeting.future_meetings = sorted(future.values(), key=lambda f: f.date)
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for a in meeting.attendance:
        key = normalise_person_name(a.name)
        last = key.rsplit(" ", 1)[-1]
        if (key, a.status, a.kind) in seen or (" " not in key and (last, a.status, a.kind) in
                                               seen):
            continue
        seen |= {(key, a.status, a.kind), (last, a.status, a.kind)}
        unique.append(a)
    meeting.attendance = unique


_CHAIR_CAPACITY = re.compile(r"^(?:the\s+)?chair(?:man|woman|person)?(?:\s+of\s+the\s+\w+)?"
                             r"(?:\s+for\s+the\s+meeting)?$", re.I)


def _chair_with_role(meeting: ParsedMeeting, chair: str, p) -> None:
    """ "Councillor Daniel Frost (Vice-Chair) took the Chair.": he chaired, present, and his
    capacity stays the role printed with his name."""
    surname = chair.split()[-1]
    m = re.search(rf"\b{re.escape(surname)}\s*\((?P<r>(?:vice|deputy)[- ]?chair\w*)\)",
                  p.text, re.I)
    if not m:
        return
    key = normalise_person_name(chair)
    for a in meeting.attendance:
        if normalise_person_name(a.name) == key:
            a.capacity = a.capacity if a.capacity and a.capacity != "Chair" else m["r"]
            if a.status in (mt.APOLOGIES, mt.ABSENT):
                a.status = mt.PRESENT
            return
    meeting.attendance.append(ParsedAttendee(chair, mt.PRESENT, mt.COMMITTEE_MEMBER, m["r"],
                                             ref=p.ref))


def _chair_attends(meeting: ParsedMeeting) -> None:
    """Who chaired: the one the minutes name, else the member listed present as "(Chair)";
    whoever chaired was present."""
    if not meeting.chaired_by:
        chair = next((a for a in meeting.attendance if a.status == mt.PRESENT and
                      a.kind == mt.COMMITTEE_MEMBER and _CHAIR_CAPACITY.match(a.capacity)), None)
        meeting.chaired_by = chair.name if chair else ""
    who = meeting.chaired_by
    if not who or not mp.looks_like_name(who) or re.search(r"(?i)chair", who):
        return  # a role ("Vice-Chairman") is resolved by the loader
    key = normalise_person_name(who)
    for a in meeting.attendance:
        other = normalise_person_name(a.name)
        if other == key or (" " not in key and other.rsplit(" ", 1)[-1] == key) or \
                (" " not in other and key.rsplit(" ", 1)[-1] == other):
            if a.status in (mt.APOLOGIES, mt.ABSENT):
                a.status = mt.PRESENT  # took the chair after all
            return
    meeting.attendance.append(ParsedAttendee(who, mt.PRESENT, mt.COMMITTEE_MEMBER, "Chair",
                                             ref=meeting.ref))


def _move_declarations(meeting: ParsedMeeting) -> None:
    for item in meeting.items:
        keep: list[ParsedDeclaration] = []
        for d in item.declarations:
            target = _named_item(meeting.items, d.words or d.interest)
            if target is not None and target is not item:
                d.item_number = target.number or d.item_number
                target.declarations.append(d)
            else:
                if target is item:
                    d.item_number = item.number or d.item_number
                keep.append(d)
        item.declarations = keep


def _named_item(items: list[ParsedAgendaItem], text: str) -> ParsedAgendaItem | None:
    """The item a declaration names: "item 7", "minute 91" or the item's title."""
    m = mp._ITEM_REF.search(text)
    if not m:
        lowered = text.lower()
        titled = [i for i in items if len(i.title) >= 8 and i.title.lower() in lowered]
        return max(titled, key=lambda i: len(i.title)) if titled else None
    field_name = "minute_number" if m["w"].lower() == "minute" else "number"
    for item in items:
        if getattr(item, field_name) == m["n"]:
            return item
    if field_name == "number":  # pages numbered by minute print "item 87"
        return next((i for i in items if i.minute_number == m["n"]), None)
    return None


_EXCLUDING_TITLE = re.compile(r"\bexclusion of (?:the )?(?:press|public)\b|"
                              r"\b(?:press|public) (?:and (?:the )?(?:press|public) )?"
                              r"(?:to be )?excluded\b", re.I)


def _exemptions(items: list[ParsedAgendaItem]) -> None:
    has_part2 = any(i.part == 2 for i in items)
    paragraph, after = "", False
    for item in items:
        own = md.item_paragraph(item.title + " " + item.description) \
            if re.search(r"(?i)exempt|confidential|paragraph", item.title + item.description) \
            else ""
        if item.part == 2 or (after and not has_part2):
            item.part, item.exempt = 2, True
            item.exempt_paragraph = own or paragraph
        elif own and re.search(r"(?i)\bexempt\b|\bconfidential\b", item.title):
            item.exempt, item.exempt_paragraph = True, own
        ex = md.exclusion_paragraph(item.minutes or item.description)
        if ex is None and _EXCLUDING_TITLE.search(item.title):
            ex = ("", [])  # "Exclusion of the Press and Public" citing no Schedule 12A
        if ex:
            paragraph = ex[0] or paragraph
            for other in items:
                if other.minute_number and other.minute_number in ex[1]:
                    other.exempt, other.part = True, 2
                    other.exempt_paragraph = other.exempt_paragraph or paragraph
            after = not ex[1]


def _infer_minute_numbers(items: list[ParsedAgendaItem]) -> None:
    """Where only some minutes print their number and all agree with their position (a
    "27" on the fourth minute and a "34" on the eleventh), number the others to match."""
    known = [(k, int(i.minute_number)) for k, i in enumerate(items) if i.minute_number.isdigit()]
    if len(known) < 2 or len(known) == len(items):
        return
    offsets = {n - k for k, n in known}
    if len(offsets) == 1:
        offset = offsets.pop()
        for k, item in enumerate(items):
            if k + offset > 0:
                item.minute_number = item.minute_number or str(k + offset)
