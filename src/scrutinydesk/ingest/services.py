"""Importing a paper: read, recognise, parse, load — one transaction per paper.

Atomic: any error rolls back everything the paper would have written.
Idempotent: a paper already imported (same SHA-256) changes nothing, and loading the same
content from another file (the PDF of a text paper) updates nothing that is already right.
The audit (``findings``) then runs on what the import changed, once its transaction is over.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction

from scrutinydesk.core.models import SourceDocument

from .accounting import Accounting, account
from .errors import MalformedPaper, PaperError, PaperTooLarge
from .loaders import LoadContext, load_parsed

PARSER_VERSION = "1"


@dataclass
class ImportResult:
    """What one paper's import did."""

    name: str
    kind: str = ""
    source: SourceDocument | None = None
    already_imported: bool = False
    dry_run: bool = False
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    set_aside: list = field(default_factory=list)  # loaders.SetAside: figures not filed
    findings: dict[str, int] = field(default_factory=dict)  # the audit's counts
    accounting: Accounting | None = None  # what became of each figure of the paper

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    @property
    def total_updated(self) -> int:
        return sum(self.updated.values())


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def import_path(path: str | Path, *, dry_run: bool = False, user=None) -> ImportResult:
    """Import the paper at ``path``; its size is checked before it is read."""
    path = Path(path)
    if not path.is_file():
        raise PaperError("no such file", source=str(path))
    size = path.stat().st_size
    limit = settings.MAX_UPLOAD_BYTES
    if size > limit:
        raise PaperTooLarge(
            f"the file is {size / 1024 / 1024:.1f} MB; the largest paper accepted is "
            f"{limit / 1024 / 1024:.0f} MB", source=path.name)
    return import_bytes(path.read_bytes(), path.name, dry_run=dry_run, user=user)


def import_bytes(data: bytes, name: str, *, dry_run: bool = False, user=None,
                 kind: str | None = None) -> ImportResult:
    """Import one paper given as bytes. Raises only ``PaperError``; writes nothing then."""
    from .formats import read_paper
    from .parse import parse_paper

    digest = hashlib.sha256(data).hexdigest()
    existing = SourceDocument.objects.filter(sha256=digest).first()
    if existing is not None:
        return ImportResult(name=name, kind=existing.kind, source=existing,
                            already_imported=True, dry_run=dry_run)
    paper = read_paper(data, name, max_bytes=settings.MAX_UPLOAD_BYTES)
    parsed = parse_paper(paper, kind)
    accounting = account(paper, parsed.record)
    result = ImportResult(name=name, kind=parsed.kind, dry_run=dry_run, accounting=accounting)
    try:
        with transaction.atomic():
            source = SourceDocument(
                sha256=digest, name=name[:255], kind=parsed.kind,
                media_type=paper.media_type, size_bytes=len(data),
                page_count=paper.page_count, text=paper.text,
                parser_version=PARSER_VERSION, imported_by=user,
                title=_title(parsed.record)[:500],
                accounting=accounting.as_dict() if accounting is not None else {},
            )
            source.save()
            ctx = LoadContext(source)
            load_parsed(ctx, parsed.record)
            _unfiled(accounting, ctx, source)
            if ctx.warnings:
                source.warnings = ctx.warnings
                source.save(update_fields=["warnings"])
            result.source = source
            result.created, result.updated = dict(ctx.created), dict(ctx.updated)
            result.unchanged, result.warnings = dict(ctx.unchanged), list(ctx.warnings)
            result.set_aside = list(ctx.set_aside)
            if dry_run:
                raise _DryRun
            transaction.on_commit(lambda: _keep_file(source, data))
    except _DryRun:
        result.source = None
    except PaperError as exc:
        raise exc.located(name) from None
    except (ValidationError, DatabaseError) as exc:
        message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        raise MalformedPaper(f"what was read could not be stored, so nothing was imported: "
                             f"{message}", source=name) from exc
    if not dry_run:
        result.findings = audit_changes(ctx)
    return result


def reread_paper(source: SourceDocument, *, user=None) -> ImportResult:
    """Read an imported paper again (from its kept file, else its text) into the same
    source row: what the parsers now read replaces what they read before, and people's
    corrections are applied again. Atomic; raises only ``PaperError``."""
    from .formats import read_paper
    from .parse import parse_paper
    from .review import after_reading_again

    name = source.name
    if source.file and source.file.storage.exists(source.file.name):
        with source.file.open("rb") as handle:
            data = handle.read()
    else:  # the text that was read, as a text paper
        data, name = source.text.encode("utf-8"), f"{Path(source.name).stem}.txt"
    paper = read_paper(data, name, max_bytes=settings.MAX_UPLOAD_BYTES)
    parsed = parse_paper(paper, source.kind)
    accounting = account(paper, parsed.record)
    result = ImportResult(name=source.name, kind=parsed.kind, source=source,
                          accounting=accounting)
    try:
        with transaction.atomic():
            source.text, source.page_count = paper.text, paper.page_count
            source.parser_version = PARSER_VERSION
            source.title = _title(parsed.record)[:500] or source.title
            source.accounting = accounting.as_dict() if accounting is not None else {}
            ctx = LoadContext(source)
            load_parsed(ctx, parsed.record)
            _unfiled(accounting, ctx, source, save=False)
            source.warnings = ctx.warnings
            source.save()
            after_reading_again(source, user)
            result.created, result.updated = dict(ctx.created), dict(ctx.updated)
            result.unchanged, result.warnings = dict(ctx.unchanged), list(ctx.warnings)
            result.set_aside = list(ctx.set_aside)
    except PaperError as exc:
        raise exc.located(source.name) from None
    except (ValidationError, DatabaseError) as exc:
        message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        raise MalformedPaper(f"what was read could not be stored, so nothing was changed: "
                             f"{message}", source=source.name) from exc
    result.findings = audit_changes(ctx)
    return result


def _unfiled(accounting: Accounting | None, ctx: LoadContext, source: SourceDocument, *,
             save: bool = True) -> None:
    """The parser's warnings, and the figures the loader would not file counted unread
    again, kept on the paper."""
    if accounting is None:
        return
    for warning in accounting.warnings:
        ctx.warn(warning)
    for entry in ctx.set_aside:
        accounting.unfile(entry.text, entry.line, "not filed")
    source.accounting = accounting.as_dict()
    if save:
        source.save(update_fields=["accounting"])


def _keep_file(source: SourceDocument, data: bytes) -> None:
    """Keep a copy of the paper beside its records, once the import has committed."""
    source.file.save(f"{source.sha256[:16]}-{Path(source.name).name}", ContentFile(data),
                     save=False)
    SourceDocument.objects.filter(pk=source.pk).update(file=source.file.name)


def audit_changes(ctx: LoadContext) -> dict[str, int]:
    """Recompute the findings of what an import wrote to (its indicators, measures and
    editions), after the import's transaction: the rest of the database is not audited
    again, and an import is never held up or rolled back by its audit."""
    from scrutinydesk.findings.services import Scope, recompute_findings

    return recompute_findings(Scope.of(ctx.touched))


def _title(record) -> str:
    for attr in ("title", "committee"):
        value = getattr(record, attr, "")
        if isinstance(value, str) and value:
            return value
    meeting = getattr(record, "meeting", None)
    if meeting is not None:
        return f"{meeting.committee}, {meeting.date:%-d %B %Y}"
    return ""
