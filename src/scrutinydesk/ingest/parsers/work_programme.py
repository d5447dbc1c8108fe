"""A scrutiny committee's work programme: topics listed under headings, the prioritisation
questions, and the forward plan of meetings with their items and leads.

Topics are bullet lines under a heading ("Topics currently under Scrutiny Review", "Items
relating to Children:-"); a note in brackets at the end ("(080916)") or on the next line
is kept as ``note``. Forward-plan cells can hold several items and several leads: they
are split only where the conversion kept line breaks (``<br>``, ``<p>``, bullets) and
paired in order when the counts agree; otherwise the cell is one item with the whole lead
text, because nothing in running text says where one title ends and the next begins.
A row whose meeting is "TBC" (or a month "(date TBC)") has no meeting: only a row with an
empty meeting cell continues the meeting above. The key lines of enquiry are the item's
purpose unless a purpose column of its own is printed. A dateless row whose title is a
topic listed above is that topic.

Prioritisation answers are read from a table whose header names the questions ("Q1",
"Impact on services (Q1)"), from "Q1 - YES" lines under a topic, and from a topic line
followed by its answers ("Carers' support: Q1 Yes, Q2 No, …"). A topic they name that is
not listed above becomes an item of its own.
"""

from __future__ import annotations

import re
from datetime import date, time

from scrutinydesk.ingest.errors import MalformedPaper
from scrutinydesk.ingest.parsers.action_plan_words import due_from_text
from scrutinydesk.ingest.parsers.common import (
    PAGE_ARTEFACT,
    normalise_space,
    parse_time,
)
from scrutinydesk.ingest.parsers.coversheet import clean, clean_lines, read_date
from scrutinydesk.ingest.records import ParsedWorkProgramme, ParsedWorkProgrammeItem, SourceRef
from scrutinydesk.ingest.text import Line, Paper
from scrutinydesk.outcomes.titles import normalise_title

_HEADING = re.compile(r"\b(?:Work Programme|Forward Plan|Work Plan)\b", re.I)
_CHAIR = re.compile(r"\b(Vice[- ]?Chair(?:man|person|woman)?|Chair(?:man|person|woman)?)\s*:\s*"
                    r"(.+?)(?=\s+Vice[- ]?Chair\w*\s*:|$)", re.I)
_BULLET = re.compile(r"^\s*(?:[-•·*§▪◦](?=\s)\s*)+")
_NOTE = re.compile(r"\s*(\([^()]{1,200}\))\s*$")
_WORD_NOTE = re.compile(r"\s+(?=(?:[Aa]genda item|[Uu]pdate|[Uu]pdated)\b)")
_QUESTION = re.compile(r"^\s*Q\s?([1-9])\s*[-–:.)]\s*(\S.*)$", re.I)
_ANSWER = re.compile(r"\bQ\s?([1-9])\s*[-–:.)]?\s*(YES|NO|POSSIBLY|Y|N)\b(?![\w-])", re.I)
_ANSWER_WORDS = {"yes": "yes", "y": "yes", "no": "no", "n": "no", "possibly": "possibly"}
_QUESTION_CELL = re.compile(r"^\s*Q\s?([1-9])\s*$|\(\s*Q\s?([1-9])\s*\)|^\s*Q\s?([1-9])\b", re.I)
_UNDATED = re.compile(r"\b(?:TBC|TBA|TBD|to be (?:confirmed|agreed|arranged|decided))\b", re.I)
_COMMITTEE_WORDS = re.compile(r"\b(?:Committee|Panel|Board|Commission|Sub-Committee)\b", re.I)
_COUNCIL_LINE = re.compile(r"^(?:[A-Z][\w'’&.-]*\s+){1,6}Council$|^(?:The\s+)?Council of\b.{3,60}$")
_COLUMNS = (
    ("meeting", ("date of meeting", "meeting date", "date")),
    ("topic", ("item/purpose", "item / purpose", "item", "topic", "subject", "purpose")),
    ("kloe", ("key lines of enquiry", "kloe", "lines of enquiry")),
    ("purpose", ("purpose of item", "purpose of report", "purpose")),
    ("lead", ("lead member/officer", "lead member / officer", "lead officer", "lead member",
              "lead", "officer")),
    ("corporate", ("reference to corporate plan", "corporate plan", "corporate priority",
                   "reference to business plan", "business plan")),
    ("target", ("target end date", "target date", "end date", "completion date")),
)


def _column_key(cell: str) -> str | None:
    text = clean(cell).lower().strip(" :*")
    for key, words in _COLUMNS:
        if key == "purpose":
            continue  # only a second "purpose" column (after the item's) is the purpose
        if any(text == w or (len(w) > 6 and w in text) for w in words):
            return key
    return None


