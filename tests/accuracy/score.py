"""Score what an import stored against a paper's answer key (``NAME.key.json``).

An answer key lists every fact a careful reader takes from a paper (its format is in
``tests/fixtures/unseen/KEY-FORMAT.md``). Each fact is scored as

* **right**: stored as the key says;
* **wrong**: stored, but with another value, kind or owner — or stored where the key says it
  does not belong (a figure filed under another series, an extra decision);
* **missing**: not stored at all.

A wrong fact is worse than a missing one, so they are counted apart. Scoring reads the
database after the paper's import; it never changes it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from difflib import SequenceMatcher

RIGHT, WRONG, MISSING = "right", "wrong", "missing"


@dataclass
class Fact:
    what: str  # "SAFE 01 latest March 2018"
    outcome: str  # right / wrong / missing
    detail: str = ""  # what was stored instead


@dataclass
class PaperScore:
    name: str
    kind: str
    facts: list[Fact] = field(default_factory=list)
    error: str = ""

    def add(self, what: str, outcome: str, detail: str = "") -> None:
        self.facts.append(Fact(what, outcome, detail))

    def count(self, outcome: str) -> int:
        return sum(1 for f in self.facts if f.outcome == outcome)

    @property
    def total(self) -> int:
        return len(self.facts)

    @property
    def right(self) -> int:
        return self.count(RIGHT)

    @property
    def wrong(self) -> int:
        return self.count(WRONG)

    @property
    def missing(self) -> int:
        return self.count(MISSING)

    @property
    def share_right(self) -> float:
        return self.right / self.total if self.total else 1.0


# --- matching helpers ---------------------------------------------------------------------

def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("%", " percent ").replace("&", " and ")
    text = re.sub(r"['’`]s\b", "", text)
    return re.findall(r"[a-z0-9]+", text)


def similar(a: str, b: str) -> float:
    """0..1: how alike two titles are (word sequence, ignoring case and punctuation)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    if wa == wb:
        return 1.0
    seq = SequenceMatcher(None, wa, wb).ratio()
    sa, sb = set(wa), set(wb)
    jac = len(sa & sb) / len(sa | sb)
    return max(seq, jac)


def best(candidates, title: str, key=lambda c: c.title, floor: float = 0.6):
    scored = sorted(((similar(key(c), title), i, c) for i, c in enumerate(candidates)),
                    key=lambda t: (-t[0], t[1]))
    if scored and scored[0][0] >= floor:
        return scored[0][2]
    return None


def contains(haystack: str, phrase: str) -> bool:
    h, p = " ".join(words(haystack)), " ".join(words(phrase))
    return bool(p) and p in h


def same_number(a, b) -> bool:
    if a is None or b is None:
        return False
    a, b = Decimal(str(a)), Decimal(str(b))
    return abs(a - b) <= max(Decimal("0.005"), abs(b) * Decimal("0.0005"))


def code_key(code: str) -> str:
    m = re.fullmatch(r"\s*([A-Za-z]+)\s*[:\-–]?\s*0*(\d+)\s*([a-z]?)\s*", code or "")
    return f"{m[1].upper()} {int(m[2]):02d}{m[3]}" if m else (code or "").strip().upper()


def rag_letter(text: str) -> str:
    t = (text or "").strip().lower()
    return t[:1].upper() if t[:1] in ("r", "a", "g", "b") else ""


def iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def period_matches(period, start: date, end: date, kind: str = "") -> bool:
    """Does a stored period stand for the key's period? Snapshots and months printed as
    "March 2018" may be stored as the month or the month's last day."""
    if period is None:
        return False
    if period.start == start and period.end == end:
        return True
    if start == end or kind in ("snapshot", "month"):
        return period.end.year == end.year and period.end.month == end.month and \
            (period.start == period.end or (period.start.year, period.start.month) ==
             (end.year, end.month))
    return False


def breakdown_matches(stored: str, wanted: str) -> bool:
    if not wanted:
        return not stored
    if not stored:
        return False
    return similar(stored, wanted) >= 0.6 or contains(stored, wanted) or contains(wanted, stored)


# --- monitoring reports -------------------------------------------------------------------

