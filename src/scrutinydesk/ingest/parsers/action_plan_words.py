"""The words of action plans: column headings by meaning, statuses and RAG colours, and
due dates such as "(Jun 17)" or "31.01.2018". Pure functions, no database."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache

from scrutinydesk.core.periods import Period, PeriodError
from scrutinydesk.ingest.parsers.common import parse_date
from scrutinydesk.ingest.parsers.coversheet import clean
from scrutinydesk.ingest.text import Line
from scrutinydesk.judgements.vocab import RAG

# Column headings by the field they fill; anything else is kept in ``extra`` by heading.
HEADINGS: dict[str, tuple[str, ...]] = {
    "number": ("no", "no.", "ref", "ref.", "ref no", "number", "#", "action no",
               "action number", "id", "item"),
    "group": ("improvement", "area for improvement", "areas for improvement", "objective",
              "objectives", "outcome", "priority", "theme", "area of weakness", "aim"),
    "action": ("action", "actions", "activity", "activities", "what we will do", "task",
               "action required", "actions required", "key actions", "key action"),
    "timescale": ("timescale", "timescales", "by when", "deadline", "due date", "due",
                  "target date", "timeline", "when", "completion date", "date",
                  "target completion date", "by"),
    "measures": ("measures of success", "measure of success", "success measures",
                 "success measure", "success criteria", "outcome measures",
                 "how will we know", "evidence of success", "impact", "measures"),
    "lead": ("lead", "leads", "owner", "responsible", "responsible officer", "lead officer",
             "who", "by whom", "accountable", "action owner", "lead person"),
    "progress": ("progress and milestones", "progress/milestones", "progress / milestones",
                 "progress", "milestones", "update", "progress update", "comments",
                 "commentary", "latest update", "progress to date"),
    "status": ("status", "current status", "progress status"),
    "rag": ("rag", "rag rating", "rag status", "rating", "r/a/g", "rag rating/status"),
}
_HEADING_OF = {h: key for key, words in HEADINGS.items() for h in words}

# Status words → actionplans.vocab.ActionStatus values; colours → RAG values.
_STATUS_PATTERNS: tuple[tuple[str, str], ...] = (
    ("complete", r"complete[d]?|complet|compete|done|achieved|closed|finished"),
    ("on_target", r"on\s*targe?t?|on\s*track|in\s*progress|ongoing|progressing"),
    ("at_risk", r"at\s*risk|slipping|some\s*slippage"),
    ("off_target", r"off\s*target|off\s*track|behind(?:\s*schedule)?|not\s*met|not\s*achieved|"
                   r"delayed"),
    ("overdue", r"overdue"),
    ("not_started", r"not\s*(?:yet\s*)?started"),
)
_COLOURS = {rag.value: rag.value for rag in RAG if rag is not RAG.NONE}
_LETTERS = {rag.letter.lower(): rag.value for rag in RAG if rag is not RAG.NONE}
COLOUR_STATUS = {"red": "off_target", "amber": "at_risk", "green": "on_target",
                 "blue": "complete"}
STATUS_COLOUR = {"complete": "blue", "on_target": "green", "at_risk": "amber",
                 "not_started": "amber", "off_target": "red", "overdue": "red"}
STATUS_ORDER = {"complete": 1, "on_target": 2, "not_started": 3, "at_risk": 4,
                "overdue": 5, "off_target": 5}
_TOKEN = re.compile(
    "|".join(f"(?P<{key}{i}>{pat})" for i, (key, pat) in enumerate(_STATUS_PATTERNS))
    + r"|(?P<colour>red|amber|green|blue)", re.I)
_STATUS_CELL = re.compile(
    r"^(?:(?:" + "|".join(p for _, p in _STATUS_PATTERNS) + r"|red|amber|green|blue)"
    r"[\s,;/.·•-]*){1,6}$", re.I)

MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_YEAR = re.compile(rf"\b({MONTHS})\.?\s*'?(\d{{4}}|\d{{2}})\b", re.I)
_PERIOD = re.compile(r"\b(?:Q[1-4]\s*)?20\d\d[-/]\d{2}\b(?!\s*[-/.]\d)")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b")
_LONG_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\.?,?\s+\d{{4}}\b", re.I)
DUE_BRACKET = re.compile(
    rf"\(\(?((?:[^()]{{0,40}}?\b{MONTHS}\.?\s*'?\d{{2,4}}\b[^()]{{0,40}}?)|\s*{MONTHS}\.?\s*)\)",
    re.I)
_TIMESCALE_WORDS = re.compile(
    r"\b(?:ongoing|to be agreed|tbc|tba|quarterly|monthly|annual(?:ly)?|immediate(?:ly)?|"
    r"weekly|by end)\b", re.I)
ACTION_NUMBER = re.compile(r"\b(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\b")


def _plain_heading(cell: str) -> str:
    return re.sub(r"\s+", " ", clean(cell).lower()).strip(" :*")


@lru_cache(maxsize=4096)
def heading_key(cell: str) -> str | None:
    """The field a column heading names ("Tillescale" → "timescale", an OCR slip), or
    None."""
    text = _plain_heading(cell)
    if not text or len(text) > 60:
        return None
    if text in _HEADING_OF:
        return _HEADING_OF[text]
    if len(text) < 4:
        return None
    best, score = None, 0.0
    for heading, key in _HEADING_OF.items():
        if len(heading) < 4 or not 0.7 <= len(text) / len(heading) <= 1.4:
            continue
        matcher = SequenceMatcher(None, text, heading)
        if matcher.real_quick_ratio() < 0.75 or matcher.quick_ratio() < 0.75:
            continue
        ratio = matcher.ratio()
        if ratio > score:
            best, score = key, ratio
    return best if score >= 0.75 else None


@dataclass(slots=True)
class Columns:
    """Where each field sits in a table's rows, read from its heading row."""

    index: dict[str, int] = field(default_factory=dict)  # field -> cell index
    names: dict[str, str] = field(default_factory=dict)  # field -> heading as printed
    extra: dict[int, str] = field(default_factory=dict)  # cell index -> printed heading
    number_explicit: bool = False  # a "No."/"Ref" heading (else an unlabelled first column)
    milestones: bool = False  # progress column holds milestones ("Progress and milestones")

    @property
    def signature(self) -> frozenset[str]:
        return frozenset(k for k in self.index if k != "number")


