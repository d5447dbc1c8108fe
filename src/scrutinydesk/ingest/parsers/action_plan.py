"""Action plans: a table of actions under priorities, each with its timescale, measures of
success, lead, progress milestones and status.

Columns are found by meaning from each heading row ("Action / Timescale / Measures of
success / Lead / Progress and milestones / Status", "No. / Action / By when / Owner / RAG /
Update", "Activity / ... / Responsible / Timeline"); other columns are kept in ``extra``
under their printed heading. A cell may run on over following rows with an empty first
cell, across page breaks and repeated heading rows. A progress cell is split into
milestones, each ending with its due date in brackets ("Review of best practice (Jul 17)")
and followed by its status. An action's status is the worst of its milestones' when it
has none of its own; a printed RAG colour gives ``rag`` (and the status when none is
printed). Priorities come from headings ("1. The development of ...", "Outcome 2: ...")
or from the actions' numbers ("2.1" is under priority 2); a plan without them has one
unnumbered priority. See ``action_plan_table`` for how rows are read.
"""

from __future__ import annotations

import re

from scrutinydesk.ingest.errors import MalformedPaper
from scrutinydesk.ingest.parsers.action_plan_table import TableWalker
from scrutinydesk.ingest.parsers.action_plan_words import cells_of, read_header
from scrutinydesk.ingest.parsers.common import PAGE_ARTEFACT, find_dates
from scrutinydesk.ingest.parsers.coversheet import clean
from scrutinydesk.ingest.records import ParsedActionPlan, SourceRef
from scrutinydesk.ingest.text import Paper

TITLE = re.compile(r"\b(?:action plan|statement of action|improvement plan|recovery plan|"
                   r"delivery plan|plan\b)", re.I)
_NUMBERED = re.compile(r"^\W{0,3}\d{1,2}\.")


def find_action_tables(paper: Paper) -> list[int]:
    """Line numbers of the heading rows of action tables in ``paper``."""
    found = []
    for line in paper.lines:
        cells = cells_of(line)
        if cells and read_header(cells):
            found.append(line.number)
    return found


def looks_like_action_plan(paper: Paper) -> bool:
    """A cheap check: an action-table heading row near the top, under a plan title (or
    with little before it)."""
    head = paper.lines[:120]
    table = next((i for i, ln in enumerate(head) if (c := cells_of(ln)) and read_header(c)),
                 None)
    if table is None:
        return False
    before = [ln for ln in head[:table] if ln.text.strip()]
    return len(before) < 8 or any(
        TITLE.search(ln.text) and "\t" not in ln.text and len(ln.text) < 200
        for ln in before[:15])


def parse_action_plan(paper: Paper) -> ParsedActionPlan:
    """Priorities and actions of the action plan in ``paper``."""
    walker = TableWalker(paper)
    for index, line in enumerate(paper.lines):
        walker.feed(index, line)
    priorities = walker.finish()
    if walker.first_header is None:
        first = paper.lines[0].number if paper.lines else None
        raise MalformedPaper("no action table found", source=paper.name, line=first,
                             expected="a row of column headings such as "
                                      "'Action / Timescale / Lead / Status'")
    plan = ParsedActionPlan(title="", priorities=priorities)
    _describe(plan, paper, walker.first_header)
    return plan


def _describe(plan: ParsedActionPlan, paper: Paper, first_header: int) -> None:
    """Title, date, owner and summary from the lines before the first table."""
    before = [ln for ln in paper.lines[:first_header]
              if ln.text.strip() and "\t" not in ln.text and not PAGE_ARTEFACT.match(ln.text)]
    titles = [ln for ln in before if TITLE.search(ln.text) and len(ln.text.strip()) <= 200
              and not _NUMBERED.match(ln.text.strip())]
    title_line = titles[0] if titles else (before[0] if before else paper.lines[first_header])
    title = clean(title_line.text).strip()[:300]
    dates = find_dates(title)
    if dates:
        plan.published_on = dates[-1]
        cut = re.sub(r"[\s,–-]*\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4}\s*$", "", title)
        cut = re.sub(r"[\s,–-]*\b(?:updated|as at|dated|version of)\s*$", "", cut, flags=re.I)
        title = cut.strip() or title
    plan.title = title[:300]
    plan.ref = SourceRef(page=title_line.page, line=title_line.number)
    for ln in before:
        m = re.match(r"^\s*(?:Plan owner|Owner|Lead officer|Responsible officer)\s*:\s*(\S.*)",
                     ln.text, re.I)
        if m and not plan.owner:
            plan.owner = clean(m.group(1))
        m = re.match(r"^\s*(?:Date|Updated|Last updated|As at|Version date|Published(?: on)?|"
                     r"Date (?:of )?(?:publication|issue)|Date published|Issued|Issue date)\b"
                     r"\s*:?\s*(.*)",
                     ln.text, re.I)
        if m and plan.published_on is None and find_dates(m.group(1)):
            plan.published_on = find_dates(m.group(1))[0]
    for ln in before:
        text = clean(ln.text).strip()
        if ln.number > title_line.number and len(text) >= 80 and not _NUMBERED.match(text):
            plan.summary = text
            break