def score_monitoring_report(key: dict, source, score: PaperScore) -> None:
    from scrutinydesk.outcomes.models import (
        ComparatorValue,
        Observation,
        Outcome,
        PerformanceMeasure,
        PopulationIndicator,
        ReportEdition,
        StatedJudgement,
    )
    from scrutinydesk.risks.models import RiskAssessment

    y, m = (int(p) for p in key["edition"].split("-")[:2])
    edition = ReportEdition.objects.filter(edition=date(y, m, 1)).select_related(
        "outcome").order_by("-id")
    outcome_name = key.get("outcome", "")
    edition = next((e for e in edition if similar(e.outcome.name, outcome_name) >= 0.5),
                   edition.first())
    score.add("edition", RIGHT if edition else MISSING)
    outcome = edition.outcome if edition else best(Outcome.objects.all(), outcome_name,
                                                   key=lambda o: o.name, floor=0.5)
    indicators = list(PopulationIndicator.objects.filter(outcome=outcome)) if outcome else []
    measures = list(PerformanceMeasure.objects.filter(outcome=outcome)) if outcome else []
    aliases = {}
    if edition:
        for a in edition.aliases.all():
            if a.indicator_id:
                aliases.setdefault(code_key(a.code), []).append(a.indicator)
    claimed: set[tuple[str, int]] = set()  # observations the key accounts for

    counts = key.get("counts") or {}
    for name, attr in (("indicators", "stated_indicator_count"),
                       ("measures", "stated_measure_count"), ("risks", "stated_risk_count")):
        if counts.get(name) is None:
            continue
        got = getattr(edition, attr) if edition else None
        score.add(f"count of {name}", RIGHT if got == counts[name] else
                  MISSING if got is None else WRONG, f"stored {got}")

    for entry in key.get("indicators", []):
        label = f"{entry.get('code', '')} {entry['title'][:40]}".strip()
        ind = _find_indicator(entry, indicators, aliases)
        score.add(f"{label}: indicator", RIGHT if ind else MISSING)
        for fig in entry.get("figures", []):
            _score_figure(score, f"{label}", fig, ind, None, indicators, measures, claimed)
        for comp in entry.get("comparators", []):
            _score_comparator(score, label, comp, ind, ComparatorValue)
        stated = entry.get("stated") or {}
        sj = StatedJudgement.objects.filter(edition=edition, indicator=ind).first() \
            if ind and edition else None
        for fact, attr, norm in (("trend", "trend_printed", str.upper),
                                 ("trend_rag", "trend_rag", rag_letter),
                                 ("benchmark", "benchmark_printed", str.upper),
                                 ("benchmark_rag", "benchmark_rag", rag_letter)):
            want = stated.get(fact)
            if not want:
                continue
            got = getattr(sj, attr, "") if sj else ""
            ok = norm(got or "").strip() == norm(want).strip()
            score.add(f"{label}: stated {fact}", RIGHT if ok else MISSING if not got else WRONG,
                      f"stored {got!r}")
        for mentry in entry.get("measures", []):
            mlabel = f"{label} / {mentry['title'][:40]}"
            pool = [x for x in measures if ind and x.indicator_id == ind.id] or measures
            meas = best(pool, mentry["title"]) or best(measures, mentry["title"])
            score.add(f"{mlabel}: measure", RIGHT if meas else MISSING)
            for fig in mentry.get("figures", []):
                _score_figure(score, mlabel, fig, None, meas, indicators, measures, claimed)
            for comp in mentry.get("comparators") or []:
                _score_comparator(score, mlabel, comp, meas, ComparatorValue)
        for risk in entry.get("risks", []):
            _score_risk(score, label, risk, edition, ind, RiskAssessment)
    for risk in key.get("unassigned_risks", []):
        _score_risk(score, "unassigned", risk, edition, None, RiskAssessment)

    # A table a careful reader could not place: its figures must not be filed anywhere.
    for fig in key.get("ambiguous_figures") or []:
        what = f"unplaced {fig.get('series', '')} {fig['period']} = {fig['value']} kept apart"
        start, end = iso(fig["start"]), iso(fig["end"])
        filed = [o for o in Observation.objects.filter(source=source)
                 if period_matches(o.period, start, end, fig.get("kind", ""))
                 and same_number(o.value, fig["value"])] if source is not None else []
        filed += [cv for cv in ComparatorValue.objects.filter(source=source)
                  if period_matches(cv.period, start, end, fig.get("kind", ""))
                  and same_number(cv.value, fig["value"])] if source is not None else []
        for o in filed:
            if isinstance(o, Observation):
                claimed.add(("i" if o.indicator_id else "m", o.id))
        score.add(what, WRONG if filed else RIGHT,
                  "filed under " + ", ".join(str(o.indicator or o.measure)[:40] for o in filed))

    # Figures this paper stored that the key does not account for: misfiled or invented.
    if source is not None:
        for obs in Observation.objects.filter(source=source).select_related(
                "indicator", "measure"):
            if (("i" if obs.indicator_id else "m"), obs.id) in claimed:
                continue
            owner = obs.indicator or obs.measure
            score.add(f"extra figure under {str(owner)[:50]}", WRONG,
                      f"{obs.period.label if obs.period else ''} {obs.value} "
                      f"{obs.breakdown!r}")


