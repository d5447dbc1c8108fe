"""Every API list and record as CSV or XLSX (``?format=csv``, ``?format=xlsx``), written by
the one export machinery (``api.tabular``): one row per record, a column per field,
nested objects flattened into ``parent.field`` columns and nested lists as JSON."""

from __future__ import annotations

from rest_framework.renderers import BaseRenderer

from . import tabular


def flatten(record: dict, prefix: str = "") -> dict:
    """A record's fields as columns: ``{"period": {"code": …}}`` becomes ``period.code``."""
    out: dict = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            out.update(flatten(value, f"{name}."))
        else:
            out[name] = None if value == {} else value
    return out


def records(data) -> list[dict]:
    """The rows a response holds: a list's records (paginated or not), or one record."""
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        data = data["results"]
    if isinstance(data, dict):
        data = [data]
    return [flatten(dict(r)) for r in data or []]


class TabularRenderer(BaseRenderer):
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = (renderer_context or {}).get("view")
        response = (renderer_context or {}).get("response")
        if response is not None and response.status_code >= 400:
            rows = [{"error": str(data)}]
        else:
            rows = records(data)
        name = getattr(view, "export_name", "export")
        if response is not None:
            response["Content-Disposition"] = f'attachment; filename="{name}.{self.format}"'
        return tabular.write_records(self.format, rows, title=name)


class CSVRenderer(TabularRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"


class XLSXRenderer(TabularRenderer):
    media_type = tabular.FORMATS["xlsx"]
    format = "xlsx"