def read_header(cells: list[str]) -> Columns | None:
    """The column layout when ``cells`` is a heading row of an action table."""
    texts = [clean(c).strip() for c in cells]
    if sum(1 for t in texts if t) < 3 or any(len(t) > 60 for t in texts):
        return None
    if not any(heading_key(t) == "action" for t in texts if t):
        return None
    cols = Columns()
    for i, text in enumerate(texts):
        key = heading_key(text) if text else None
        if key and key not in cols.index:
            cols.index[key] = i
            cols.names[key] = text
            if key == "progress" and "milestone" in text.lower():
                cols.milestones = True
        elif text:
            cols.extra[i] = text
    if "action" not in cols.index or len(cols.index) < 3:
        return None
    if not ({"timescale", "lead", "status", "rag", "progress", "measures"} & cols.index.keys()):
        return None
    if "number" in cols.index:
        cols.number_explicit = True
    else:
        first = min(cols.index.values())
        if first > 0:  # an unlabelled (or page-artefact) cell before the first heading
            cols.index["number"] = first - 1
            cols.extra.pop(first - 1, None)
    return cols


def status_tokens(text: str, *, letters: bool = False) -> list[tuple[str, str, str]]:
    """(status, rag, printed) for each status word in a status cell; [] when the cell is
    not only status words. With ``letters``, single R/A/G/B letters count (RAG columns)."""
    plain = clean(text).strip()
    if letters and plain.lower().strip(" .") in _LETTERS:
        colour = _LETTERS[plain.lower().strip(" .")]
        return [(COLOUR_STATUS[colour], colour, plain)]
    if not plain or len(plain) > 80 or not _STATUS_CELL.match(plain):
        return []
    out = []
    for m in _TOKEN.finditer(plain):
        printed = m.group(0)
        if m.lastgroup == "colour":
            colour = _COLOURS[printed.lower()]
            out.append((COLOUR_STATUS[colour], colour, printed))
        else:
            out.append((m.lastgroup.rstrip("0123456789"), "", printed))
    return out


def worst_status(statuses: list[str]) -> str:
    known = [s for s in statuses if s in STATUS_ORDER]
    return max(known, key=lambda s: STATUS_ORDER[s]) if known else ""


def _month_end(year_text: str, month_text: str) -> date | None:
    year = int(year_text)
    if year < 100:
        year += 2000
    month = next((i for i in range(1, 13)
                  if calendar.month_abbr[i].lower() == month_text[:3].lower()), None)
    if month is None or not 1990 <= year <= 2100:
        return None
    return Period.month(year, month).end


_RECURRING = re.compile(r"\b(?:monthly|quarterly|weekly|fortnightly|annually|yearly|bi-?monthly|"
                        r"bi-?annually|six[- ]monthly|termly|ongoing|on-going|continuous(?:ly)?|"
                        r"rolling|every\s+(?:\w+\s+)?(?:days?|weeks?|months?|quarters?|years?|"
                        r"terms?|meetings?)|each\s+(?:week|month|quarter|year|term))\b", re.I)
_ENDING = re.compile(r"\b(?:by|until|till|to|through|ending|end\s+of|completed?\s+by)\s+"
                     r"(?:the\s+)?(?:end\s+of\s+)?\d|\b(?:by|until|till|to|through|ending)\s+"
                     r"[A-Z][a-z]{2,8}\b", re.I)