def _row_cells(line: Line) -> list[str] | None:
    raw = line.text
    if "\t" in raw:
        return raw.split("\t")
    stripped = raw.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        return stripped[1:-1].split("|")
    return None


def _header(cells: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = _column_key(cell) if len(clean(cell)) <= 60 else None
        if key == "topic" and "topic" in found and "purpose" in clean(cell).lower():
            key = "purpose"
        if key and key not in found:
            found[key] = i
    return found if "meeting" in found and "topic" in found and len(found) >= 3 else None


def _question_header(cells: list[str]) -> tuple[int, dict[str, int]] | None:
    """(topic column, {"q1": column, ...}) for a prioritisation table's header row: three
    or more cells naming a question ("Q1", "Impact on services (Q1)")."""
    questions: dict[str, int] = {}
    others = []
    for i, cell in enumerate(cells):
        text = normalise_space(clean(cell))
        m = _QUESTION_CELL.search(text) if len(text) <= 60 else None
        if m:
            questions.setdefault(f"q{next(g for g in m.groups() if g)}", i)
        elif text:
            others.append(i)
    if len(questions) < 3 or not others or others[0] > min(questions.values()):
        return None
    return others[0], questions


def _answer_word(cell: str) -> str | None:
    text = normalise_space(clean(cell)).lower().strip(" .*")
    return _ANSWER_WORDS.get(text)


def _split_note(text: str) -> tuple[str, str]:
    notes: list[str] = []
    while len(notes) < 3:
        m = _NOTE.search(text)
        if not m or m.start() == 0:
            break
        notes.insert(0, m.group(1))
        text = text[:m.start()]
    if not notes:
        parts = _WORD_NOTE.split(text, maxsplit=1)
        if len(parts) == 2 and parts[0].strip():
            return parts[0].strip(" –-,"), parts[1].strip()
    return text.strip(" –-,"), " ".join(notes)


def _answers(text: str) -> tuple[str, dict[str, str]]:
    found = {f"q{m.group(1)}": _ANSWER_WORDS[m.group(2).lower()] for m in _ANSWER.finditer(text)}
    return _ANSWER.sub("", text).strip(" ,;–-"), found


def _next_text(lines: list[Line], index: int) -> str:
    for line in lines[index + 1:index + 4]:
        if line.text.strip():
            return line.text
    return ""


def _is_heading(lines: list[Line], index: int, text: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", text)
    if (not text or len(text) > 150 or text.endswith(".") or text.startswith(("(", "*"))
            or (letters.isupper() and len(letters) > 1) or _QUESTION.match(text)):
        return False
    return bool(_BULLET.match(_next_text(lines, index)))


def parse_work_programme(paper: Paper) -> ParsedWorkProgramme:
    """The work programme in ``paper``."""
    lines = paper.lines
    start = next((i for i, ln in enumerate(lines[:200])
                  if _HEADING.search(ln.text) and len(ln.text.strip()) <= 150
                  and "\t" not in ln.text and not ln.text.strip().endswith(".")), None)
    if start is None:
        raise MalformedPaper("no work programme heading found", source=paper.name,
                             line=lines[0].number if lines else None,
                             expected="a heading such as '<Committee> Work Programme'")
    heading = clean(lines[start].text)
    wp = ParsedWorkProgramme(ref=SourceRef(page=lines[start].page, line=lines[start].number))
    wp.committee = normalise_space(_HEADING.split(heading)[0]).strip(" –-:")
    above = [normalise_space(clean(ln.text)) for ln in lines[max(0, start - 8):start]]
    above = [t for t in above if t and not PAGE_ARTEFACT.match(t)]
    wp.council = next((t for t in above if _COUNCIL_LINE.match(t)
                       and not _COMMITTEE_WORDS.search(t)), "")
    reader = _Reader(wp, lines)
    for index in range(start + 1, len(lines)):
        reader.read(index)
    if not _COMMITTEE_WORDS.search(wp.committee):
        # "Adult Social Care and Health Scrutiny Work Programme 2020-21" names the
        # programme; a committee named above it, or by the lead officer's line, files it.
        named = next((t for t in reversed(above) if _COMMITTEE_WORDS.search(t)
                      and len(t) <= 120 and not t.endswith(".")), "") or reader.lead_for
        wp.committee = named or wp.committee
    if not wp.items and not wp.questions:
        raise MalformedPaper("the work programme lists no topics and no forward plan",
                             source=paper.name, line=lines[start].number,
                             expected="bullet lists of topics or a 'Date of Meeting / Item' table")
    return wp


class _Reader:
    def __init__(self, wp: ParsedWorkProgramme, lines: list[Line]):
        self.wp, self.lines = wp, lines
        self.category = ""
        self.heading_line: Line | None = None
        self.mode = "topics"
        self.columns: dict[str, int] | None = None
        self.meeting: tuple[date | None, time | None] = (None, None)
        self.last: ParsedWorkProgrammeItem | None = None
        self.offset = 0  # how far a table's rows sit from its heading row
        self.questions: tuple[int, dict[str, int]] | None = None  # prioritisation table
        self.lead_for = ""  # the committee named by "(Lead Officer for the … Committee)"

    def item_for(self, printed: str, line: Line) -> ParsedWorkProgrammeItem:
        """The listed topic ``printed`` names (case and punctuation aside), else a new one."""
        topic, note = _split_note(normalise_space(printed).strip(" :–-"))
        key = normalise_title(topic)
        for item in self.wp.items:
            if item.meeting_date is None and normalise_title(item.topic) == key:
                return item
        item = ParsedWorkProgrammeItem(topic=topic, note=note,
                                       ref=SourceRef(page=line.page, line=line.number))
        self.wp.items.append(item)
        return item

    def _answer_row(self, line: Line, cells: list[str]) -> None:
        assert self.questions is not None
        topic_at, columns = self.questions
        topic = normalise_space(clean(cells[topic_at])) if topic_at < len(cells) else ""
        answers = {q: word for q, i in columns.items()
                   if i < len(cells) and (word := _answer_word(cells[i]))}
        if topic and answers:
            self.item_for(topic, line).prioritisation.update(answers)

    def read(self, index: int) -> None:
        line = self.lines[index]
        raw = line.text
        text = normalise_space(clean(raw))
        if not text or PAGE_ARTEFACT.match(text):
            return
        for m in _CHAIR.finditer(text):
            who = normalise_space(m.group(2))
            if m.group(1).lower().startswith("vice"):
                self.wp.vice_chairman = self.wp.vice_chairman or who
            else:
                self.wp.chairman = self.wp.chairman or who
        if _CHAIR.search(text):
            return
        cells = _row_cells(line)
        if cells is not None:
            header = _header(cells)
            questions = None if header else _question_header(cells)
            if header:
                self.columns, self.mode, self.questions = header, "forward", None
            elif questions:
                self.questions, self.columns = questions, None
            elif self.questions is not None:
                self._answer_row(line, cells)
            elif self.columns is not None:
                self._forward_row(line, cells)
            return
        self.columns = None if self.mode == "forward" else self.columns
        self.questions = None
        m = re.match(r"^\s*Date\s*:\s*(.+)$", text)
        if m and read_date(m.group(1)):
            self.wp.dated = read_date(m.group(1))
            return
        if "(lead officer" in text.lower():
            self._lead_officer(index, text)
            return
        self._list_line(index, line, text)

    def _list_line(self, index: int, line: Line, text: str) -> None:
        question = _QUESTION.match(text)
        if not question and not _BULLET.match(line.text):
            rest, answers = _answers(text)
            if len(answers) >= 3 and rest and len(rest.split()) <= 15:
                self.last = self.item_for(rest, line)  # "Carers' support: Q1 Yes, Q2 Yes, …"
                self.last.prioritisation.update(answers)
                return
            if self.mode == "questions" and self._answers_follow(index, text):
                self.last = self.item_for(text, line)  # a topic, its "Q1 - YES" lines below
                return
        if question:
            rest, answers = _answers(text)
            if answers and not rest:
                if self.last is not None:
                    self.last.prioritisation.update(answers)
            else:
                self.wp.questions[f"q{question.group(1)}"] = question.group(2).strip()
            return
        if re.search(r"prioriti[sz]ation", text, re.I) and not _BULLET.match(text):
            self.mode = "questions"
            return
        bullet = _BULLET.match(line.text)
        if not bullet:
            if re.search(r"\basked to\s*:?-?\s*$", text):
                self.mode = "skip"
            elif _is_heading(self.lines, index, text):
                self.category, self.heading_line = text.rstrip(":- ").strip(), line
                self.mode, self.last = "topics", None
            elif text.startswith("(") and self.last is not None and self.mode == "topics":
                self.last.note = f"{self.last.note} {text}".strip()
            return
        if self.mode != "topics":
            return
        body = _BULLET.sub("", text).strip()
        if re.search(r":\s*-?\s*$", body):
            self.category, self.last = body.rstrip(":- ").strip(), None
            return
        body, answers = _answers(body)
        if len(body.split()) > 15:
            self._description(body, line)
            return
        topic, note = _split_note(body)
        item = ParsedWorkProgrammeItem(topic=topic, category=self.category, note=note,
                                       prioritisation=answers,
                                       ref=SourceRef(page=line.page, line=line.number))
        self.wp.items.append(item)
        self.last = item

    def _answers_follow(self, index: int, text: str) -> bool:
        if len(text.split()) > 15 or text.endswith((".", "?", ":")):
            return False
        following = _next_text(self.lines, index)
        rest, answers = _answers(normalise_space(clean(following)))
        return bool(answers) and not rest

    def _description(self, body: str, line: Line) -> None:
        """A long bullet describes the topic before it, or the heading it sits under."""
        if self.last is not None and self.last.category == self.category:
            self.last.purpose = f"{self.last.purpose} {body}".strip()
            return
        if self.heading_line is None:
            return
        purpose, note = _split_note(body)
        item = ParsedWorkProgrammeItem(
            topic=self.category, purpose=purpose, note=note,
            ref=SourceRef(page=self.heading_line.page, line=self.heading_line.number))
        self.wp.items.append(item)
        self.last = item

    def _lead_officer(self, index: int, text: str) -> None:
        m = re.search(r"\(lead officer for (?:the )?([^()]{3,150})\)", text, re.I)
        if m and _COMMITTEE_WORDS.search(m.group(1)):
            self.lead_for = normalise_space(m.group(1))
        before = text.split("(", 1)[0].strip(" ,")
        previous = next((normalise_space(clean(ln.text))
                         for ln in reversed(self.lines[max(0, index - 4):index])
                         if ln.text.strip()), "")
        if re.fullmatch(r"(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+", previous):
            self.wp.lead_officer = previous
        elif before:
            self.wp.lead_officer = before.split(",")[0].strip()

    def _forward_row(self, line: Line, cells: list[str]) -> None:
        cols = self.columns
        assert cols is not None
        plain = [normalise_space(clean(c)) for c in cells]
        if all(re.fullmatch(r"[-:\s]*", c) for c in plain):
            return  # a separator row
        at = cols["meeting"]
        when = read_date(plain[at]) if at < len(plain) else None
        offset = 0 if when is not None else self.offset
        if when is None:
            for d in (1, -1):
                j = at + d
                if 0 <= j < len(plain) and read_date(plain[j]):
                    offset, when = d, read_date(plain[j])
                    break
        if when is not None:
            self.offset = offset

        def raw(key: str) -> str:
            i = cols.get(key)
            return cells[i + offset] if i is not None and 0 <= i + offset < len(cells) else ""

        cell = normalise_space(clean(raw("meeting")))
        if when is not None and _UNDATED.search(cell) and not re.search(r"\b\d{1,2}\b", cell):
            when = None  # "November 2020 (date TBC)": no day yet
        if when is not None:
            bracket = re.search(r"\(([^()]*)\)", cell)
            self.meeting = (when, parse_time(bracket.group(1) if bracket else cell[-12:]))
        elif cell and not PAGE_ARTEFACT.match(cell):
            self.meeting = (None, None)  # "TBC": no meeting yet, not the one above
        topics = clean_lines(raw("topic"))
        if not topics:
            return
        if when is None and not cell and self.last is not None and topics[0][:1].islower():
            self.last.topic = f"{self.last.topic} {' '.join(topics)}"
            return
        leads = clean_lines(raw("lead"))
        if len(leads) != len(topics) and len(leads) != 1:
            leads = [" ".join(leads)] * len(topics)
        elif len(leads) == 1:
            leads = leads * len(topics)
        target = read_date(raw("target")) or due_from_text(clean(raw("target")))
        kloe = normalise_space(clean(raw("kloe")))
        purpose = normalise_space(clean(raw("purpose"))) or kloe
        for topic, lead in zip(topics, leads, strict=True):
            listed = self._listed(topic) if self.meeting[0] is None else None
            if listed is not None:  # a TBC row for a topic listed above
                for name, value in (("lead", lead), ("purpose", purpose),
                                    ("key_lines_of_enquiry", kloe),
                                    ("corporate_plan_reference", clean(raw("corporate"))),
                                    ("target_end_date", target)):
                    if value and not getattr(listed, name):
                        setattr(listed, name, value)
                self.last = listed
                continue
            item = ParsedWorkProgrammeItem(
                topic=topic, category="Forward Plan", lead=lead, purpose=purpose,
                key_lines_of_enquiry=kloe,
                corporate_plan_reference=clean(raw("corporate")),
                meeting_date=self.meeting[0], meeting_time=self.meeting[1],
                target_end_date=target, ref=SourceRef(page=line.page, line=line.number))
            self.wp.items.append(item)
            self.last = item

    def _listed(self, topic: str) -> ParsedWorkProgrammeItem | None:
        key = normalise_title(topic)
        return next((i for i in self.wp.items if i.category != "Forward Plan"
                     and i.meeting_date is None and normalise_title(i.topic) == key), None)
