"""Readers of what a meeting decided and arranged: decisions with their reasons and recipients,
undertakings and who gave them, future meetings and their topics, exempt-information
paragraphs, meeting times and the date the minutes are to be confirmed. Pure functions over
text, built on ``minute_text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, time

from scrutinydesk.core.periods import Period
from scrutinydesk.ingest.parsers.common import DATE_IN_TEXT, parse_date, parse_time
from scrutinydesk.ingest.parsers.minute_text import (
    _CAP,
    _HONORIFIC,
    _NUMBERED,
    _ROLE_WORD,
    AGREED,
    NOTED,
    RECOMMENDED,
    Para,
    date_only,
    decision_marker,
    sentences,
)
from scrutinydesk.ingest.records import ParsedDecision, ParsedFutureMeeting, ParsedUndertaking

# --- Decisions ------------------------------------------------------------------------------

_REASON = re.compile(r"^reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?|resolutions?)"
                     r"\s*[:\-–]?\s*|^reasons?\s*[:\-–]\s*", re.I)


def reason_marker(text: str) -> str | None:
    m = _REASON.match(text)
    return text[m.end():].strip() if m else None


_RECOMMEND_TO = re.compile(r"\brecommend(?:s|ed)?\s+(?:to\s+)?(?:the\s+)?(?P<r>(?:Full\s+|"
                           r"County\s+|City\s+|Borough\s+|District\s+|Town\s+|Parish\s+)?(?:Council|Cabinet|"
                           r"Executive|Mayor)(?:\s+Member\s+for\s+[A-Z][\w'’ &-]{0,60}?)?)\s+"
                           r"(?:to|that)\b")
# whom a decision asks to act: "That the Cabinet be
# recommended to defer ...", "That Cabinet be asked to ..."
_BODY = (r"(?:(?:Full|County|City|Borough|District|Town|Parish)\s+)?(?:Council|Cabinet|"
         r"Executive|Mayor|"
         r"Leader(?:\s+of\s+the\s+Council)?|Cabinet\s+Member(?:\s+for\s+[A-Z][\w'’ &,-]{0,60}?)?|"
         r"Executive\s+Member(?:\s+for\s+[A-Z][\w'’ &,-]{0,60}?)?|Portfolio\s+Holder(?:\s+for\s+"
         r"[A-Z][\w'’ &,-]{0,60}?)?|Secretary\s+of\s+State(?:\s+for\s+[A-Z][\w'’ &,-]{0,60}?)?)")
_RECOMMENDS_BODY = re.compile(rf"^(?:That\s+)?(?:the\s+)?(?P<r>{_BODY})\s+be\s+(?P<v>recommended|"
                              rf"asked|"
                              r"requested|invited|urged|advised)\s+to\b", re.I)
# "The Committee NOTED …", "It was AGREED that …": a subject before the decision word
_SUBJECT_MARKER = re.compile(r"^(?:it\s+was|(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){0,6}?(?:committee|"
                             r"cabinet|panel|board|sub-committee|council|members))\s+(?:resolved|"
                             r"agreed|noted|recommended)\b", re.I)
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
    bare: list[tuple[ParsedDecision, str]] = []

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
            if rest and not recipient and _SUBJECT_MARKER.match(p.text):
                rest = p.text.strip()  # "The Committee NOTED the report.": the sentence stands
            group = [ParsedDecision(kind, rest, recipient=recipient, number=number, ref=p.ref)]
            bare.append((group[0], p.text.strip()))
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
        elif not first.text and not first.number and not number and body.endswith(":") and \
                len(body) <= 120 and not _opens_decision(body):
            continue  # a lead-in to numbered parts: "The Health Select Committee:"
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
    for d, printed in bare:
        if not d.text and d.kind == NOTED and len(printed) <= 20:
            d.text = printed  # "Noted." is the whole decision
    for d in decisions:
        body = _RECOMMENDS_BODY.match(d.text)
        if body and d.kind != NOTED:
            # "be recommended to" makes a recommendation; a resolution that asks another body
            # stays the resolution the minutes print, with whom it asks
            if body["v"].lower() == "recommended":
                d.kind = RECOMMENDED
            d.recipient = d.recipient or body["r"].strip()
        if d.kind == RECOMMENDED and not d.recipient:
            d.recipient = recipient_of(d.text)
    if not decisions:
        decisions = _closing_decision(paras)
    return decisions


# "The Adults and Health Scrutiny Committee noted the report.", "The Committee agreed its work
# programme.": the whole decision of an item minuted without a "Resolved"
_CLOSING = re.compile(r"^(?:The\s+)?(?:[A-Z][\w'’&-]*\s+(?:(?:and|of|for|on|"
                      r"&)\s+)?){0,8}?(?:Committee|"
                      r"Sub-Committee|Panel|Board|Commission|Forum|Cabinet|Group|Members)\s+"
                      r"(?P<v>noted|agreed|approved|endorsed|accepted|supported)\s+(?:the|its|this)\s+"
                      r"(?P<what>[^.;:]{2,80})\.?$")
_CLOSING_KIND = {"noted": NOTED, "agreed": AGREED, "approved": AGREED, "endorsed": AGREED,
                 "accepted": AGREED, "supported": AGREED}


# "The minutes of the meeting held on 8 September 2020 were agreed and signed.", "… were
# confirmed and signed as a correct record", "… were approved as a correct record"
_MINUTES_AGREED = re.compile(r"^(?:The\s+)?(?:draft\s+)?minutes\s+of\s+the\s+(?:\w+\s+){0,2}?"
                             r"(?:meeting|committee|panel)\b[^.;]{0,120}?\s+(?:were|was|are|be|"
                             r"being|had\s+been|have\s+been)\s+(?:duly\s+|unanimously\s+)?"
                             r"(?:agreed|confirmed|approved|accepted|adopted|signed)\b", re.I)


def _closing_decision(paras: list[Para]) -> list[ParsedDecision]:
    for p in reversed(paras):
        for sentence in sentences(p.text):
            m = _CLOSING.match(sentence.strip())
            if m and not re.match(r"(?i)that\b", m["what"]) and len(m["what"].split()) <= 10:
                return [ParsedDecision(_CLOSING_KIND[m["v"]], sentence.strip(), ref=p.ref)]
            if _MINUTES_AGREED.match(sentence.strip()):
                return [ParsedDecision(AGREED, sentence.strip(), ref=p.ref)]
    return []


def _number_space(text: str) -> str:
    return re.sub(r"^(\(?\d{1,2}[.)])(?=\S)", r"\1 ", text)


# --- Undertakings ---------------------------------------------------------------------------

_HONOURED = re.compile(rf"\b{_HONORIFIC}\s+{_CAP}(?:\s+{_CAP}){{0,2}}")
# "the Director of Education and 14-19 Skills": numbers ("14-19", "0-25") belong to a role
_ROLE_PHRASE = re.compile(rf"\b[Tt]he\s+(?:{_CAP}|&)(?:\s+(?:{_CAP}|for|of|and|the|in|to|&|[-–]|"
                          r"\d{1,3}(?:[-–]\d{1,3})?\+?(?=\s+[A-Z])))"
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
                    due, due_text = due_of(words)
                    out.append(ParsedUndertaking(owner, words, due=due, due_text=due_text,
                                                 ref=p.ref))
                    if is_person:
                        last_person = owner
            people = [ph for ph in people_in(sentence, known) if not ph[2].lower().startswith(
                ("the officer", "the chair"))]
            if people:
                last_person = people[0][2]
    return out


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_BY = r"(?:by|before|no\s+later\s+than|not\s+later\s+than|in\s+time\s+for|ahead\s+of)"
_DUE_DATE = re.compile(rf"(?i)\b{_BY}\s+(?:the\s+end\s+of\s+|"
                       rf"the\s+(?:[\w'’-]+\s+){{0,4}}?(?:meeting|"
                       r"deadline|session)\s+(?:on|of|held\s+on)\s+)?(?:\w+day,?\s+)?"
                       r"(?P<d>\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9},?\s+\d{4})")
_DUE_MONTH = re.compile(rf"(?i)\b{_BY}\s+(?:the\s+end\s+of\s+)?(?P<m>{'|'.join(_MONTHS)})\s+"
                        r"(?P<y>\d{4})\b")


def due_of(text: str) -> tuple[date | None, str]:
    """When an undertaking is due, from its words: "by 30 September 2019", "before the end of
    November 2023" (the month's last day), "before the Cabinet meeting on 10 December 2024"."""
    m = _DUE_DATE.search(text)
    if m:
        d = parse_date(m["d"])
        if d:
            return d, m.group(0)
    m = _DUE_MONTH.search(text)
    if m:
        return Period.month(int(m["y"]), _MONTHS.index(m["m"].lower()) + 1).end, m.group(0)
    return None, ""