def _find_indicator(entry, indicators, aliases):
    parent_title = entry.get("parent")
    if parent_title:
        parents = [i for i in indicators if similar(i.title, parent_title) >= 0.6]
        parts = [i for i in indicators if i.parent_id and any(i.parent_id == p.id
                                                                 for p in parents)]
        found = best(parts, entry["title"])
        if found:
            return found
        return best([i for i in indicators if i.parent_id], entry["title"])
    found = best([i for i in indicators if not i.parent_id], entry["title"])
    if found:
        return found
    by_code = aliases.get(code_key(entry.get("code", "")), [])
    return by_code[0] if len(by_code) == 1 else None


def _observations(subject):
    from scrutinydesk.outcomes.models import Observation

    if subject is None:
        return []
    field_name = "measure" if subject._meta.model_name == "performancemeasure" else "indicator"
    return list(Observation.objects.filter(**{field_name: subject}))


def _score_figure(score, label, fig, ind, meas, indicators, measures, claimed):
    subject = ind or meas
    what = f"{label}: {fig.get('series') or 'main'} {fig['period']} = {fig['value']}"
    if subject is None:
        score.add(what, MISSING, "its indicator or measure was not stored")
        return
    start, end = iso(fig["start"]), iso(fig["end"])
    obs = _observations(subject)
    here = [o for o in obs if period_matches(o.period, start, end, fig.get("kind", ""))
            and breakdown_matches(o.breakdown, fig.get("series", ""))]
    tag = "i" if ind else "m"
    for o in here:
        if same_number(o.value, fig["value"]):
            claimed.add((tag, o.id))
            score.add(what, RIGHT)
            return
    if here:
        for o in here:
            claimed.add((tag, o.id))
        score.add(what, WRONG, "stored " + ", ".join(f"{o.value} {o.breakdown!r}" for o in here))
        return
    # Stored under another series of the same subject, or under another subject: misfiled.
    for o in obs:
        if period_matches(o.period, start, end, fig.get("kind", "")) and \
                same_number(o.value, fig["value"]):
            claimed.add((tag, o.id))
            score.add(what, WRONG, f"stored under breakdown {o.breakdown!r}")
            return
    for other in [*indicators, *measures]:
        if other is subject:
            continue
        for o in _observations(other):
            if period_matches(o.period, start, end, fig.get("kind", "")) and \
                    same_number(o.value, fig["value"]) and o.source_id is not None:
                claimed.add(("m" if other._meta.model_name == "performancemeasure" else "i",
                             o.id))
                score.add(what, WRONG, f"stored under {str(other)[:60]}")
                return
    score.add(what, MISSING)


def _score_comparator(score, label, comp, subject, ComparatorValue):
    what = f"{label}: {comp['name']} {comp['period']} = {comp['value']}"
    if subject is None:
        score.add(what, MISSING, "its indicator or measure was not stored")
        return
    start, end = iso(comp["start"]), iso(comp["end"])
    field_name = "measure" if subject._meta.model_name == "performancemeasure" else "indicator"
    rows = [cv for cv in ComparatorValue.objects.filter(**{field_name: subject}).select_related(
        "comparator") if similar(cv.comparator.name, comp["name"]) >= 0.5]
    here = [cv for cv in rows if period_matches(cv.period, start, end, comp.get("kind", ""))]
    if any(same_number(cv.value, comp["value"]) for cv in here):
        score.add(what, RIGHT)
    elif here:
        score.add(what, WRONG, "stored " + ", ".join(str(cv.value) for cv in here))
    else:
        score.add(what, MISSING)


