"""Reading an action plan's table row by row (used by ``action_plan.parse_action_plan``).

Converted tables are ragged, so each row is read by meaning as well as position: a row's
cells are re-aligned on its timescale cell when they have shifted; a status is recognised
by its words wherever it falls; the progress cell is the one ending with a due date in
brackets; a row split from a running page header ("Spec | ial Educational Needs ...") is
skipped, and one split from a priority heading is read as that heading.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from scrutinydesk.ingest.parsers.action_plan_words import (
    ACTION_NUMBER,
    COLOUR_STATUS,
    DUE_BRACKET,
    STATUS_COLOUR,
    Columns,
    cells_of,
    due_from_text,
    heading_of,
    looks_like_timescale,
    read_header,
    short_cells,
    split_milestones,
    squash,
    status_tokens,
    worst_status,
)
from scrutinydesk.ingest.parsers.common import PAGE_ARTEFACT
from scrutinydesk.ingest.records import ParsedAction, ParsedMilestone, ParsedPriority, SourceRef
from scrutinydesk.ingest.text import Line, Paper

_EXPLICIT_NUMBER = re.compile(r"^[A-Za-z]{0,3}\s?\d{1,3}(?:\.\d{1,2}){0,2}[a-z]?\.?$")
_PAGE_PREFIX = re.compile(r"^\s*Page\s+\d{1,4}\b\s*")
_WORD = re.compile(r"[A-Za-z]{3,}")


@dataclass
class _Builder:
    action: ParsedAction
    group_name: str  # printed heading of the group column ("Improvement", "Objective")
    inherited: str = ""  # the group of the action before, when this row leaves it empty
    texts: dict[str, list[str]] = field(default_factory=dict)
    statuses: list[tuple[str, str, str]] = field(default_factory=list)  # the action's own
    rags: list[tuple[str, str]] = field(default_factory=list)
    pending: deque = field(default_factory=deque)  # statuses waiting for a milestone

    def add(self, key: str, text: str) -> None:
        if text:
            self.texts.setdefault(key, []).append(text)


class TableWalker:
    """Feed it a paper's lines in order; ``finish()`` returns the priorities read."""

    def __init__(self, paper: Paper):
        self.cols: Columns | None = None
        self.gen = 0
        self.signature: frozenset[str] | None = None
        self.numbered = False
        self.priorities: list[ParsedPriority] = []
        self.by_key: dict[tuple[int, str], ParsedPriority] = {}
        self.prefix_of: dict[int, str] = {}
        self.current_priority: ParsedPriority | None = None
        self.current: _Builder | None = None
        self.builders: list[tuple[_Builder, ParsedPriority]] = []
        self.candidates: dict[str, tuple[int, str, str]] = {}
        self.since_row: dict[str, tuple[int, str, str]] = {}
        self.latest_heading: str | None = None
        self.first_header: int | None = None
        self.index = 0
        self.known = _known_lines(paper)

    # --- structure ------------------------------------------------------------------
    def feed(self, index: int, line: Line) -> None:
        self.index = index
        cells = cells_of(line)
        if cells == []:
            return
        text = " ".join(c for c in cells if c) if cells is not None else line.text.strip()
        if not text or PAGE_ARTEFACT.match(text):
            return
        if cells is not None:
            cols = read_header(cells)
            if cols:
                self._header(index, cols)
                return
        filled = short_cells(cells) if cells is not None else [text]
        if len(filled) <= 2:
            found = heading_of(" ".join(filled))
            if found:
                self._on_heading(*found)
                return
        if cells is None or self.cols is None:
            return
        split = self._split_known(cells)
        if split is not None:
            if split:
                self._on_heading(*split)
            return
        self._row(line, cells)

    def _split_known(self, cells: list[str]) -> tuple[str, str, str] | tuple[()] | None:
        """A heading or running header split across cells: the heading, () to skip the
        row, or None for an ordinary row."""
        filled = [c for c in cells if c]
        if len(filled) < 3 or any(len(c) > 60 for c in filled):
            return None
        squashed = squash("".join(filled))
        for known, heading in self.known:
            if not 0.7 <= len(squashed) / max(1, len(known)) <= 1.3:
                continue
            matcher = SequenceMatcher(None, squashed, known, autojunk=False)
            if matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 \
                    and matcher.ratio() >= 0.85:
                return heading or ()
        return None

    def _header(self, index: int, cols: Columns) -> None:
        if self.first_header is None:
            self.first_header = index
        if cols.signature != self.signature:
            self._close()
            self.gen += 1
            self.signature = cols.signature
            self.candidates = dict(self.since_row)
            self.current_priority = None
        if "number" in cols.index:
            self.numbered = True
        self.cols = cols

    def _on_heading(self, number: str, label: str, title: str) -> None:
        self.candidates[number] = (self.index, label, title)
        self.since_row[number] = (self.index, label, title)
        self.latest_heading = number
        if self.current_priority is None or self.prefix_of.get(id(self.current_priority)) != number:
            self._close()
            self.current_priority = None
        existing = self.by_key.get((self.gen, number))
        if existing is not None:
            if existing.number == number and label != number:
                existing.number = label
            if not existing.title:
                existing.title = title

    def _priority_for(self, prefix: str) -> ParsedPriority:
        key = (self.gen, prefix)
        if key not in self.by_key:
            label, title = prefix, ""
            if prefix in self.candidates:
                seen, label, title = self.candidates[prefix]
                # headings printed before the one used are earlier sections, not priorities
                self.candidates = {k: v for k, v in self.candidates.items() if v[0] >= seen}
            priority = ParsedPriority(number=label, title=title)
            self.by_key[key] = priority
            self.prefix_of[id(priority)] = prefix
            self.priorities.append(priority)
        self.current_priority = self.by_key[key]
        return self.current_priority

    # --- rows -----------------------------------------------------------------------
    def _number(self, cell: str) -> str:
        assert self.cols is not None
        if self.cols.number_explicit:
            cell = _PAGE_PREFIX.sub("", cell).strip()
            return cell.rstrip(".") if _EXPLICIT_NUMBER.match(cell) else ""
        m = ACTION_NUMBER.search(cell)
        return m.group(1) if m else ""

    def _aligned(self, cells: list[str]) -> tuple[dict[str, int], dict[int, str]]:
        """Column positions for this row, moved by one when its cells have shifted (the
        timescale sits one cell left or right of its heading)."""
        cols = self.cols
        assert cols is not None
        ts = cols.index.get("timescale")
        offset = 0
        if ts is not None and not looks_like_timescale(cells[ts] if ts < len(cells) else ""):
            for d in (1, -1):
                j = ts + d
                if 0 <= j < len(cells) and j != cols.index.get("number") \
                        and looks_like_timescale(cells[j]):
                    offset = d
                    break
        index = {k: v + offset for k, v in cols.index.items() if v + offset >= 0}
        extra = {i + offset: h for i, h in cols.extra.items() if i + offset >= 0}
        return index, extra

    def _row(self, line: Line, cells: list[str]) -> None:
        cols = self.cols
        assert cols is not None
        self.since_row = {}
        number = ""
        if "number" not in cols.index and len(cells) > 1 and ACTION_NUMBER.fullmatch(cells[0]):
            number, cells = cells[0], cells[1:]
            self.numbered = True
        index, extra = self._aligned(cells)
        if "number" in index and index["number"] < len(cells):
            number = number or self._number(cells[index["number"]])

        def cell(key: str) -> str:
            i = index.get(key)
            return cells[i] if i is not None and i < len(cells) else ""

        action_text = _PAGE_PREFIX.sub("", cell("action")).strip()
        timescale = cell("timescale")
        new = bool(number)
        if not new and action_text and not self.numbered:
            new = not action_text[:1].islower()
        if not new and action_text and self.numbered and looks_like_timescale(timescale):
            new = self.current is None or bool(self.current.texts.get("timescale"))
        if new:
            self._open(line, number)
        if self.current is None:
            return
        builder = self.current
        ref = builder.action.ref
        if (not new and line.page is not None and ref.page is not None
                and line.page > (ref.page_end or ref.page)):
            ref.page_end = line.page  # the row runs on over a page break
        if number and action_text.startswith(number + " "):
            action_text = action_text[len(number) + 1:]
        builder.add("text", action_text)
        skip = {index.get(k) for k in ("number", "action", "group", "timescale")}
        statuses: list[tuple[str, str, str]] = []
        status_idx: set[int] = set()
        for i, text in enumerate(cells):
            if i in skip or not text or i <= index.get("action", 0):
                continue
            toks = status_tokens(text, letters=(i == index.get("rag")))
            if toks:
                status_idx.add(i)
                if i == index.get("rag"):  # a colour, or a status word in the RAG column
                    builder.rags.extend((rag or STATUS_COLOUR.get(st, ""), printed)
                                        for st, rag, printed in toks)
                    toks = [t for t in toks if not t[1]]
                statuses.extend(toks)
        milestone_idx = self._milestone_cell(cells, index, status_idx)
        used = status_idx | ({milestone_idx} if milestone_idx is not None else set())
        if new or looks_like_timescale(timescale):
            builder.add("timescale", timescale)
        for key in ("measures", "lead", "group"):
            i = index.get(key)
            if i is not None and i not in used:
                builder.add(key, cell(key))
        for i, heading in extra.items():
            if i < len(cells) and i not in used and cells[i]:
                builder.texts.setdefault("extra:" + heading, []).append(cells[i])
        progress = cells[milestone_idx] if milestone_idx is not None else ""
        prog = index.get("progress")
        if (not progress and prog is not None and prog < len(cells) and prog in status_idx
                and prog != index.get("rag") and not cols.milestones):
            progress = cells[prog]  # "Not started" in the Progress column: a status, as printed
        self._progress(line, builder, progress, statuses)

    def _milestone_cell(self, cells: list[str], index: dict[str, int],
                        status_idx: set[int]) -> int | None:
        prog = index.get("progress")
        floor = max(index.get("action", 0), index.get("timescale", 0))
        for i in range(len(cells) - 1, floor, -1):
            if i in status_idx or not cells[i] or not DUE_BRACKET.search(cells[i]):
                continue
            if any(s > i for s in status_idx) or (prog is not None and i >= prog - 1):
                return i
        if prog is not None and prog < len(cells) and cells[prog] and prog not in status_idx:
            return prog
        return None

    def _progress(self, line: Line, builder: _Builder, text: str,
                  statuses: list[tuple[str, str, str]]) -> None:
        cols = self.cols
        assert cols is not None
        milestones = builder.action.milestones
        mode = cols.milestones or bool(text and DUE_BRACKET.search(text)) or bool(milestones)
        if not mode:
            builder.add("progress", text)
            builder.statuses.extend(statuses)
            return
        ref = SourceRef(page=line.page, line=line.number)
        new: list[ParsedMilestone] = []
        continued: ParsedMilestone | None = None
        if text and (_WORD.search(text) or text.startswith("(")):
            lead_in, pieces = split_milestones(text)
            last = milestones[-1] if milestones else None
            if lead_in and last is not None and not last.due_text:
                _extend(last, lead_in)
                continued = last
            for piece, due_text in pieces:
                last = milestones[-1] if milestones else None
                if (not new and last is not None and not last.due_text
                        and (piece[:1].islower() or not piece[:1].isalpha() or not statuses)):
                    _extend(last, piece)
                    continued = last
                    continue
                if not _WORD.search(piece):
                    continue
                ms = ParsedMilestone(text=piece, due_text=due_text,
                                     due=due_from_text(due_text), ref=ref)
                milestones.append(ms)
                new.append(ms)
        targets = new or ([continued] if continued is not None and not continued.status else [])
        queue = deque(statuses)
        if targets and len(queue) == 1 and len(targets) > 1:
            queue.extend([queue[0]] * (len(targets) - 1))
        for ms in targets:
            source = queue.popleft() if queue else (
                builder.pending.popleft() if builder.pending and not statuses else None)
            if source:
                ms.status, ms.status_text = source[0], source[2]
        if queue:
            if milestones and not milestones[-1].status:
                status, _, printed = queue.popleft()
                milestones[-1].status, milestones[-1].status_text = status, printed
            builder.pending.extend(queue)

    # --- actions --------------------------------------------------------------------
    def _open(self, line: Line, number: str) -> None:
        self._close()
        cols = self.cols
        assert cols is not None
        prefix = number.split(".")[0] if "." in number else ""
        if prefix:
            priority = self._priority_for(prefix)
        elif self.latest_heading and self.current_priority is None:
            priority = self._priority_for(self.latest_heading)
        else:
            priority = self.current_priority or self._priority_for("")
        action = ParsedAction(number=number, text="",
                              ref=SourceRef(page=line.page, line=line.number))
        previous = self.builders[-1][0] if self.builders else None
        self.current = _Builder(action=action, group_name=cols.names.get("group", ""))
        if previous is not None and previous.group_name == self.current.group_name:
            self.current.inherited = " ".join(previous.texts.get("group", [])) \
                or previous.inherited
        self.builders.append((self.current, priority))

    def _close(self) -> None:
        if self.current is None:
            return
        b, a = self.current, self.current.action
        self.current = None
        joined = {k: " ".join(v).strip() for k, v in b.texts.items()}
        a.text = joined.get("text", "")
        a.timescale = joined.get("timescale", "")
        a.due = due_from_text(a.timescale)
        a.measures_of_success = joined.get("measures", "")
        a.lead = joined.get("lead", "")
        a.progress = joined.get("progress", "")
        if b.group_name and (joined.get("group") or b.inherited):
            a.extra[b.group_name] = joined.get("group") or b.inherited
        for key, value in joined.items():
            if key.startswith("extra:") and value:
                a.extra[key[6:]] = value
        statusless = [m for m in a.milestones if not m.status]
        while b.pending and statusless:
            status, _, printed = b.pending.popleft()
            ms = statusless.pop(0)
            ms.status, ms.status_text = status, printed
        own = b.statuses + (list(b.pending) if not a.milestones else [])
        if own:
            worst = worst_status([s for s, _, _ in own])
            a.status = worst
            a.status_text = next(p for s, _, p in own if s == worst)
        elif a.milestones:
            a.status = worst_status([m.status for m in a.milestones])
        if b.rags:
            a.rag, printed = b.rags[-1]
            if not a.status:
                a.status, a.status_text = COLOUR_STATUS[a.rag], printed

    def finish(self) -> list[ParsedPriority]:
        self._close()
        for builder, priority in self.builders:
            priority.actions.append(builder.action)
        grouped = {id(b.action) for b, _ in self.builders if b.group_name}
        for priority in self.priorities:
            _infer_numbers(priority.actions, grouped)
        return [p for p in self.priorities if p.actions]