# --- Future meetings, exempt business, times ------------------------------------------------

# An item about the committee's future business: its dated lines are meetings
FUTURE_BUSINESS_TITLE = re.compile(r"(?i)work\s*programme|forward\s+(?:work\s+)?plan|work\s+plan|"
                                   r"next\s+meeting|future\s+meetings?|dates?\s+of\s+(?:future\s+)?"
                                   r"meetings?|calendar\s+of\s+meetings|programme\s+of\s+meetings")
# Sentences about the committee's own meetings: every date after the phrase is a meeting
_ABOUT_MEETINGS = re.compile(
    r"(?i)\b(?:next|future|forthcoming|subsequent|remaining)\s+meetings?\b|\bdates?\s+of\s+(?:its|the"
    r"|their|our|future|forthcoming)\s+(?:next\s+)?meetings?\b|\bmeetings?\s+(?:dates|schedule|"
    r"calendar)\b|\bmeetings?\s+(?:will|would|are\s+to|is\s+to)\s+be\s+held\s+on\b")
# "... presented to the meeting on 13 December 2023", "at its meeting on 24 January 2023" (not
# "the Cabinet meeting on ...": another body's meeting)
_OWN_MEETING_ON = re.compile(r"(?i)\b(?:the|its|this|our|their)\s+(?:(?:committee|panel|board|"
                             r"commission)(?:['’]s)?\s+)?meeting\s+(?:on|of|held\s+on|to\s+be\s+held\s+"
                             r"on|scheduled\s+for)\s+(?:\w+day,?\s+)?$")
