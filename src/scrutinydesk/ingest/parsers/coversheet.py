"""Report cover sheets: the labelled fields at the head of an officer's report.

A cover sheet is a two-column table converted to text: the label in the first cell
("Date of Meeting", "Subject of Report", ...), the value in the second. Values run on over
following rows whose first cell is empty; labels may be wrapped in ``<p>`` tags, or stand
on a line of their own with the value on the lines below. The "Impact Assessment" field
holds sub-fields ("Equalities Impact Assessment:", "Use of Evidence:", "Budget:", "Risk
Assessment:", "Other Implications:") in any layout.
"""

from __future__ import annotations

import re
from datetime import date

from scrutinydesk.ingest.errors import MalformedPaper
from scrutinydesk.ingest.parsers.common import (
    PAGE_ARTEFACT,
    find_dates,
    markup_to_lines,
    normalise_space,
    parse_date,
    strip_markup,
)
from scrutinydesk.ingest.records import ParsedCoverSheet, SourceRef
from scrutinydesk.ingest.text import Line, Paper

_RUN = re.compile(r"[ \t]{2,}")


def clean(text: str) -> str:
    """``strip_markup`` with runs of spaces and tabs squeezed first: the bullet pattern in
    ``common.markup_to_lines`` backtracks quadratically over a long run of whitespace
    (a fix belongs in common.py)."""
    return strip_markup(_RUN.sub(" ", text or ""))


def clean_lines(text: str) -> list[str]:
    """``markup_to_lines`` with runs of spaces and tabs squeezed first (see ``clean``)."""
    return markup_to_lines(_RUN.sub(" ", text or ""))


# Labels of the cover sheet as councils print them, longest first within each field.
LABELS: tuple[tuple[str, str], ...] = (
    ("date_of_meeting", "Date of Meeting"),
    ("date_of_meeting", "Meeting Date"),
    ("contact", "Officer Contact"),
    ("contact", "Contact Officer"),
    ("contact", "Report Contact"),
    ("officer", "Report Author"),
    ("officer", "Lead Officer"),
    ("officer", "Report of"),
    ("officer", "Officer"),
    ("subject", "Subject of Report"),
    ("subject", "Title of Report"),
    ("subject", "Report Title"),
    ("subject", "Subject"),
    ("executive_summary", "Executive Summary"),
    ("purpose", "Purpose of the Report"),
    ("purpose", "Purpose of Report"),
    ("purpose", "Purpose"),
    ("executive_summary", "Summary"),
    ("equalities", "Equalities Impact Assessment"),
    ("equalities", "Equality Impact Assessment"),
    ("impact", "Impact Assessment"),
    ("use_of_evidence", "Use of Evidence"),
    ("budget", "Financial Implications"),
    ("budget", "Budget"),
    ("risk", "Risk Assessment"),
    ("risk", "Risk"),
    ("other_implications", "Other Implications"),
    ("reason", "Reasons for Recommendations"),
    ("reason", "Reason for Recommendations"),
    ("reason", "Reasons for Recommendation"),
    ("reason", "Reason for Recommendation"),
    ("reason", "Reason for Decision"),
    ("recommendation", "Recommendations"),
    ("recommendation", "Recommendation"),
    ("appendices", "Appendices"),
    ("appendices", "Appendix"),
    ("background", "Background Papers"),
    ("background", "Background Paper"),
)
_LABEL_RE = re.compile(
    r"^(" + "|".join(re.escape(label) for _, label in
                     sorted(LABELS, key=lambda kv: len(kv[1]), reverse=True)) + r")\b\s*:?",
    re.I)
_KEY_OF = {label.lower(): key for key, label in LABELS}

# Sub-fields inside "Impact Assessment" (anywhere in the text, followed by a colon).
_SUB_LABELS = {
    "equalities impact assessment": "equalities", "equality impact assessment": "equalities",
    "eqia": "equalities", "use of evidence": "use_of_evidence", "evidence": "use_of_evidence",
    "budget": "budget", "financial implications": "budget", "risk assessment": "risk",
    "risk management": "risk", "risk": "risk", "other implications": "other_implications",
}
_SUB_RE = re.compile(
    r"(?<!Current )(?<!Residual )(?<![\w-])((?i:"
    + "|".join(re.escape(s) for s in sorted(_SUB_LABELS, key=len, reverse=True))
    + r"|legal implications|staffing implications|property implications)"
    r"|Implications for [A-Z][\w ,&'-]{2,50}?)\s*:")
_RISK_LEVEL = r"(very high|very low|high|medium|low)\b"
_CURRENT_RE = re.compile(r"\bCurrent(?:\s+Risk)?(?:\s+Level)?\s*[:\-–]?\s*" + _RISK_LEVEL, re.I)
_RESIDUAL_RE = re.compile(r"\bResidual(?:\s+Risk)?(?:\s+Level)?\s*[:\-–]?\s*" + _RISK_LEVEL,
                          re.I)
