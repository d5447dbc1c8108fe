"""A council's public "Meeting documents" web page (as ModernGov and similar systems publish
it), saved as lines of text: the committee, date and time, venue and contact, then each agenda
item — number, title with its document links ("Minutes pdf icon PDF 179 KB"), description,
"Additional documents:" — and, once the meeting has been held, "Minutes:" with what happened.

HTML is turned into lines elsewhere (``formats.py``); this parser works on lines only.
"""

from __future__ import annotations

import re

from scrutinydesk.ingest.errors import MalformedPaper
from scrutinydesk.ingest.parsers import minute_decisions as md
from scrutinydesk.ingest.parsers import minute_people as mp
from scrutinydesk.ingest.parsers import minute_text as mt
from scrutinydesk.ingest.parsers.common import (
    DATE_IN_TEXT,
    PAGE_ARTEFACT,
    normalise_space,
    parse_date,
    venue_name,
)
from scrutinydesk.ingest.parsers.minutes import account, finish_meeting, read_item_minutes
from scrutinydesk.ingest.records import (
    ParsedAgendaItem,
    ParsedDocumentLink,
    ParsedFutureMeeting,
    ParsedMeeting,
)
from scrutinydesk.ingest.text import Line, Paper

EXPECTED_HEADING = ("a heading with the committee name and a date such as "
                    "'Tuesday, 30th January, 2018 2.00 pm'")

_PAGE_TITLES = re.compile(r"^(?:meeting\s+documents|agenda(?:,\s+decisions)?(?:\s+and\s+"
                          r"(?:minutes|decisions))?|minutes|decisions|meeting\s+details|issue\s+"
                          r"details|browse\s+meetings|media|items|no\.?\s+item|no\.?)$", re.I)
# "Agenda for Health Select Committee on Tuesday, ...": the page's title around the committee
_TITLE_PREFIX = re.compile(r"^(?:draft\s+|public\s+|revised\s+|supplementary\s+)?(?:agenda(?:,\s+"
                           r"decisions)?(?:\s+and\s+(?:minutes|decisions))?|minutes|decisions|"
                           r"meeting\s+(?:documents|details)|issue\s+details)\s+(?:for|of)\s+"
                           r"(?:the\s+)?(?:(?:meeting|agenda)\s+of\s+(?:the\s+)?)?", re.I)
_TITLE_SUFFIX = re.compile(r"\s+(?:meeting\s+)?(?:held\s+)?(?:on|at|dated)$", re.I)
# "Please note the revised start time of 7.00 pm", "the meeting will now start at 2.30 pm"
_REVISED_TIME = re.compile(r"\b(?:revised|new|amended|changed|later|earlier|"
                           r"different)\s+(?:start(?:ing)?"
                           r"\s+)?time\b|\bstart(?:ing)?\s+time\s+(?:has\s+been\s+|is\s+now\s+|was\s+)?"
                           r"(?:changed|revised|moved|amended|brought\s+forward|put\s+back)|\b(?:will|"
                           r"shall)\s+now\s+(?:start|begin|commence)|\bnow\s+(?:starts|begins|commences)",
                           re.I)
_CANCELLED = re.compile(r"\bcancell?ed\b|\bmeeting\s+(?:has\s+been\s+)?withdrawn\b", re.I)
_POSTPONED = re.compile(r"\bpostponed\b", re.I)
_MOVED = re.compile(r"^(?P<m>(?:moved|rescheduled|postponed)\s+from\s+[^,]{3,40}),\s*", re.I)
_COUNCIL_SPLIT = re.compile(r"^(?P<council>.{2,80}?\bCouncil)\s*[-–:|,]?\s+(?P<committee>\S.*)$")
_COUNCIL_ONLY = re.compile(r"^(?:(?:London|Royal)\s+Borough\s+of\s+.+|City\s+of\s+.+|.+\s+Council"
                           r"|.+\s+Authority)$")
