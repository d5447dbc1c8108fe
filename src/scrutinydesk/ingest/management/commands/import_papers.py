import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from scrutinydesk.ingest.errors import PaperError
from scrutinydesk.ingest.services import import_path

SUFFIXES = {".txt", ".text", ".html", ".htm", ".pdf", ".docx"}


class Command(BaseCommand):
    help = "Import papers: agenda packs, meeting pages, minutes, monitoring reports, action " \
           "plans, work programmes, officers' reports (text, HTML, PDF, DOCX)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH",
                            help="Files, or folders to import every paper in.")
        parser.add_argument("--dry-run", action="store_true",
                            help="Read and check everything, write nothing.")
        parser.add_argument("--unread", action="store_true",
                            help="List each figure of the papers that was neither read nor "
                                 "set aside by a named rule, with its page, line and text.")

    def handle(self, *args, paths, dry_run, verbosity, unread=False, **options):
        files = self.collect(paths)
        console = Console(file=self.stdout, highlight=False,
                          width=None if self.stdout.isatty() else 120)
        errors = Console(file=self.stderr, highlight=False)
        results, failures = [], []
        with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn(
                "{task.completed}/{task.total}"), TimeElapsedColumn(), console=console,
                transient=True, disable=not files) as progress:
            task = progress.add_task("Importing", total=len(files))
            for path in files:
                progress.update(task, description=f"Importing {path.name}")
                try:
                    results.append(import_path(path, dry_run=dry_run))
                except PaperError as exc:
                    failures.append((path, exc))
                    errors.print(f"[bold red]error:[/] {exc}", markup=True)
                progress.advance(task)
        self.summary(console, results, failures, dry_run, verbosity)
        if unread:
            self.unread(console, results)
        if failures:
            sys.exit(1)

    def collect(self, paths):
        files = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*")
                                    if p.is_file() and p.suffix.lower() in SUFFIXES
                                    and not p.name.startswith(".")))
            else:
                files.append(path)
        return files

    def summary(self, console, results, failures, dry_run, verbosity):
        title = "Import summary (dry run: nothing written)" if dry_run else "Import summary"
        table = Table(title=title)
        for column in ("Paper", "Kind", "Created", "Updated", "Unchanged", "Result"):
            table.add_column(column, justify="right" if column in
                             ("Created", "Updated", "Unchanged") else "left")
        for r in results:
            state = "already imported" if r.already_imported else "checked" if dry_run else "ok"
            if r.warnings:
                state += f", {len(r.warnings)} warning(s)"
            table.add_row(r.name, r.kind.replace("_", " "), str(r.total_created),
                          str(r.total_updated), str(sum(r.unchanged.values())), state)
        for path, exc in failures:
            table.add_row(path.name, "", "0", "0", "0", f"failed: {exc.message}")
        console.print(table)
        for r in results:
            accounting = self.accounting_of(r)
            if accounting:
                console.print(f"{r.name}: {accounting_line(accounting)}")
        for r in results:
            for warning in r.warnings:
                console.print(f"warning: {r.name}: {warning}")
            if verbosity >= 2 and (r.created or r.updated):
                detail = Table(title=f"{r.name}: records")
                for column in ("Records", "Created", "Updated", "Unchanged"):
                    detail.add_column(column)
                for label in sorted({*r.created, *r.updated, *r.unchanged}):
                    detail.add_row(label, str(r.created.get(label, 0)),
                                   str(r.updated.get(label, 0)),
                                   str(r.unchanged.get(label, 0)))
                console.print(detail)

    def accounting_of(self, result) -> dict:
        if result.accounting is not None:
            return result.accounting.as_dict()
        if result.source is not None:
            return result.source.accounting or {}
        return {}

    def unread(self, console, results):
        for r in results:
            accounting = self.accounting_of(r)
            if not accounting:
                console.print(f"{r.name}: figures are not accounted for papers of this kind")
                continue
            figures = accounting.get("unread", [])
            console.print(f"{r.name}: {len(figures)} unread figure(s)")
            for f in figures:
                where = f"page {f['page']}, " if f.get("page") is not None else ""
                mark = " (headline)" if f.get("headline") else " (table)" if f.get("table") \
                    else ""
                console.print(f"  {where}line {f['line']}{mark}: {f['text']}  …{f['context']}…",
                              markup=False)


def accounting_line(accounting: dict) -> str:
    """ "figures read 212 of 215 (98.6 %), set aside 2, unread 1" from a stored ledger."""
    total, read = accounting.get("total", 0), accounting.get("read", 0)
    aside = sum(accounting.get("set_aside", {}).values())
    share = 100 * read / total if total else 100.0
    return (f"figures read {read} of {total} ({share:.1f} %), set aside {aside}, "
            f"unread {len(accounting.get('unread', []))}")