_OFFICER_SUB = re.compile(
    r"\b(Local Members?|Lead Members?|Lead Directors?|Lead Officers?|Report Authors?|"
    r"Cabinet Members?|Portfolio Holders?|Directors?)\b\s*:?\s*(?=(?:Cllr\b|Councillor\b|[A-Z]))")
_OFFICER_KEYS = ("lead director", "lead directors", "director", "directors", "lead officer",
                 "lead officers", "report author", "report authors")
EMAIL_RE = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
PHONE_RE = re.compile(r"(?:\bTel(?:ephone)?|\bPhone|\bT)\s*[:.]?\s*(\(?\+?\d[\d ()-]{3,18}\d)")
_NUMBERED_HEADING = re.compile(r"^(?:#+\s*|\*\*)?\d{1,2}(?:\.\d{1,2})*\.?\s+(?:\*\*)?[A-Z]")
_NONE_WORDS = {"none", "n/a", "na", "nil", "-", "–", "not applicable", "none."}
_TERMINAL = {"contact", "background", "appendices"}
_APPENDIX_MARK = re.compile(r"\bAppendix\s+(?:[A-Z]|\d{1,2})\s*[-–:]\s")


def read_date(text: str) -> date | None:
    """A date in a cell: "30 th January 2018", "<p>12 October 2017</p>", "Wednesday, 4
    October 2017". (The "30 th" repair belongs in ``common.parse_date``.)"""
    plain = re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", clean(text or ""))
    return parse_date(plain) or next(iter(find_dates(plain)), None)


def label_of(cell: str, plain: bool = False) -> tuple[str, str, str] | None:
    """(field key, label as printed, rest of the cell) when ``cell`` starts with a label.
    On a ``plain`` line (not a table row) the label must end the line or take a colon."""
    text = clean(cell)
    m = _LABEL_RE.match(text)
    if not m:
        return None
    label = m.group(1)
    rest = text[m.end():].strip()
    if plain and rest and not m.group(0).endswith(":"):
        return None
    key = _KEY_OF[label.lower()]
    if key == "appendices":
        return key, text, ""  # "Appendix 1 Appendix 2 Appendix 3" is the label itself
    if key in ("subject", "officer", "recommendation", "purpose") and rest and rest[0].islower():
        return None  # prose that happens to start with the word
    return key, label, rest


def is_cover_start(lines: list[Line], index: int) -> bool:
    """True when ``lines[index]`` opens a cover sheet: a "Date of Meeting" (or "Subject of
    Report") label followed within a few rows by another cover-sheet label."""
    line = lines[index]
    first = line.text.split("\t")[0]
    found = label_of(first, plain="\t" not in line.text)
    if not found or found[0] not in ("date_of_meeting", "subject"):
        return False
    if "\t" not in line.text and len(clean(line.text)) > 40:
        return False
    if found[0] == "subject" and any(
            (label_of(p.text.split("\t")[0]) or ("",))[0] == "date_of_meeting"
            for p in lines[max(0, index - 6):index]):
        return False  # inside a cover sheet that its "Date of Meeting" row opened
    seen = 0
    for nxt in lines[index + 1:index + 8]:
        plain = "\t" not in nxt.text
        other = label_of(nxt.text.split("\t")[0], plain) if nxt.text.strip() else None
        if other and other[0] in ("officer", "subject", "executive_summary", "date_of_meeting",
                                  "purpose"):
            seen += 1
    return seen >= 1


def _field_lines(chunks: list[str]) -> list[str]:
    """Plain lines of a field's text, re-joining sentences split across rows."""
    out: list[str] = []
    for chunk in chunks:
        for piece in clean_lines(chunk):
            if out and not re.search(r"[.:;!?)\]]$", out[-1]) and piece[:1].islower():
                out[-1] = f"{out[-1]} {piece}"
            else:
                out.append(piece)
    return out


def _is_running_header(lines: list[Line], index: int, text: str) -> bool:
    """A page header between two rows of the cover sheet: a short line on its own,
    with blank lines around it, before a labelled row."""
    if len(text) > 80 or re.search(r"[.:;]$", text) or re.match(r"[-•*]\s", text):
        return False
    if index == 0 or lines[index - 1].text.strip():
        return False
    for nxt in lines[index + 1:index + 6]:
        if nxt.text.strip():
            return "\t" in nxt.text and label_of(nxt.text.split("\t")[0]) is not None
    return False


def _committee(lines: list[Line]) -> str:
    names = [normalise_space(clean(ln.text)) for ln in lines if ln.text.strip()]
    names = [n for n in names if n and not PAGE_ARTEFACT.match(n) and len(n) <= 120]
    for name in names:
        if not re.search(r"\bCouncil$", name) and not re.match(r"(?i)agenda item", name):
            return name
    return ""


