"""Everything exportable: each kind as nested JSON records and as flat CSV rows.

Each export is for a user (``None``: the public) and reads exempt-bearing records only
through ``visible_to(user)`` (core.visibility), so the public's export holds what the
public's pages do. The JSON shape is documented in docs/export-format.md; a test keeps the
two in step.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date

from django.db.models import Prefetch

from scrutinydesk.actionplans.models import ActionPlan
from scrutinydesk.api.tabular import json_default, write_records
from scrutinydesk.committees.models import Decision, Meeting, Undertaking, WorkProgrammeItem
from scrutinydesk.core.periods import Period
from scrutinydesk.outcomes.models import PerformanceMeasure, PopulationIndicator
from scrutinydesk.risks.models import Risk


def _item_label(item) -> str:
    """ "5. Title" by the agenda's number, else by the minute's ("117. Review of ...")."""
    number = item.number or item.minute_number
    return f"{number}. {item.title}" if number else item.title


def _source(obj) -> dict | None:
    if getattr(obj, "source_id", None) is None:
        return None
    return {"paper": obj.source.name, "sha256": obj.source.sha256,
            "page": obj.source_page, "page_end": obj.source_page_end}


def _period(p: Period | None) -> dict | None:
    return None if p is None else {"code": p.code, "label": p.label, "kind": p.kind.value,
                                   "start": p.start.isoformat(), "end": p.end.isoformat()}


def _observations(subject) -> list[dict]:
    return [{"period": _period(o.period), "value": o.value, "numerator": o.numerator,
             "denominator": o.denominator, "unit": o.unit or subject.unit,
             "breakdown": o.breakdown, "status": o.status, "source": _source(o)}
            for o in subject.observations.all()]


def _comparators(subject) -> list[dict]:
    return [{"comparator": v.comparator.name, "kind": v.comparator.kind,
             "period": _period(v.period), "value": v.value, "lower_limit": v.lower_limit,
             "upper_limit": v.upper_limit, "source": _source(v)}
            for v in subject.comparatorvalues.select_related("comparator")]


def _stated(subject) -> list[dict]:
    out = []
    for s in subject.statedjudgements.select_related("edition", "benchmark_comparator"):
        out.append({
            "edition": s.edition.edition.strftime("%Y-%m"), "code": s.code,
            "latest": {"text": s.latest_text, "value": s.latest_value,
                       "period": _period(s.latest_period)},
            "previous": {"text": s.previous_text, "value": s.previous_value,
                         "period": _period(s.previous_period)},
            "trend": {"text": s.trend_text, "word": s.trend, "rag": s.trend_rag},
            "benchmark": {"text": s.benchmark_text,
                          "comparator": s.benchmark_comparator.name
                          if s.benchmark_comparator else "",
                          "word": s.benchmark, "value": s.benchmark_value,
                          "period": _period(s.benchmark_period), "rag": s.benchmark_rag},
            "source": _source(s),
        })
    return out


def _commentary(subject) -> list[dict]:
    return [{"kind": c.kind, "edition": c.edition.edition.strftime("%Y-%m") if c.edition else None,
             "text": c.text, "source": _source(c)}
            for c in subject.commentaries.select_related("edition")]


def _measured(obj) -> dict:
    return {
        "code": obj.code, "title": obj.title, "outcome": obj.outcome.name, "unit": obj.unit,
        "unit_label": obj.unit_label, "frequency": obj.frequency, "polarity": obj.polarity,
        "lead_officers": [o.name for o in obj.lead_officers.all()],
        "observations": _observations(obj), "comparators": _comparators(obj),
        "stated_judgements": _stated(obj), "commentary": _commentary(obj),
        "source": _source(obj),
    }


def indicators(user=None) -> Iterable[dict]:
    for ind in PopulationIndicator.objects.select_related("outcome", "parent").order_by(
            "outcome__name", "number", "title"):
        yield {**_measured(ind), "number": ind.number,
               "part_of": ind.parent.title if ind.parent else None,
               "outcome_lead_officers": [o.name for o in ind.outcome_lead_officers.all()],
               "partners": ind.partners,
               "risks": [r.code for r in ind.risks.all()],
               "measures": [m.title for m in ind.measures.all()]}


def measures(user=None) -> Iterable[dict]:
    for m in PerformanceMeasure.objects.select_related("outcome", "indicator").order_by(
            "outcome__name", "title"):
        yield {**_measured(m), "indicator": str(m.indicator) if m.indicator else None}


def risks(user=None) -> Iterable[dict]:
    for r in Risk.objects.prefetch_related("assessments", "indicators", "outcomes"):
        yield {"code": r.code, "title": r.title, "owner": r.owner,
               "outcomes": [o.name for o in r.outcomes.all()],
               "indicators": [str(i) for i in r.indicators.all()],
               "assessments": [{"assessed_on": a.assessed_on, "level": a.level,
                                "score": a.score, "trend": a.trend, "trend_text": a.trend_text,
                                "source": _source(a)} for a in r.assessments.all()],
               "source": _source(r)}


def meetings(user=None) -> Iterable[dict]:
    qs = Meeting.objects.visible_to(user).select_related("committee", "chaired_by") \
        .prefetch_related(Prefetch("items__decisions", Decision.objects.visible_to(user)),
                          Prefetch("items__undertakings", Undertaking.objects.visible_to(user)),
                          "declarations__member", "declarations__agenda_item")
    for m in qs.order_by("date"):
        items = m.items.all()
        yield {
            "committee": m.committee.name, "date": m.date, "start_time": m.start_time,
            "end_time": m.end_time, "venue": m.venue, "status": m.status,
            "chaired_by": m.chaired_by.name if m.chaired_by else None,
            "declarations_none": m.declarations_none,
            "items": [{
                "number": i.number, "minute_number": i.minute_number, "title": i.title,
                "description": i.description, "pages": [i.page_start, i.page_end],
                "exempt": i.exempt, "exempt_paragraph": i.exempt_paragraph,
                "minutes": i.minutes,
                "decisions": [{"kind": d.kind, "number": d.number, "text": d.text,
                               "reason": d.reason, "recipient": d.recipient,
                               "source": _source(d)} for d in i.decisions.all()],
                "undertakings": [{"owner": u.owner, "text": u.text, "due": u.due,
                                  "status": u.status} for u in i.undertakings.all()],
                "source": _source(i),
            } for i in items],
            "attendance": [{"name": (a.member or a.officer).name if (a.member or a.officer)
                            else a.name, "kind": a.kind, "status": a.status,
                            "capacity": a.capacity,
                            "substitute_for": a.substitute_for.name if a.substitute_for
                            else None} for a in m.attendance.select_related(
                                "member", "officer", "substitute_for")],
            "declarations": [{"member": d.member.name, "item": (d.agenda_item.number or
                                                                d.agenda_item.minute_number)
                              if d.agenda_item else None, "kind": d.kind,
                              "interest": d.interest}
                             for d in m.declarations.all()],
            "source": _source(m),
        }


def undertakings(user=None) -> Iterable[dict]:
    qs = Undertaking.objects.visible_to(user).select_related("meeting__committee",
                                                             "agenda_item")
    today = date.today()
    for u in qs.order_by("meeting__date", "id"):
        yield {"committee": u.meeting.committee.name, "meeting": u.meeting.date,
               "item": _item_label(u.agenda_item) if u.agenda_item else None, "owner": u.owner,
               "text": u.text, "due": u.due, "status": u.status,
               "overdue": u.is_overdue(today), "source": _source(u)}


def workprogramme(user=None) -> Iterable[dict]:
    for w in WorkProgrammeItem.objects.select_related("committee", "target_meeting"):
        priority, reason = w.priority
        yield {"committee": w.committee.name, "topic": w.topic, "purpose": w.purpose,
               "key_lines_of_enquiry": w.key_lines_of_enquiry, "lead": w.lead,
               "category": w.category, "status": w.status,
               "target_date": w.target_date, "target_end_date": w.target_end_date,
               "prioritisation": w.prioritisation,
               "priority": priority.value if priority else None, "priority_reason": reason,
               "source": _source(w)}


def actionplans(user=None) -> Iterable[dict]:
    for plan in ActionPlan.objects.prefetch_related("priorities", "actions__milestones"):
        yield {"title": plan.title, "owner": plan.owner, "published_on": plan.published_on,
               "priorities": [{"number": p.number, "title": p.title} for p in
                              plan.priorities.all()],
               "actions": [{"number": a.number, "priority": a.priority.number
                            if a.priority else None, "text": a.text,
                            "timescale": a.timescale, "due": a.due,
                            "measures_of_success": a.measures_of_success, "lead": a.lead,
                            "progress": a.progress, "status": a.status, "rag": a.rag_rating,
                            "milestones": [{"text": ms.text, "due": ms.due,
                                            "status": ms.status} for ms in a.milestones.all()],
                            "source": _source(a)} for a in plan.actions.all()],
               "source": _source(plan)}


def findings(user=None) -> Iterable[dict]:
    from scrutinydesk.findings.models import Finding

    for f in Finding.objects.visible_to(user).select_related("indicator", "measure", "edition"):
        yield {"kind": f.kind, "severity": f.severity,
               "indicator": str(f.indicator) if f.indicator else None,
               "measure": str(f.measure) if f.measure else None,
               "edition": f.edition.edition.strftime("%Y-%m") if f.edition else None,
               "stated": f.stated, "computed": f.computed, "explanation": f.explanation,
               "status": f.status, "still_holds": f.still_holds, "source": _source(f)}


EXPORTS: dict[str, Callable[..., Iterable[dict]]] = {
    "indicators": indicators, "measures": measures, "risks": risks, "meetings": meetings,
    "undertakings": undertakings, "workprogramme": workprogramme,
    "actionplans": actionplans, "findings": findings,
}

# CSV: one row per leaf record, with its parents' identifying columns.
CSV_ROWS: dict[str, Callable[[dict], Iterable[dict]]] = {
    "indicators": lambda r: ({"outcome": r["outcome"], "code": r["code"], "title": r["title"],
                              "unit": o["unit"], "period": o["period"]["label"],
                              "period_code": o["period"]["code"], "breakdown": o["breakdown"],
                              "value": o["value"], "status": o["status"],
                              "paper": (o["source"] or {}).get("paper"),
                              "page": (o["source"] or {}).get("page")}
                             for o in r["observations"]),
    "meetings": lambda r: ({"committee": r["committee"], "date": r["date"],
                            "item": i["number"], "minute": i["minute_number"],
                            "title": i["title"], "decisions": len(i["decisions"]),
                            "undertakings": len(i["undertakings"]), "exempt": i["exempt"]}
                           for i in r["items"]),
    "risks": lambda r: ({"code": r["code"], "title": r["title"], **{
        k: a[k] for k in ("assessed_on", "level", "score", "trend", "trend_text")}}
        for a in r["assessments"]),
    "actionplans": lambda r: ({"plan": r["title"], "number": a["number"],
                               "priority": a["priority"], "text": a["text"],
                               "timescale": a["timescale"], "due": a["due"], "lead": a["lead"],
                               "status": a["status"], "rag": a["rag"],
                               "progress": a["progress"],
                               "milestones": len(a["milestones"])} for a in r["actions"]),
}
CSV_ROWS["measures"] = CSV_ROWS["indicators"]


def export_json(kind: str, user=None) -> str:
    """The ``kind`` export as JSON, as ``user`` may see it (``None``: the public)."""
    return json.dumps(list(EXPORTS[kind](user)), default=json_default, ensure_ascii=False,
                      indent=2)


def rows(kind: str, user=None) -> list[dict]:
    """The ``kind`` export as flat rows: one per leaf record (docs/export-format.md)."""
    out: list[dict] = []
    flatten = CSV_ROWS.get(kind)
    for record in EXPORTS[kind](user):
        if flatten:
            out.extend(flatten(record))
        else:
            out.append({k: v for k, v in record.items() if k != "source"}
                       | {"paper": (record.get("source") or {}).get("paper")})
    return out


def export_csv(kind: str, user=None) -> str:
    """The ``kind`` export as CSV, as ``user`` may see it (``None``: the public)."""
    flat = rows(kind, user)
    return write_records("csv", flat).decode("utf-8") if flat else ""


def export_xlsx(kind: str, user=None) -> bytes:
    """The ``kind`` export as an XLSX workbook of the CSV's rows."""
    return write_records("xlsx", rows(kind, user), title=kind)


def export(kind: str, fmt: str, user=None) -> bytes:
    """The ``kind`` export in ``fmt`` (json, csv or xlsx) as bytes."""
    if fmt == "json":
        return export_json(kind, user).encode("utf-8")
    if fmt == "csv":
        return export_csv(kind, user).encode("utf-8")
    if fmt == "xlsx":
        return export_xlsx(kind, user)
    raise ValueError(f"no export format {fmt!r}")
