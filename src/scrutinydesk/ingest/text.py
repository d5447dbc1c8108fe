"""A paper as the parsers see it: numbered lines of text, each on a known page where the
format tells (PDF, DOCX page breaks) or the paper prints it ("Page 67")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based position in the extracted text of the whole paper
    text: str
    page: int | None = None  # page number as printed in the paper, where known

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def cells(self) -> list[str]:
        """Tab-separated cells, stripped (a table row converted to text)."""
        return [c.strip() for c in self.text.split("\t")]


@dataclass(slots=True)
class Paper:
    """Extracted text of one paper (or of a part of a paper, see ``slice``)."""

    name: str
    lines: list[Line]
    media_type: str = "text/plain"
    page_count: int | None = None
    metadata: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, name: str = "paper.txt", *, media_type: str = "text/plain",
                  assign_pages: bool = True) -> Paper:
        lines = [Line(i, t) for i, t in enumerate(text.splitlines(), start=1)]
        paper = cls(name=name, lines=lines, media_type=media_type)
        if assign_pages:
            paper.lines = pages_from_markers(paper.lines)
        return paper

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def __iter__(self) -> Iterator[Line]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def slice(self, start: int, end: int) -> Paper:
        """Lines whose ``number`` is in [start, end) as a paper of its own; line numbers and
        pages are kept so records still point into the whole paper."""
        return Paper(self.name, [ln for ln in self.lines if start <= ln.number < end],
                     self.media_type, self.page_count, dict(self.metadata))

    def page_range(self) -> tuple[int | None, int | None]:
        pages = [ln.page for ln in self.lines if ln.page is not None]
        return (min(pages), max(pages)) if pages else (None, None)

    def page_of(self, line_number: int) -> int | None:
        for line in self.lines:
            if line.number == line_number:
                return line.page
        return None


# "Page 67" on a line of its own, or at the start of a table row ("Page 58\tToo many ..."),
# is the footer of page 67 in text converted from a PDF agenda pack.
_PAGE_MARKER = re.compile(r"^\s*Page\s+(\d{1,4})\s*(?:\t|$)")


def pages_from_markers(lines: list[Line]) -> list[Line]:
    """Assign printed page numbers from "Page N" footers. The lines between the footers of
    pages N-1 and N are on page N. Where footers are missing (a gap in the numbers, before
    the first footer, after the last) pages stay unknown rather than guessed. Footers that
    do not increase (an appendix with its own numbering) are ignored."""
    markers: list[tuple[int, int]] = []  # (index in lines, page number)
    for index, line in enumerate(lines):
        m = _PAGE_MARKER.match(line.text)
        if m:
            page = int(m.group(1))
            if not markers or page > markers[-1][1]:
                markers.append((index, page))
    if not markers:
        return lines
    out: list[Line] = []
    pos = 0
    for index, line in enumerate(lines):
        while pos < len(markers) and markers[pos][0] < index:
            pos += 1
        page: int | None
        if pos == len(markers):
            page = None
        elif pos == 0:
            page = markers[0][1] if index == markers[0][0] else None
        else:
            page = markers[pos][1] if markers[pos][1] - markers[pos - 1][1] == 1 else None
            if index == markers[pos][0]:
                page = markers[pos][1]
        out.append(Line(line.number, line.text, page))
    return out