def _score_risk(score, label, risk, edition, ind, RiskAssessment):
    what = f"{label}: risk {risk['code']}"
    ra = RiskAssessment.objects.filter(risk__code__iexact=risk["code"], edition=edition
                                       ).select_related("risk").first() if edition else None
    if ra is None:
        score.add(what, MISSING)
        return
    level_ok = (ra.level or "").upper() == (risk.get("level") or "").upper()
    score.add(f"{what} level", RIGHT if level_ok else WRONG, f"stored {ra.level!r}")
    if risk.get("trend"):
        got = (ra.trend_text or ra.trend or "").upper()
        ok = got.startswith(risk["trend"].upper()[:6]) or risk["trend"].upper().startswith(
            got[:6] or "-")
        score.add(f"{what} trend", RIGHT if ok and got else MISSING if not got else WRONG,
                  f"stored {got!r}")
    if ind is not None:
        linked = ra.risk.indicators.filter(pk=ind.pk).exists()
        score.add(f"{what} linked to indicator", RIGHT if linked else WRONG)


# --- meetings -----------------------------------------------------------------------------

def _meeting(key):
    from scrutinydesk.committees.models import Meeting

    day = iso(key.get("date"))
    found = list(Meeting.objects.filter(date=day).select_related("committee")) if day else []
    if len(found) > 1 and key.get("committee"):
        return best(found, key["committee"], key=lambda m: m.committee.name, floor=0.0)
    return found[0] if found else None


def score_meeting(key: dict, source, score: PaperScore) -> None:
    from scrutinydesk.committees.models import Decision, Meeting
    from scrutinydesk.core.names import names_match

    meeting = _meeting(key)
    score.add("meeting", RIGHT if meeting else MISSING)
    if meeting is None:
        _all_missing(score, key)
        return
    if key.get("committee"):
        ok = similar(meeting.committee.name, key["committee"]) >= 0.6
        score.add("committee", RIGHT if ok else WRONG, meeting.committee.name)
    if key.get("status"):
        ok = meeting.status == key["status"] or (key["status"] == "held" and
                                                 meeting.status in ("held", "scheduled")
                                                 and meeting.attendance.exists())
        score.add("status", RIGHT if ok else WRONG, meeting.status)
    if key.get("start_time"):
        want = time.fromisoformat(key["start_time"])
        got = meeting.start_time
        score.add("start time", RIGHT if got == want else MISSING if got is None else WRONG,
                  str(got))
    if key.get("venue"):
        got = meeting.venue
        ok = bool(got) and (similar(got, key["venue"]) >= 0.5 or contains(key["venue"], got)
                            or contains(got, key["venue"]))
        score.add("venue", RIGHT if ok else MISSING if not got else WRONG, got)
    if key.get("chair"):
        got = meeting.chaired_by.name if meeting.chaired_by else ""
        ok = bool(got) and names_match(got, key["chair"])
        score.add("chair", RIGHT if ok else MISSING if not got else WRONG, got)

    rows = list(meeting.attendance.select_related("member", "officer", "substitute_for"))
    for person in key.get("attendance", []):
        name = person["name"]
        what = f"attendance {name}"
        row = next((r for r in rows if names_match(str(r.person), name)), None)
        if row is None:
            score.add(what, MISSING)
            continue
        want = person.get("status", "present")
        ok = row.status == want
        score.add(f"{what} status", RIGHT if ok else WRONG, row.status)
        if person.get("substitute_for"):
            got = row.substitute_for.name if row.substitute_for else ""
            ok = bool(got) and names_match(got, person["substitute_for"])
            score.add(f"{what} substitutes for", RIGHT if ok else MISSING if not got else WRONG,
                      got)

    items = list(meeting.items.all())
    decisions = list(Decision.objects.filter(meeting=meeting))
    claimed = set()
    for entry in key.get("items", []):
        item = _find_item(items, entry)
        label = f"item {entry.get('number') or ''} {entry.get('title', '')[:40]}".strip()
        score.add(label, RIGHT if item else MISSING)
        if "exempt" in entry and item is not None:
            score.add(f"{label} exempt", RIGHT if item.exempt == entry["exempt"] else WRONG)
        for dec in entry.get("decisions", []):
            what = f"{label} decision {dec['kind']} '{dec.get('text_contains', '')[:30]}'"
            pool = [d for d in decisions if item is not None and d.agenda_item_id == item.id]
            found = next((d for d in pool if contains(d.text, dec.get("text_contains", ""))),
                         None)
            if found is None:
                found = next((d for d in decisions if contains(d.text, dec.get(
                    "text_contains", ""))), None)
                if found is not None:
                    claimed.add(found.id)
                    score.add(what, WRONG, "filed under another item"
                              if found.agenda_item_id else "filed under no item")
                    continue
                score.add(what, MISSING)
                continue
            claimed.add(found.id)
            ok = found.kind == dec["kind"]
            if ok and dec.get("recipient"):
                ok = similar(found.recipient, dec["recipient"]) >= 0.5
            score.add(what, RIGHT if ok else WRONG, f"{found.kind} {found.recipient!r}")
        for und in entry.get("undertakings", []):
            what = f"{label} undertaking by {und.get('owner', '')[:30]}"
            qs = meeting.undertakings.all()
            found = next((u for u in qs if contains(u.text, und.get("text_contains", ""))), None)
            if found is None:
                score.add(what, MISSING)
                continue
            ok = not und.get("owner") or similar(found.owner, und["owner"]) >= 0.4 or \
                contains(found.owner, und["owner"]) or names_match(found.owner, und["owner"])
            score.add(what, RIGHT if ok else WRONG, found.owner)
        for decl in entry.get("declarations", []):
            what = f"{label} declaration {decl.get('member', '')}"
            found = next((d for d in meeting.declarations.select_related("member")
                          if names_match(d.member.name, decl.get("member", ""))), None)
            score.add(what, RIGHT if found else MISSING)
    for d in decisions:
        if d.id not in claimed and d.source_id == getattr(source, "id", None):
            score.add(f"extra decision '{d.text[:40]}'", WRONG, d.kind)
    for day in key.get("future_meetings", []):
        ok = Meeting.objects.filter(committee=meeting.committee, date=iso(day)).exists()
        score.add(f"future meeting {day}", RIGHT if ok else MISSING)