def _split_sub_fields(lines: list[str]) -> dict[str, list[str]]:
    """Split the Impact Assessment text at its sub-labels: {key or printed label: lines}."""
    parts: dict[str, list[str]] = {}
    key = "impact"
    for line in lines:
        pos = 0
        for m in _SUB_RE.finditer(line):
            before = line[pos:m.start()].strip(" •-")
            if before:
                parts.setdefault(key, []).append(before)
            label = normalise_space(m.group(1))
            key = _SUB_LABELS.get(label.lower(), label)
            parts.setdefault(key, [])
            pos = m.end()
        rest = line[pos:].strip(" •-")
        if rest:
            parts.setdefault(key, []).append(rest)
    return parts


def split_items(text_lines: list[str], label: str = "") -> list[str]:
    """A list field (appendices, background papers) as separate entries."""
    items = [ln.strip(" •-–") .strip() for ln in text_lines]
    items = [i for i in items if i and i.lower() not in _NONE_WORDS]
    if len(items) == 1:
        items = _split_sequence(items[0])
    if len(items) == 1 and len(_APPENDIX_MARK.findall(items[0])) >= 2:
        # "Appendix 1 - Action Plan Appendix 2 - Letter" on one row
        cuts = [m.start() for m in _APPENDIX_MARK.finditer(items[0])] + [len(items[0])]
        items = [items[0][a:b].strip(" ,;") for a, b in zip(cuts, cuts[1:], strict=False)]
    merged: list[str] = []
    for item in items:
        if merged and re.fullmatch(r"(?:https?://|www\.)\S+", item):
            merged[-1] = f"{merged[-1]} {item}"
        else:
            merged.append(item)
    labels = re.findall(r"\bAppendix\s+[\w.]+", label or "", re.I)
    if len(labels) >= 2 and len(labels) == len(merged):
        return [f"{lab} – {item}" for lab, item in zip(labels, merged, strict=True)]
    return merged


def _split_sequence(text: str) -> list[str]:
    """ "A. First B. Second" or "1. First2. Second" (numbering kept) → separate entries."""
    for first, step in (("A", lambda c: chr(ord(c) + 1)), ("1", lambda c: str(int(c) + 1))):
        if not text.startswith(f"{first}. "):
            continue
        cuts, marker, pos = [0], step(first), 0
        while True:
            found = text.find(f"{marker}. ", pos + 3)
            if found < 0:
                break
            cuts.append(found)
            pos, marker = found, step(marker)
        if len(cuts) > 1:
            cuts.append(len(text))
            return [text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)]
    return [text]


def _officer(text: str, other: dict[str, str]) -> str:
    if not _OFFICER_SUB.match(text):
        return text
    marks = list(_OFFICER_SUB.finditer(text))
    chosen = ""
    for m, nxt in zip(marks, marks[1:] + [None], strict=False):
        value = text[m.end():nxt.start() if nxt else len(text)].strip(" ,;")
        label = m.group(1)
        other[label] = value
        if not chosen and label.lower() in _OFFICER_KEYS:
            chosen = value
    return chosen or next(iter(other.values()), text)


def _contact(text: str, sheet: ParsedCoverSheet) -> None:
    email = EMAIL_RE.search(text)
    phone = PHONE_RE.search(text)
    sheet.contact_email = email.group(0).rstrip(".") if email else ""
    sheet.contact_phone = normalise_space(phone.group(1)) if phone else ""
    m = re.search(r"\bName\s*[:.]?\s*(.+?)(?=\s*(?:\bTel(?:ephone)?\b|\bPhone\b|\bE-?mail\b|$))",
                  text, re.I)
    name = m.group(1) if m else re.split(r"\s*(?:\bTel|\bPhone|\bE-?mail|[\w.+-]{1,64}@)", text)[0]
    name = name.strip(" ,;:-")
    if "," in name:
        name, role = (part.strip() for part in name.split(",", 1))
        sheet.other_fields["Officer Contact role"] = role
    sheet.contact_name = name