_BODY = re.compile(r"\b(?:Committee|Sub-Committee|Panel|Board|Cabinet|Forum|Commission)\b")
_BREADCRUMB = re.compile(r">|\byou are here\b", re.I)
_BARE_LABEL = re.compile(r"^(?P<l>time|location|venue|place)$", re.I)
# "The meeting has been rearranged for Wednesday 8 July 2020 at 10.30am."
_REARRANGED = re.compile(r"\b(?:rearranged|re-arranged|rescheduled|moved)\s+(?:to|for)\s+"
                         r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
                         r"(\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4})", re.I)
_TIME_LABEL = re.compile(r"^time\s*:\s*(?P<t>\S.*)$", re.I)
# "Decisions" / "Minutes" heading the items: what each item records is its minutes
_RECORD_HEADING = re.compile(r"^(?:decisions|minutes)$", re.I)
_DATE_LABEL = re.compile(r"^(?:date|day|time|when)$", re.I)
_MEETING_LABEL = re.compile(r"^(?:meeting|committee)\s*:\s*(?P<c>\S.{2,150})$", re.I)
_LABEL = re.compile(r"^(?P<l>venue|contact|note|location|place)\s*:\s*(?P<rest>.*)$", re.I)
_ITEM_ALONE = re.compile(r"^(?P<n>\d{1,4})(?P<s>[a-z]{0,2})\.?$")
_ITEM_TAB = re.compile(r"^(?P<n>\d{1,4})(?P<s>[a-z]{0,2})\.?\t+(?P<t>\S.*)$")
_ITEM_INLINE = re.compile(r"^(?P<n>\d{1,4})(?P<s>[a-z]?)\.\s+(?P<t>\S.*)$")
_MINUTE_PREFIX = re.compile(r"^minute\s+(?:no\.?\s*)?(?P<m>\d{1,4})\s*[-–:.]?\s*(?P<t>.*)$", re.I)
_UNNUMBERED = re.compile(r"^RECOMMENDATIONS?\s+(?:[IVX]{1,6}|\d{1,2}|[A-H])\b")
_PART = re.compile(r"^part\s+(?P<p>1|2|i|ii|one|two)\b", re.I)
_MINUTES_LABEL = re.compile(r"^(?:minutes|decisions?)\s*:$", re.I)
_ADDITIONAL = re.compile(r"^additional\s+documents\s*:?$", re.I)
_SKIP = re.compile(r"^(?:\.{3}|…)?\s*view\s+the\s+full\s+(?:minutes|agenda|decision)s?\s+text\b|"
                   r"^webcast\s+for\b|^view\s+directions$", re.I)
_RESTRICTED = re.compile(r"^(?:restricted\s+enclosure|view\s+the\s+reasons\s+why\b)", re.I)
_LINK = re.compile(r"(?:(?i:pdf|word|doc|docx|excel|xls|xlsx|powerpoint|ppt|html|rtf|text|generic)"
                   r"\s+icon\s+)?(?P<f>PDF|DOCX?|XLSX?|PPTX?|RTF|HTML?|ODT|TXT|CSV)\s+"
                   r"(?P<s>\d[\d.,]{0,8}\s*(?i:KB|MB|GB|bytes))\s*$")


def parse_meeting_page(paper: Paper) -> ParsedMeeting:
    """Read a "Meeting documents" page: the meeting, its items and, where published, the
    minutes of each item."""
    # Page footers ("Page 6") of a printed or PDF copy are never part of the page's content.
    lines = [ln for ln in paper.lines if not PAGE_ARTEFACT.match(ln.text)]
    entries = [(k, ln, mt.clean(ln.text)) for k, ln in enumerate(lines)
               if not mt.is_blank(ln.text)]
    entries = [e for e in entries if e[2]]
    if not entries:
        raise MalformedPaper("The page is empty", expected=EXPECTED_HEADING)
    meeting, pos = _heading(entries)
    pos = _header(entries, pos, meeting)
    start_k = entries[pos][0] if pos < len(entries) else len(lines)
    _items(lines[start_k:], meeting)
    finish_meeting(meeting)
    if meeting.has_minutes:
        account(meeting, lines[start_k:])
    if meeting.status != mt.CANCELLED and meeting.status != mt.POSTPONED:
        meeting.status = mt.HELD if meeting.has_minutes else mt.SCHEDULED
    return meeting