_DEADLINE_BEFORE = re.compile(r"(?i)\b(?:by|before|until|till|from|since|no\s+later\s+than|"
                              r"deadline\s+(?:of|is|was)?|due(?:\s+on)?|ending|ended)\s+(?:\w+day,?\s+)?$")
_DATED_TOPICS = re.compile(r"^(?:\w+day,?\s+)?(?P<d>\d{1,2}(?:st|nd|rd|"
                           r"th)?\s+[A-Za-z]{3,9},?\s+\d{4})"
                           r"\s*[-–:]\s*(?P<t>\S.*)$")


def meetings_in_prose(text: str) -> list[date]:
    """Dates of the committee's own meetings in a sentence that is about them: "The next
    meetings will be held on 13 September 2023 and 8 November 2023.", "The date of the next
    meeting was confirmed as 4 June 2024.", "... presented to the meeting on 13 December
    2023". Deadlines ("by 30 September") and other bodies' meetings are not meetings."""
    out: list[date] = []
    for sentence in sentences(text):
        about = _ABOUT_MEETINGS.search(sentence)
        for m in DATE_IN_TEXT.finditer(sentence):
            before = sentence[:m.start()]
            own = _OWN_MEETING_ON.search(before)
            if not (own or (about and about.start() < m.start())) or \
                    (not own and _DEADLINE_BEFORE.search(before)):
                continue
            d = parse_date(m.group(1))
            if d and d not in out:
                out.append(d)
    return out


_AT_TIME = re.compile(r"^,?\s*(?:at|commencing\s+at|starting\s+at|from)\s+"
                      r"(?P<t>\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon)",
                      re.I)
_IN_VENUE = re.compile(r"^,?\s*(?:in|at)\s+(?P<v>(?:the\s+)?[A-Z][^;]{2,150}?)\s*(?:\.\s*$|;|$|"
                       r"\s+(?=at\s+\d))")


def meeting_time_and_venue(text: str, when: date) -> tuple[time | None, str]:
    """The time and place printed straight after a meeting's date: "… will be held on
    Wednesday, 20 September 2023 at 10.00 am in the Council Chamber, County Hall,
    Kingsbridge." (either order)."""
    for sentence in sentences(text):
        for m in DATE_IN_TEXT.finditer(sentence):
            if parse_date(m.group(1)) != when:
                continue
            rest, start, venue = sentence[m.end():], None, ""
            for _ in range(2):
                t = _AT_TIME.match(rest)
                if t and start is None:
                    found = times_in(t["t"])
                    start = found[0] if found else None
                    rest = rest[t.end():]
                    continue
                v = _IN_VENUE.match(rest)
                if v and not venue and not _CLOCK.match(v["v"]):
                    venue = v["v"].strip(" ,.")
                    rest = rest[v.end():]
                    continue
                break
            return start, venue
    return None, ""


def read_future_meetings(paras: list[Para], title: str = "") -> list[ParsedFutureMeeting]:
    """Dates on their own line, each followed by the topics (bullets or short lines) for that
    meeting, as in a work-programme minute; "16 January 2025 - Better Care Fund Plan; ..."
    lines in an item about future business; dates in sentences about the committee's
    meetings."""
    out: list[ParsedFutureMeeting] = []
    current: ParsedFutureMeeting | None = None
    business = bool(FUTURE_BUSINESS_TITLE.search(title))
    for p in paras:
        d = date_only(p.text)
        dated = _DATED_TOPICS.match(p.text)
        if not d and dated and (business or (out and not current) or any(
                _ABOUT_MEETINGS.search(q.text) for q in paras)):
            d = parse_date(dated["d"])
            if d:
                out.append(ParsedFutureMeeting(d, [t.strip(" .") for t in dated["t"].split(";")
                                                   if t.strip(" .")], ref=p.ref))
                current = None
                continue
        if d:
            current = ParsedFutureMeeting(d, ref=p.ref)
            out.append(current)
            continue
        for found in meetings_in_prose(p.text):
            if all(f.date != found for f in out):
                start, venue = meeting_time_and_venue(p.text, found)
                out.append(ParsedFutureMeeting(found, ref=p.ref, start_time=start, venue=venue))
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