def parse_cover_sheet(paper: Paper) -> ParsedCoverSheet:
    """Every field of the cover sheet at the head of ``paper``."""
    lines = paper.lines
    start = next((i for i in range(min(len(lines), 400)) if is_cover_start(lines, i)), None)
    if start is None:
        first = lines[0].number if lines else None
        raise MalformedPaper("no report cover sheet found in the first 400 lines",
                             source=paper.name, line=first,
                             expected="a 'Date of Meeting' or 'Subject of Report' row followed "
                                      "by 'Officer' or 'Executive Summary'")
    fields: list[tuple[str, str, list[str]]] = []
    blank = False
    for index in range(start, min(len(lines), start + 400)):
        line = lines[index]
        raw = line.text
        text = raw.strip()
        if not text:
            blank = True
            continue
        if PAGE_ARTEFACT.match(text):
            continue
        current = fields[-1][0] if fields else ""
        if "\t" in raw:
            cells = raw.split("\t")
            found = label_of(cells[0])
            rest = "\t".join(cells[1:])
            if found:
                if found[0] == "date_of_meeting" and any(f[0] == found[0] for f in fields):
                    break  # the next report's cover sheet
                key, label, extra = found
                if key == "impact":
                    extra = ""  # template guidance: "Please refer to the protocol ..."
                fields.append((key, label, [extra, rest] if extra else [rest]))
            elif fields:
                head = clean(cells[0])
                if head and current in _TERMINAL:
                    break
                fields[-1][2].append(rest if len(head) < 25 else raw)
            blank = False
            continue
        found = label_of(text, plain=True)
        if found:
            key, label, extra = found
            if key == "date_of_meeting" and any(f[0] == key for f in fields):
                break
            fields.append((key, label, [extra] if extra else []))
        elif (_NUMBERED_HEADING.match(text) or text.startswith("#")
              or (current in _TERMINAL and any(c.strip() for c in fields[-1][2])
                  and (blank or current == "contact"))):
            break  # the report's body starts
        elif _is_running_header(lines, index, text):
            pass
        elif fields:
            fields[-1][2].append(raw)
        blank = False
    return _assemble(paper, lines, start, fields)


def _assemble(paper: Paper, lines: list[Line], start: int,
              fields: list[tuple[str, str, list[str]]]) -> ParsedCoverSheet:
    sheet = ParsedCoverSheet(committee=_committee(lines[max(0, start - 12):start]))
    sheet.ref = SourceRef(page=lines[start].page, line=lines[start].number)
    texts: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for key, label, chunks in fields:
        texts.setdefault(key, []).extend(_field_lines(chunks))
        labels.setdefault(key, label)
    impact = _split_sub_fields(texts.pop("impact", []))
    for key, value in impact.items():
        if key in ("equalities", "use_of_evidence", "budget", "risk", "other_implications"):
            texts.setdefault(key, []).extend(value)
        elif key != "impact":
            sheet.other_fields[key] = "\n".join(value)
        elif value:
            sheet.other_fields["Impact Assessment"] = "\n".join(value)

    def joined(key: str) -> str:
        return "\n".join(texts.get(key, []))

    sheet.date_of_meeting = read_date(joined("date_of_meeting"))
    other: dict[str, str] = {}
    sheet.officer = _officer(" ".join(texts.get("officer", [])), other)
    sheet.other_fields.update(other)
    sheet.subject = " ".join(texts.get("subject", []))
    sheet.executive_summary = joined("executive_summary")
    if texts.get("purpose"):  # "Purpose of Report": the summary when none is printed
        if sheet.executive_summary:
            sheet.other_fields[labels["purpose"]] = joined("purpose")
        else:
            sheet.executive_summary = joined("purpose")
    sheet.equalities_impact = joined("equalities")
    sheet.use_of_evidence = joined("use_of_evidence")
    sheet.budget = joined("budget")
    sheet.risk_assessment = joined("risk")
    risk_text = sheet.risk_assessment or "\n".join(impact.get("impact", []))
    current, residual = _CURRENT_RE.search(risk_text), _RESIDUAL_RE.search(risk_text)
    sheet.risk_current = current.group(1).title() if current else ""
    sheet.risk_residual = residual.group(1).title() if residual else ""
    sheet.other_implications = joined("other_implications")
    sheet.recommendation = joined("recommendation")
    sheet.reason_for_recommendation = joined("reason")
    sheet.appendices = split_items(texts.get("appendices", []), labels.get("appendices", ""))
    sheet.background_papers = split_items(texts.get("background", []))
    if texts.get("contact"):
        _contact(" ".join(texts["contact"]), sheet)
    if not (sheet.subject or sheet.date_of_meeting):
        raise MalformedPaper("the cover sheet has neither a subject nor a date of meeting",
                             source=paper.name, line=lines[start].number,
                             expected="'Subject of Report' and 'Date of Meeting' rows")
    return sheet


def cover_end(paper: Paper) -> int | None:
    """Line number where the report body starts after the cover sheet (None if unknown)."""
    lines = paper.lines
    start = next((i for i in range(min(len(lines), 400)) if is_cover_start(lines, i)), None)
    if start is None:
        return None
    last = start
    for index in range(start, min(len(lines), start + 400)):
        text = lines[index].text.strip()
        if not text:
            continue
        if "\t" in lines[index].text or label_of(text, plain=True):
            last = index
        elif _NUMBERED_HEADING.match(text):
            break
    return lines[last].number + 1