def _find_item(items, entry):
    number = (entry.get("number") or "").strip().rstrip(".")
    title = entry.get("title", "")
    if number:
        same = [i for i in items if i.number.strip().rstrip(".") == number or
                i.minute_number.strip().rstrip(".") == number]
        if len(same) == 1 and (not title or similar(same[0].title, title) >= 0.3):
            return same[0]
    return best(items, title, floor=0.5)


def _all_missing(score, key):
    """Every fact of a meeting's key, counted missing (the meeting itself was not stored)."""
    for name in ("committee", "status", "start_time", "venue", "chair"):
        if key.get(name):
            score.add(name.replace("_", " "), MISSING)
    for person in key.get("attendance", []):
        score.add(f"attendance {person['name']}", MISSING)
        if person.get("substitute_for"):
            score.add(f"attendance {person['name']} substitutes for", MISSING)
    for entry in key.get("items", []):
        label = f"item {entry.get('number') or ''} {entry.get('title', '')[:40]}".strip()
        score.add(label, MISSING)
        if "exempt" in entry:
            score.add(f"{label} exempt", MISSING)
        if entry.get("pages"):
            score.add(f"{label} pages", MISSING)
        for dec in entry.get("decisions", []):
            score.add(f"{label} decision '{dec.get('text_contains', '')[:30]}'", MISSING)
        for und in entry.get("undertakings", []):
            score.add(f"{label} undertaking by {und.get('owner', '')[:30]}", MISSING)
        for decl in entry.get("declarations", []):
            score.add(f"{label} declaration {decl.get('member', '')}", MISSING)
    for member in key.get("members", []):
        name = member["name"] if isinstance(member, dict) else member
        score.add(f"member {name}", MISSING)
    for day in key.get("future_meetings", []):
        score.add(f"future meeting {day}", MISSING)


# --- action plans -------------------------------------------------------------------------