def _known_lines(paper: Paper) -> list[tuple[str, tuple[str, str, str] | None]]:
    """Headings and running page headers (lines printed three times or more), squashed,
    to recognise them when a row splits them across cells."""
    counts: dict[str, int] = {}
    known: dict[str, tuple[str, str, str] | None] = {}
    for line in paper.lines:
        cells = cells_of(line)
        filled = short_cells(cells) if cells else ([line.text.strip()] if cells is None else [])
        if not filled or len(filled) > 2:
            continue
        text = " ".join(filled)
        squashed = squash(text)
        if len(squashed) < 15 or len(squashed) > 300:
            continue
        heading = heading_of(text)
        if heading:
            known.setdefault(squashed, heading)
        counts[squashed] = counts.get(squashed, 0) + 1
        if counts[squashed] >= 3 and squashed not in known:
            known[squashed] = None
    return list(known.items())


def _extend(ms: ParsedMilestone, text: str) -> None:
    ms.text = f"{ms.text} {text}".strip()
    found = list(DUE_BRACKET.finditer(ms.text))
    if found and found[-1].end() >= len(ms.text.rstrip(" .")) - 1:
        ms.due_text = found[-1].group(1).strip(" (")
        ms.due = due_from_text(ms.due_text)


def _infer_numbers(actions: list[ParsedAction], grouped: set[int]) -> None:
    """Fill a lost action number when the gap between its numbered neighbours in the same
    priority is exactly the run of unnumbered actions ("1.1", ?, "1.3" → "1.2")."""
    i = 0
    while i < len(actions):
        if actions[i].number or id(actions[i]) in grouped or i == 0:
            i += 1
            continue
        j = i
        while j < len(actions) and not actions[j].number:
            j += 1
        before, after = actions[i - 1].number, actions[j].number if j < len(actions) else ""
        m1 = re.fullmatch(r"(\d+)\.(\d+)", before or "")
        m2 = re.fullmatch(r"(\d+)\.(\d+)", after or "")
        if m1 and m2 and m1[1] == m2[1] and int(m2[2]) - int(m1[2]) - 1 == j - i:
            for k in range(i, j):
                actions[k].number = f"{m1[1]}.{int(m1[2]) + k - i + 1}"
        i = j