def _heading(entries: list[tuple[int, Line, str]]) -> tuple[ParsedMeeting, int]:
    """Committee, council, date and times from the page heading; index after it."""
    for e, (_k, line, text) in enumerate(entries[:40]):
        if _ITEM_ALONE.match(text) or _LABEL.match(text):
            break
        found = list(DATE_IN_TEXT.finditer(text))
        when = parse_date(found[-1].group(1)) if found else None
        if not when:
            continue
        d = found[-1]
        before = text[:d.start()]
        note = ""
        moved = _MOVED.match(before)
        if moved:
            note, before = moved["m"], before[moved.end():]
        before = re.sub(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?\s*$", "", before)
        committee = before.strip(" -–,:|")
        committee = _TITLE_SUFFIX.sub("", _TITLE_PREFIX.sub("", committee)).strip(" -–,:|")
        cancelled = bool(_CANCELLED.search(text))
        council = ""
        if _DATE_LABEL.match(committee):  # "Meeting: <committee>" a line or two above
            named = [m["c"] for _k2, _l2, prev in entries[max(0, e - 4):e]
                     if (m := _MEETING_LABEL.match(prev))]
            # or the committee's name on a line of its own above "Date:"
            named = named or [prev for _k2, _l2, prev in entries[max(0, e - 3):e]
                              if _BODY.search(prev) and not _BREADCRUMB.search(prev)
                              and len(prev) <= 150 and not prev.endswith((".", ":"))]
            committee = named[-1].strip() if named else ""
            if not committee:
                continue
        if not committee:
            for _k2, _l2, prev in reversed(entries[max(0, e - 3):e]):
                if _PAGE_TITLES.match(prev):
                    continue
                if _COUNCIL_ONLY.match(prev) and committee:
                    council = prev
                    break
                if committee:
                    break
                committee = prev
                cancelled = cancelled or bool(_CANCELLED.search(prev))
        committee = re.sub(r"(?i)\s*[-–(]?\s*\bcancell?ed\b\s*\)?", "", committee).strip(" -–,")
        split = _COUNCIL_SPLIT.match(committee)
        if split and not council and re.search(r"(?i)committee|board|panel|cabinet|forum|group|"
                                               r"commission|council|executive",
                                               split["committee"]):
            council, committee = split["council"], split["committee"]
        if not committee or _PAGE_TITLES.match(committee):
            continue
        times = md.times_in(text[d.end():])
        meeting = ParsedMeeting(committee=committee, date=when, council=council,
                                start_time=times[0] if times else None,
                                end_time=times[1] if len(times) > 1 else None,
                                status=mt.CANCELLED if cancelled else mt.SCHEDULED, note=note,
                                ref=mt.ref_of(line))
        if _POSTPONED.search(text) and not cancelled:
            meeting.status = mt.POSTPONED
        return meeting, e + 1
    first = entries[0][1]
    raise MalformedPaper("No heading with the committee and the date of the meeting was found "
                         "in the first lines of the page", line=first.number,
                         expected=EXPECTED_HEADING)


def _header(entries: list[tuple[int, Line, str]], pos: int, meeting: ParsedMeeting) -> int:
    """Venue, contact, notes, cancellation and membership before the first item."""
    e = pos
    while e < len(entries):
        k, line, text = entries[e]
        if _item_start(text, line.text, None) or _PART.match(text):
            return e
        bare = _BARE_LABEL.match(text)  # "Location" on one line, the place on the next
        if bare and e + 1 < len(entries):
            value = entries[e + 1][2]
            if bare["l"].lower() == "time" and meeting.start_time is None and md.times_in(value):
                meeting.start_time = md.times_in(value)[0]
            elif bare["l"].lower() != "time" and not meeting.venue and len(value) <= 200:
                meeting.venue = venue_name(value)
            e += 2
            continue
        moved = _REARRANGED.search(text)
        if moved and (when := parse_date(moved.group(1))) and when > meeting.date:
            meeting.future_meetings.append(ParsedFutureMeeting(when, ref=mt.ref_of(line)))
        t = _TIME_LABEL.match(text)
        if t and meeting.start_time is None and md.times_in(t["t"]):
            meeting.start_time = md.times_in(t["t"])[0]
        if _RECORD_HEADING.match(text):
            meeting.has_minutes = True  # the items below record what was decided
        label = _LABEL.match(text)
        if label:
            name, rest = label["l"].lower(), label["rest"]
            if name == "contact":
                j = e + 1
                while j < len(entries) and entries[j][0] == entries[j - 1][0] + 1 and \
                        not _LABEL.match(entries[j][2]) and not _PAGE_TITLES.match(entries[j][2]):
                    rest += " " + entries[j][2]
                    j += 1
                meeting.contact, e = normalise_space(rest), j
                continue
            if name == "note":
                meeting.note = text
                if _REVISED_TIME.search(rest) and md.times_in(rest):
                    meeting.start_time = md.times_in(rest)[0]
            else:
                venue = re.sub(r"(?i)\.?\s*view\s+directions\.?$", "", rest).strip()
                meeting.venue = venue_name(venue)
        elif _CANCELLED.search(text) and len(text) < 120:
            meeting.status = mt.CANCELLED
        elif _POSTPONED.search(text) and len(text) < 120 and meeting.status != mt.CANCELLED:
            meeting.status = mt.POSTPONED
        elif "\t" in line.text and re.match(r"(?i)name\s+(?:role|capacity)\b", text):
            j = e + 1  # an attendance table: "Name | Role | Attendance"
            while j < len(entries) and "\t" in entries[j][1].text:
                j += 1
            table = mp.read_attendance_table([ln for _k, ln, _t in entries[e:j]])
            if table:
                meeting.attendance += table
                e = j
                continue
            e += 1
            continue
        elif "\t" in line.text and re.match(r"(?i)ordinary", text):
            j = e + 1
            while j < len(entries) and "\t" in entries[j][1].text and \
                    not _PAGE_TITLES.match(entries[j][2]):
                j += 1
            meeting.members += mp.read_reserve_table([ln for _k, ln, _t in entries[e:j]])
            e = j
            continue
        e += 1
    return e


def _item_start(text: str, raw: str, last: tuple[int, str] | None) -> tuple[str, str] | None:
    """(number, title on the same line) when a line starts an item, else None."""
    for regex in (_ITEM_TAB, _ITEM_ALONE):
        m = regex.match(raw.strip(" \u00a0") if regex is _ITEM_TAB else text)
        if m and _after(last, int(m["n"]), m["s"]):
            return m["n"] + m["s"], mt.clean(m.groupdict().get("t") or "")
    m = _ITEM_INLINE.match(text)
    if m and last and _after(last, int(m["n"]), m["s"]) and int(m["n"]) <= last[0] + 1 and \
            not m["t"].endswith(".") and not re.match(r"(?:That|To)\b", m["t"]):
        return m["n"] + m["s"], m["t"]
    if _UNNUMBERED.match(text):
        return "", text
    return None


def _after(last: tuple[int, str] | None, n: int, suffix: str) -> bool:
    if last is None:
        return True
    return (n, suffix) > last and n <= last[0] + 30


def _link(text: str) -> tuple[str, ParsedDocumentLink] | None:
    """ "Minutes pdf icon PDF 179 KB" → ("Minutes", the link)."""
    m = _LINK.search(text)
    if not m:
        return None
    title = text[:m.start()].strip(" -–:")
    # an additional document's name ends with the item it belongs to: "Appendix 1 - ..., item 6"
    title = re.sub(r"(?i),\s*item\s+\d{1,4}[a-z]?$", "", title).strip()
    return title, ParsedDocumentLink(title, m["f"], re.sub(r"\s+", " ", m["s"]))


def _items(lines: list[Line], meeting: ParsedMeeting) -> None:
    # a page whose items stand under a "Decisions" heading, with no "Minutes:" labels
    recorded = meeting.has_minutes and not any(_MINUTES_LABEL.match(mt.clean(ln.text))
                                               for ln in lines)
    item: ParsedAgendaItem | None = None
    desc: list[Line] = []
    minutes: list[Line] = []
    state = ""
    last: tuple[int, str] | None = None
    part = 1

    def close() -> None:
        if item is None:
            return
        paras = mt.paragraphs(desc)
        item.description = "\n".join(p.text for p in paras)
        if md.FUTURE_BUSINESS_TITLE.search(item.title):  # "Date of next meeting" / "27 July 2020"
            meeting.future_meetings += md.read_future_meetings(paras, item.title)
        else:
            meeting.future_meetings += [ParsedFutureMeeting(d, ref=p.ref) for p in paras
                                        for d in md.meetings_in_prose(p.text)]
        if state == "minutes" or minutes:
            read_item_minutes(meeting, item, minutes)

    for line in lines:
        text = mt.clean(line.text) if not mt.is_blank(line.text) else ""
        if not text:
            (minutes if state == "minutes" else desc).append(line)
            continue
        if _SKIP.match(text):
            continue
        p = _PART.match(text)
        if p and len(text) < 120 and state != "title":
            part = 2 if p["p"].lower() in ("2", "ii", "two") else 1
            continue
        start = None if state == "title" else _item_start(text, line.text, last)
        if start:
            close()
            number, title = start
            if number:
                last = (int(re.match(r"\d+", number).group(0)), re.sub(r"\d+", "", number))
            item = ParsedAgendaItem(number, "", part=part, ref=mt.ref_of(line))
            meeting.items.append(item)
            desc, minutes, state = [], [], "title"
            if title:
                _title(item, title)
                state = "minutes" if recorded else "description"
            continue
        if item is None:
            continue
        if state == "title":
            _title(item, text)
            state = "minutes" if recorded else "description"
        elif _MINUTES_LABEL.match(text):
            state, meeting.has_minutes = "minutes", True
        elif state == "minutes":
            minutes.append(line)
        elif _ADDITIONAL.match(text):
            state = "additional"
        elif _RESTRICTED.match(text):
            item.exempt = True
        elif (found := _link(text)) is not None:
            title, link = found
            link.additional = state == "additional"
            link.title = link.title or ("Additional document" if link.additional else item.title)
            item.documents.append(link)
            if title and state == "description" and not link.additional:
                desc.append(Line(line.number, title, line.page))
        elif state == "description":
            desc.append(line)
    close()
    _minute_numbers(meeting.items)


def _title(item: ParsedAgendaItem, text: str) -> None:
    m = _MINUTE_PREFIX.match(text)
    if m:
        item.minute_number, text = m["m"], m["t"] or text
    found = _link(text)
    if found:
        title, link = found
        text = title
        link.title = title or "Document"
        item.documents.append(link)
    item.title = text.strip()


def _minute_numbers(items: list[ParsedAgendaItem]) -> None:
    """Numbers that run on from earlier meetings ("87.", "88.") are minute numbers, not the
    agenda's own numbering."""
    numbered = [i for i in items if i.number.isdigit()]
    if numbered and int(numbered[0].number) > 3:
        for item in numbered:
            item.minute_number = item.minute_number or item.number
            item.number = ""
