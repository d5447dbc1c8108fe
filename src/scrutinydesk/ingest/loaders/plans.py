"""Action plans and the committee work programme."""

from __future__ import annotations

from scrutinydesk.actionplans.models import Action, ActionPlan, Milestone, Priority
from scrutinydesk.committees.models import Committee, Meeting, Membership, WorkProgrammeItem
from scrutinydesk.committees.vocab import MembershipRole, WorkProgrammeStatus
from scrutinydesk.ingest.records import ParsedActionPlan, ParsedWorkProgramme
from scrutinydesk.outcomes.titles import normalise_title

from .base import LoadContext


def load_action_plan(ctx: LoadContext, parsed: ParsedActionPlan, *,
                     committee: Committee | None = None,
                     meeting: Meeting | None = None) -> ActionPlan:
    existing = next((p for p in ActionPlan.objects.filter(published_on=parsed.published_on)
                     if normalise_title(p.title) == normalise_title(parsed.title)), None)
    lookup = {"pk": existing.pk} if existing else {"title": parsed.title[:500],
                                                  "published_on": parsed.published_on}
    plan = ctx.upsert(ActionPlan, lookup, {
        "owner": parsed.owner[:300], "summary": parsed.summary,
        "committee": committee, "meeting": meeting,
    }, parsed.ref)
    position = 0
    for p_position, parsed_priority in enumerate(parsed.priorities, start=1):
        priority = None
        if parsed_priority.title or parsed_priority.number:
            priority = ctx.upsert(Priority, {"plan": plan, "position": p_position}, {
                "number": parsed_priority.number[:20],
                "title": (parsed_priority.title or parsed_priority.number)[:1000],
                "description": parsed_priority.description,
            }, parsed_priority.ref)
        for parsed_action in parsed_priority.actions:
            position += 1
            action = ctx.upsert(Action, {"plan": plan, "position": position}, {
                "priority": priority,
                "number": parsed_action.number[:20],
                "text": parsed_action.text,
                "timescale": parsed_action.timescale[:200],
                "due": parsed_action.due,
                "measures_of_success": parsed_action.measures_of_success,
                "lead": parsed_action.lead,
                "status": parsed_action.status,
                "rag": parsed_action.rag,
                "progress": parsed_action.progress,
            }, parsed_action.ref)
            for m_position, milestone in enumerate(parsed_action.milestones, start=1):
                ctx.upsert(Milestone, {"action": action, "position": m_position}, {
                    "text": milestone.text, "due_text": milestone.due_text[:100],
                    "due": milestone.due, "status": milestone.status,
                }, milestone.ref)
    return plan


def load_work_programme(ctx: LoadContext, parsed: ParsedWorkProgramme,
                        committee: Committee) -> list[WorkProgrammeItem]:
    if parsed.lead_officer and not committee.lead_officer:
        committee.lead_officer = parsed.lead_officer[:300]
        committee.save()
        ctx.count(Committee, "updated")
    for printed, role in ((parsed.chairman, MembershipRole.CHAIR),
                          (parsed.vice_chairman, MembershipRole.VICE_CHAIR)):
        person = ctx.member(printed, committee) if printed else None
        if person is not None:
            ctx.upsert(Membership, {"committee": committee, "member": person, "role": role,
                                    "start": None}, {}, parsed.ref)
    items = []
    for parsed_item in parsed.items:
        meeting = None
        if parsed_item.meeting_date:
            meeting = ctx.upsert(Meeting, {"committee": committee,
                                           "date": parsed_item.meeting_date},
                                 {"start_time": parsed_item.meeting_time}, parsed_item.ref)
        status = WorkProgrammeStatus.SCHEDULED if meeting else _status(parsed_item.category)
        existing = next((w for w in WorkProgrammeItem.objects.filter(
            committee=committee, target_date=parsed_item.meeting_date)
            if normalise_title(w.topic) == normalise_title(parsed_item.topic)), None)
        lookup = {"pk": existing.pk} if existing else {
            "committee": committee, "topic": parsed_item.topic[:1000],
            "target_date": parsed_item.meeting_date}
        items.append(ctx.upsert(WorkProgrammeItem, lookup, {
            "purpose": parsed_item.purpose,
            "key_lines_of_enquiry": parsed_item.key_lines_of_enquiry,
            "lead": parsed_item.lead[:300],
            "corporate_plan_reference": parsed_item.corporate_plan_reference[:300],
            "target_meeting": meeting,
            "target_end_date": parsed_item.target_end_date,
            "category": (parsed_item.category or "")[:200],
            "status": status,
            "prioritisation": parsed_item.prioritisation,
        }, parsed_item.ref))
    return items


def _status(category: str) -> str:
    low = (category or "").lower()
    if "currently under" in low or "in progress" in low:
        return WorkProgrammeStatus.UNDER_REVIEW
    return WorkProgrammeStatus.PROPOSED