def score_action_plan(key: dict, source, score: PaperScore) -> None:
    from scrutinydesk.actionplans.models import ActionPlan

    plans = list(ActionPlan.objects.all())
    plan = best(plans, key.get("title", ""), floor=0.4)
    if plan is None and source is not None:
        plan = ActionPlan.objects.filter(source=source).first()
    score.add("plan", RIGHT if plan else MISSING)
    actions = list(plan.actions.select_related("priority")) if plan else []
    for prio in key.get("priorities", []):
        for act in prio.get("actions", []):
            label = f"action {act.get('number', '')} '{act.get('text_contains', '')[:30]}'"
            found = None
            if act.get("number"):
                found = next((a for a in actions if a.number.strip(" .") ==
                              act["number"].strip(" .")), None)
            if found is None:
                found = next((a for a in actions if contains(a.text, act.get(
                    "text_contains", ""))), None)
            score.add(label, RIGHT if found else MISSING)
            if found is None:
                continue
            if act.get("lead"):
                ok = contains(found.lead, act["lead"]) or similar(found.lead, act["lead"]) >= .5
                score.add(f"{label} lead", RIGHT if ok else MISSING if not found.lead else WRONG,
                          found.lead)
            if act.get("due"):
                got = found.due
                score.add(f"{label} due", RIGHT if got == iso(act["due"]) else
                          MISSING if got is None else WRONG, str(got))
            if act.get("status"):
                got = found.status
                score.add(f"{label} status", RIGHT if got == act["status"] else
                          MISSING if not got else WRONG, got)
            if act.get("rag"):
                got = rag_letter(found.rag_rating)
                score.add(f"{label} RAG", RIGHT if got == rag_letter(act["rag"]) else
                          MISSING if not got else WRONG, got)
            for fig in act.get("figures", []):
                text = " ".join([found.text, found.measures_of_success, found.progress,
                                 *(m.text for m in found.milestones.all())])
                shown = _number_text(fig["value"])
                ok = any(contains(text, form) for form in shown)
                score.add(f"{label} figure {fig['value']}", RIGHT if ok else MISSING)


def _number_text(value) -> list[str]:
    d = Decimal(str(value))
    plain = format(d.normalize(), "f")
    forms = {plain, f"{d:,}".rstrip("0").rstrip(".") if "." in f"{d:,}" else f"{d:,}"}
    return sorted(forms)


# --- agenda packs -------------------------------------------------------------------------

def score_agenda_pack(key: dict, source, score: PaperScore) -> None:
    meeting = _meeting(key)
    score.add("meeting", RIGHT if meeting else MISSING)
    if meeting is None:
        _all_missing(score, key)
        return
    items = list(meeting.items.all())
    for entry in key.get("items", []):
        item = _find_item(items, entry)
        label = f"item {entry.get('number') or ''} {entry.get('title', '')[:40]}".strip()
        score.add(label, RIGHT if item else MISSING)
        if item is None:
            continue
        pages = entry.get("pages")
        if pages:
            got = [item.page_start, item.page_end or item.page_start]
            want = [pages[0], pages[-1]]
            score.add(f"{label} pages", RIGHT if got == want else
                      MISSING if item.page_start is None else WRONG, str(got))
        if "exempt" in entry:
            score.add(f"{label} exempt", RIGHT if item.exempt == entry["exempt"] else WRONG)
            if entry.get("exempt_paragraph"):
                ok = item.exempt_paragraph.strip() == str(entry["exempt_paragraph"]).strip()
                score.add(f"{label} paragraph", RIGHT if ok else
                          MISSING if not item.exempt_paragraph else WRONG, item.exempt_paragraph)
    from scrutinydesk.committees.models import Membership
    from scrutinydesk.core.names import names_match

    seats = list(Membership.objects.filter(committee=meeting.committee).select_related("member"))
    for member in key.get("members", []):
        name = member["name"] if isinstance(member, dict) else member
        found = next((s for s in seats if names_match(s.member.name, name)), None)
        score.add(f"member {name}", RIGHT if found else MISSING)


SCORERS = {
    "monitoring_report": score_monitoring_report,
    "meeting_page": score_meeting,
    "minutes": score_meeting,
    "action_plan": score_action_plan,
    "agenda_pack": score_agenda_pack,
}
