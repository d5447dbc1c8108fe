"""What every loader shares: the import's context, counting, idempotent upserts, provenance,
and finding the same person or committee across papers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models

from scrutinydesk.committees.models import Committee, Member
from scrutinydesk.core.models import Council, Officer, SourceDocument
from scrutinydesk.core.names import clean_person_name, names_match, normalise_person_name
from scrutinydesk.ingest.corrections import CorrectionBook
from scrutinydesk.ingest.records import SourceRef


@dataclass(frozen=True)
class SetAside:
    """A printed figure the loader would not file, and why (listed as unread)."""

    text: str
    reason: str
    page: int | None = None
    line: int | None = None


@dataclass
class LoadContext:
    """One import: the paper's source row, what changed, and what needs a person's eye."""

    source: SourceDocument
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    # what the paper wrote to, by kind ("indicator", "measure", "edition"): the audit that
    # follows the import looks at these only
    touched: dict[str, set[int]] = field(default_factory=dict)
    # page range to give records whose own reference has no page (a part of a pack)
    default_pages: tuple[int | None, int | None] = (None, None)
    # people's corrections (ingest.corrections), read at the first upsert
    corrections: CorrectionBook | None = None
    # the council the paper belongs to: named in its heading, or its committee's
    council: Council | None = None

    def council_for(self, committee: Committee | None = None) -> Council | None:
        """The council whose people a name is looked up among: the committee's, else the
        paper's, else the only council recorded (None when there is none or several)."""
        if committee is not None and committee.council_id:
            return committee.council
        if self.council is None:
            only = list(Council.objects.all()[:2])
            if len(only) == 1:
                self.council = only[0]
        return self.council

    def provenance(self, ref: SourceRef | None = None) -> dict:
        page = ref.page if ref and ref.page is not None else self.default_pages[0]
        page_end = ref.page_end if ref and ref.page is not None else self.default_pages[1]
        if page_end == page:
            page_end = None
        # A record this paper writes or changes is extracted until a person confirms it.
        return {"source": self.source, "source_page": page, "source_page_end": page_end,
                "confirmed_at": None, "confirmed_by": None}

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def put_aside(self, text: str, reason: str, ref: SourceRef | None = None) -> None:
        """Leave a figure unfiled: listed as unread, with a warning saying why."""
        page = ref.page if ref and ref.page is not None else self.default_pages[0]
        entry = SetAside(" ".join(text.split())[:300], reason, page, ref.line if ref else None)
        if entry not in self.set_aside:
            self.set_aside.append(entry)
        where = f" (p. {page})" if page else ""
        self.warn(f"Not filed{where}: “{entry.text}” — {reason}")

    def touch(self, kind: str, pk: int) -> None:
        self.touched.setdefault(kind, set()).add(pk)

    def count(self, model: type[models.Model], outcome: str) -> None:
        label = str(model._meta.verbose_name_plural)
        getattr(self, outcome)[label] += 1

    # --- upserts ------------------------------------------------------------------------
    def upsert(self, model, lookup: dict, values: dict, ref: SourceRef | None = None,
               *, keep_existing_blank: bool = True):
        """Find the row by ``lookup``; create it, or update the fields that differ.

        Importing the same content again changes nothing (and writes no history). A field
        given as blank does not erase what another paper filled in, when
        ``keep_existing_blank``. Provenance is set on creation, and moved to this paper when
        this paper changes the record."""
        provenance = self.provenance(ref) if _has_provenance(model) else {}
        if self.corrections is None:
            self.corrections = CorrectionBook.load()
        lookup, values = self.corrections.apply(model, lookup, values)
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**{**values, **lookup}, **provenance)
            obj.save()
            self.count(model, "created")
            return obj
        changed = []
        for name, value in values.items():
            current = getattr(obj, name)
            if keep_existing_blank and _blank(value) and not _blank(current):
                continue
            if not _same(current, value):
                setattr(obj, name, value)
                changed.append(name)
        if changed:
            for name, value in provenance.items():
                setattr(obj, name, value)
            obj.save()
            self.count(model, "updated")
        else:
            self.count(model, "unchanged")
        return obj

    def link(self, manager, objs) -> None:
        """Add to a many-to-many relation only what is missing (no history noise)."""
        existing = set(manager.values_list("pk", flat=True))
        missing = [o for o in objs if o.pk not in existing]
        if missing:
            manager.add(*missing)

    # --- people and committees ------------------------------------------------------------
    def committee(self, name: str, council: str = "") -> Committee:
        """The committee a paper names, with the council its heading names ("Dorset County
        Council") recorded as a Council of its own."""
        name = " ".join(name.split())
        named = Council.objects.named(council)
        if named is not None and self.council is None:
            self.council = named
        council = named or self.council_for()
        pool = Committee.objects.all()
        if council is not None:  # this council's committee, else one not yet given a council
            pool = pool.filter(council=council) if pool.filter(
                council=council, name__iexact=name).exists() else pool.filter(council=None)
        found = pool.filter(name__iexact=name).first()
        if found is None:
            found = pool.filter(slug=_slug(name)).first()
        if found is None:
            found = Committee(name=name, council=council, **self.provenance())
            found.save()
            self.count(Committee, "created")
        elif named is not None and not found.council_id:
            found.council = named
            found.save()
            self.count(Committee, "updated")
        if found.council_id and self.council is None:
            self.council = found.council
        return found

    def member(self, printed: str, committee: Committee | None = None) -> Member | None:
        """The councillor a printed name refers to: "Cllr Batstone", "Pauline Batstone
        (Chairman)". A surname alone matches a committee member (else any member) with that
        surname when exactly one has it; otherwise a new member is recorded."""
        name = clean_person_name(printed)
        key = normalise_person_name(name)
        if not key:
            return None
        council = self.council_for(committee)
        pool = Member.objects.filter(council=council)
        found = pool.filter(name_key=key).first() or self._adopt(Member, key, council)
        if found:
            return found
        if committee is not None:
            in_committee = [m for m in pool.filter(memberships__committee=committee).distinct()
                            if names_match(m.name, name)]
            if len(in_committee) == 1:
                return in_committee[0]
        candidates = [m for m in pool if names_match(m.name, name)]
        if len(candidates) == 1:
            found = candidates[0]
            if " " in key and " " not in found.name_key:
                # A full name for someone known only by surname so far: keep the full name.
                found.name = name
                found.save()
                self.count(Member, "updated")
            return found
        if len(candidates) > 1:
            self.warn(f"“{printed}” could be any of {', '.join(m.name for m in candidates)}; "
                      "recorded as a separate member — merge in the admin if they are one.")
        member = Member(name=name, council=council, **self.provenance())
        member.save()
        self.count(Member, "created")
        return member

    def _adopt(self, model, key: str, council: Council | None):
        """A person recorded with no council, now named in a paper of ``council``: theirs."""
        if council is None:
            return None
        found = model.objects.filter(council__isnull=True, name_key=key).first()
        if found is not None:
            found.council = council
            found.save()
            self.count(model, "updated")
        return found

    def officer(self, printed: str, job_title: str = "") -> Officer | None:
        name = clean_person_name(printed)
        key = normalise_person_name(name)
        if not key or len(key) < 3:
            return None
        council = self.council_for()
        pool = Officer.objects.filter(council=council)
        found = pool.filter(name_key=key).first() or self._adopt(Officer, key, council)
        if found is None and " " not in key:
            matches = [o for o in pool if names_match(o.name, name)]
            found = matches[0] if len(matches) == 1 else None
        if found is None:
            found = Officer(name=name, job_title=job_title[:300], council=council,
                            **self.provenance())
            found.save()
            self.count(Officer, "created")
        elif job_title and not found.job_title:
            found.job_title = job_title[:300]
            found.save()
            self.count(Officer, "updated")
        return found


def _has_provenance(model) -> bool:
    try:
        model._meta.get_field("source")
        return True
    except Exception:
        return False


def _blank(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _same(current, new) -> bool:
    if isinstance(current, Decimal) or isinstance(new, Decimal):
        try:
            return current is not None and new is not None and Decimal(current) == Decimal(new)
        except Exception:
            return False
    if isinstance(current, models.Model) or isinstance(new, models.Model):
        return getattr(current, "pk", current) == getattr(new, "pk", new)
    return current == new


def _slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name)[:300]
