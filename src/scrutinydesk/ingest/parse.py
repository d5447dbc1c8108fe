"""The single entry point the importer uses: a paper (or a paper file) → what its parser
read from it.

Its contract: a paper that cannot be read raises ``PaperError``, naming the paper. An error of
any other type is a bug in a parser and propagates as itself, so that it is seen and fixed
rather than reported as a malformed paper.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from scrutinydesk.core.vocab import PaperKind

from .detect import Detection, detect_kind
from .errors import MalformedPaper, PaperError, UnrecognisedPaper
from .formats import DEFAULT_MAX_BYTES, read_paper
from .text import Paper

# kind → (module under scrutinydesk.ingest.parsers, function); imported when first used.
PARSERS: dict[str, tuple[str, str]] = {
    PaperKind.AGENDA_PACK: ("agenda_pack", "parse_agenda_pack"),
    PaperKind.MEETING_PAGE: ("meeting_page", "parse_meeting_page"),
    PaperKind.MONITORING_REPORT: ("monitoring_report", "parse_monitoring_report"),
    PaperKind.ACTION_PLAN: ("action_plan", "parse_action_plan"),
    PaperKind.MINUTES: ("minutes", "parse_minutes"),
    PaperKind.WORK_PROGRAMME: ("work_programme", "parse_work_programme"),
    PaperKind.OFFICER_REPORT: ("officer_report", "parse_officer_report"),
}


@dataclass(frozen=True, slots=True)
class ParsedPaper:
    kind: str  # a core.vocab.PaperKind value
    record: object  # the parser's dataclass: ParsedAgendaPack, ParsedMeeting, ...
    detection: Detection | None = None  # why the kind was chosen, when it was detected


def parse_paper(paper: Paper, kind: str | None = None) -> ParsedPaper:
    """Parse ``paper`` with the parser for ``kind`` (detected when ``None``)."""
    detection = None
    if kind is None:
        detection = detect_kind(paper)
        kind = detection.kind
    parser = parser_for(str(kind), paper.name)
    try:
        record = parser(paper)
    except PaperError as exc:
        exc.located(paper.name)
        raise
    if record is None:
        raise MalformedPaper(f"the {PaperKind(kind).label.lower()} parser read nothing from "
                             "the paper; nothing was imported", source=paper.name)
    return ParsedPaper(str(kind), record, detection)


def parse_file(data: bytes, name: str, *, kind: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedPaper:
    """Read a paper file (text, HTML, PDF or DOCX) and parse it: ``read_paper`` then
    ``parse_paper``."""
    return parse_paper(read_paper(data, name, max_bytes=max_bytes), kind)


def parser_for(kind: str, source: str | None = None) -> Callable[[Paper], object]:
    """The parse function for a kind of paper. Raises ``UnrecognisedPaper`` for a kind
    Scrutiny Desk does not import, or whose parser is not installed."""
    accepted = ", ".join(PARSERS)
    if kind not in PARSERS:
        raise UnrecognisedPaper(f"there is no parser for papers of kind {kind!r}",
                                source=source, expected=f"one of the kinds {accepted}")
    module_name, function_name = PARSERS[kind]
    try:
        module = importlib.import_module(f"scrutinydesk.ingest.parsers.{module_name}")
        return getattr(module, function_name)
    except (ImportError, AttributeError) as exc:
        raise UnrecognisedPaper(
            f"the parser for papers of kind {kind!r} ({module_name}.{function_name}) is not "
            f"available ({exc})", source=source,
            expected=f"one of the kinds whose parser is installed: {accepted}") from exc