def due_from_text(text: str) -> date | None:
    """The latest day a timescale names: "May to June 2017" → 30 June 2017, "Jun 17" →
    30 June 2017, "31.01.2018 31.12.2017" → 31 January 2018. None when it names none, and
    for a recurring timescale with no end ("Monthly from May 2024", "Quarterly",
    "Ongoing"): the date it names is when it starts, not when it is due."""
    if _RECURRING.search(text or "") and not _ENDING.search(text or ""):
        return None
    found: list[date] = []
    for m in _NUMERIC_DATE.finditer(text or ""):
        d = parse_date(m.group(0))
        if d:
            found.append(d)
    for m in _LONG_DATE.finditer(text or ""):
        d = parse_date(m.group(0))
        if d:
            found.append(d)
    spans = [m.span() for m in _LONG_DATE.finditer(text or "")]
    for m in _MONTH_YEAR.finditer(text or ""):
        if any(a <= m.start() < b for a, b in spans):
            continue
        d = _month_end(m.group(2), m.group(1))
        if d:
            found.append(d)
    for m in _PERIOD.finditer(text or ""):
        try:
            found.append(Period.parse(m.group(0)).end)
        except PeriodError:
            continue
    return max(found) if found else None


def looks_like_timescale(text: str) -> bool:
    """A cell that reads as a timescale: "Dec 2017", "31.01.2018", "Ongoing", "Q3"."""
    plain = clean(text).strip()
    if not plain or len(plain) > 45:
        return False
    if (")" in plain and "(" not in plain) or ((m := DUE_BRACKET.search(plain)) and m.start()):
        return False  # a milestone ("Workshop on health outcomes (Sep 17)"), not a timescale
    return bool(_MONTH_YEAR.search(plain) or _NUMERIC_DATE.search(plain)
                or (re.search(rf"\b{MONTHS}\b", plain, re.I) and len(plain) <= 25)
                or _TIMESCALE_WORDS.search(plain)
                or (re.search(r"\b(?:20\d\d|Q[1-4])\b", plain) and len(plain) <= 15))


def split_milestones(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a progress cell into milestones, each ending with its due date in brackets:
    returns (text before the first bracket that completes an earlier milestone,
    [(milestone text, due text)]). A trailing piece without a date is a last milestone
    with due text ""."""
    pieces: list[tuple[str, str]] = []
    lead_in = ""
    pos = 0
    for m in DUE_BRACKET.finditer(text):
        before = text[pos:m.start()].strip(" •·;,")
        if not before and not pieces:
            lead_in = m.group(0)
        elif not before and pieces:
            pieces[-1] = (f"{pieces[-1][0]} {m.group(0)}", m.group(1).strip(" ("))
        else:
            pieces.append((f"{before} {m.group(0)}".strip(), m.group(1).strip(" (")))
        pos = m.end()
    rest = text[pos:].strip(" •·;,")
    if rest:
        if pieces and (rest[:1].islower() or rest[:1] in "•%"):
            pieces[-1] = (f"{pieces[-1][0]} {rest}", pieces[-1][1])
        else:
            pieces.append((rest, ""))
    return lead_in, pieces


# --- rows and headings ---------------------------------------------------------------

_HEADING_NUMBERED = re.compile(r"^\W{0,3}(\d{1,2})\.\s+(?!\d)(\S.{2,200})$")
_HEADING_WORD = re.compile(
    r"^(?:\S{1,4}\s+)?(Outcome|Priority|Objective|Theme|Workstream|Area)\s+(\d{1,2})"
    r"\s*[:.–-]\s*(\S.{2,200})$")
_HEADER_TAIL = re.compile(r"\s+Action\s+(?:Timescale|By when|Owner|Lead|Deadline)\b.*$", re.I)
_SUPERSCRIPT = re.compile(r"\^\{([^{}]{0,20})\}")


def cells_of(line: Line) -> list[str] | None:
    """Cells of a table row (tab-separated or markdown), cleaned; None for other lines,
    [] for separator rows."""
    raw = line.text
    if "\t" in raw:
        parts = raw.split("\t")
    elif raw.strip().startswith("|") and raw.strip().endswith("|") and raw.count("|") >= 3:
        parts = raw.strip()[1:-1].split("|")
    else:
        return None
    cells = [clean(_SUPERSCRIPT.sub(r"\1 ", p)).strip() for p in parts]
    if all(re.fullmatch(r"[-:\s]*", c) for c in cells):
        return []
    return cells


def heading_of(text: str) -> tuple[str, str, str] | None:
    """(number, printed number, title) of a priority heading, or None."""
    text = re.sub(r"\s+", " ", text).strip()
    m = _HEADING_WORD.match(text)
    if m:
        # "Priority 1" is priority 1; "Outcome 1" stays apart from a plan's priorities 1-4
        printed = m.group(2) if m.group(1) == "Priority" else f"{m.group(1)} {m.group(2)}"
        return m.group(2), printed, m.group(3).strip()
    m = _HEADING_NUMBERED.match(text)
    if not m:
        return None
    title = _HEADER_TAIL.sub("", m.group(2)).strip()
    if len(title) > 160 or not title[:1].isupper() or title[:1] in "\"'“‘":
        return None
    return m.group(1), m.group(1), title


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def short_cells(cells: list[str]) -> list[str]:
    filled = [c for c in cells if c]
    if len(filled) == 2 and filled[1].startswith(filled[0]):
        filled = filled[1:]
    return filled
