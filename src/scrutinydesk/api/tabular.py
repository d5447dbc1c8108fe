"""One export machinery: rows of a table as CSV, XLSX or JSON.

Every list the site or the API shows can be downloaded through it, with its own filtered
queryset and columns, so the file holds what the page shows:

    from scrutinydesk.api.tabular import Column, export_response

    COLUMNS = [Column("Date", "date"), Column("Committee", "committee.name"),
               Column("Status", lambda m: m.get_status_display())]

    def meetings(request):
        meetings = Meeting.objects.visible_to(request.user).filter(...)
        if response := export_response(request, meetings, COLUMNS, "meetings"):
            return response          # ?format=csv, ?format=xlsx or ?format=json
        ...                          # else the HTML page

``web/_partials/export_links.html`` offers the three downloads beside the list. The API's
CSV and XLSX renderers (``api.renderers``) and the ``scrutinydesk export`` command write
through the same ``write()``.

In XLSX every text cell is stored as text, so a value that starts with "=" is never
read as a formula; numbers, dates and times keep their types. CSV and JSON hold the
values as they are.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils.text import slugify

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
FORMAT_PARAM = "format"


@dataclass(frozen=True)
class Column:
    """A column: its heading and how to read its value from a row's object, as a dotted
    attribute path (``"committee.name"``; a method is called) or a function. ``key`` names
    the value in JSON (default: the heading in snake case)."""

    label: str
    value: str | Callable[[Any], Any]
    key: str = ""

    @property
    def json_key(self) -> str:
        return self.key or slugify(self.label).replace("-", "_")

    def read(self, obj) -> Any:
        if callable(self.value):
            return self.value(obj)
        for name in self.value.split("."):
            if obj is None:
                return None
            obj = obj.get(name) if isinstance(obj, dict) else getattr(obj, name)
            if callable(obj):
                obj = obj()
        return obj


def plain(value) -> Any:
    """A cell's value as CSV writes it: numbers without trailing zeros, ISO dates, nested
    values as JSON, None as blank."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, default=json_default, ensure_ascii=False)
    return value


def json_default(value):
    """``json.dumps(default=...)`` for Scrutiny Desk's values."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")


def _cell(value) -> Any:
    """A value as an XLSX cell holds it: numbers, dates, times and booleans as themselves,
    everything else as text."""
    if value is None:
        return None
    if isinstance(value, bool | int | float | Decimal | date | datetime | time):
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.replace(tzinfo=None)  # Excel has no time zones: local time
        return value
    return str(plain(value))


def write(fmt: str, header: Sequence[str], rows: Iterable[Sequence[Any]],
          keys: Sequence[str] | None = None, title: str = "Export") -> bytes:
    """``rows`` (lists of values in ``header``'s order) as a CSV, XLSX or JSON file.
    JSON is a list of objects named by ``keys`` (default: the headings)."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([plain(v) for v in row] for row in rows)
        return out.getvalue().encode("utf-8")
    if fmt == "json":
        keys = list(keys or header)
        records = [dict(zip(keys, row, strict=True)) for row in rows]
        return json.dumps(records, default=json_default, ensure_ascii=False,
                          indent=2).encode("utf-8")
    if fmt == "xlsx":
        return _xlsx(header, rows, title)
    raise ValueError(f"no export format {fmt!r}; choose from {', '.join(FORMATS)}")


def _xlsx(header: Sequence[str], rows: Iterable[Sequence[Any]], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_sheet_title(title))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cells(values, font=None):
        out = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=_cell(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
            if font is not None:
                cell.font = font
            out.append(cell)
        return out

    sheet.append(cells(header, bold))
    for row in rows:
        sheet.append(cells(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return (cleaned or "Export")[:31]


def write_records(fmt: str, records: Iterable[dict], title: str = "Export") -> bytes:
    """Flat dicts as a file, one column per key in the order keys first appear."""
    records = list(records)
    header = list(dict.fromkeys(k for record in records for k in record))
    return write(fmt, header, ([record.get(k) for k in header] for record in records),
                 title=title)


def table(columns: Sequence[Column], objects: Iterable[Any]) -> Iterable[list[Any]]:
    """Each object as a row of ``columns``' values."""
    for obj in objects:
        yield [column.read(obj) for column in columns]


def render(fmt: str, objects: Iterable[Any], columns: Sequence[Column], name: str) -> bytes:
    return write(fmt, [c.label for c in columns], table(columns, objects),
                 keys=[c.json_key for c in columns], title=name)


def requested_format(request) -> str | None:
    """The export format ``?format=`` asks for, or None for the page itself."""
    fmt = request.GET.get(FORMAT_PARAM, "")
    return fmt if fmt in FORMATS else None


def file_response(body: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=FORMATS[fmt])
    filename = f"{slugify(name) or 'export'}.{fmt}"
    disposition = "inline" if fmt == "json" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def export_response(request, objects: Iterable[Any], columns: Sequence[Column],
                    name: str) -> HttpResponse | None:
    """The list as the file ``?format=`` asks for (every row, not one page), or None when
    the request is for the page itself."""
    fmt = requested_format(request)
    if fmt is None:
        return None
    return file_response(render(fmt, objects, columns, name), fmt, name)
