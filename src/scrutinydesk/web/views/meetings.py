"""A meeting: its agenda, papers, minutes, attendance, declarations, decisions and
undertakings; and what is outstanding from earlier meetings when it meets."""

from collections import defaultdict

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from scrutinydesk.committees.models import (
    Attendance,
    Declaration,
    Meeting,
    Membership,
    Undertaking,
)
from scrutinydesk.committees.vocab import AttendanceStatus, AttendeeKind, DecisionKind

from ..components import paginate


def meeting_url(meeting) -> str:
    return reverse("web:meeting", args=[meeting.committee.slug, meeting.date])


def _meeting(request, slug, day):
    return get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related("committee", "chaired_by"),
        committee__slug=slug, date=day)


def _crumbs(meeting, *more):
    return [("Home", reverse("web:home")), ("Committees", reverse("web:committees")),
            (meeting.committee.name, reverse("web:committee", args=[meeting.committee.slug])),
            *more]


def chair_role(meeting, memberships) -> str:
    """The seat of the member in the chair ("Vice-Chairman"), where the minutes name one."""
    if meeting.chaired_by_id is None:
        return ""
    for membership in memberships:
        if membership.member_id == meeting.chaired_by_id and membership.current_on(meeting.date):
            return membership.get_role_display()
    return ""


def meeting(request, slug, day):
    item = _meeting(request, slug, day)
    items = list(item.items.all())
    documents = defaultdict(list)
    for document in item.documents.all():
        documents[document.agenda_item_id].append(document)
    by_id = {i.pk: i for i in items}
    decisions = defaultdict(list)
    for decision in item.decisions.all():
        decisions[decision.kind].append((by_id.get(decision.agenda_item_id), decision))
    attendance = defaultdict(list)
    for row in (Attendance.objects.filter(meeting=item)
                .select_related("member", "officer", "substitute_for")
                .order_by("kind", "member__name", "officer__name", "name")):
        key = row.status if row.kind == AttendeeKind.COMMITTEE_MEMBER else row.kind
        attendance[key].append(row)
    memberships = list(Membership.objects.filter(committee=item.committee))
    return render(request, "web/meetings/meeting.html", {
        "meeting": item,
        "agenda": [(i, documents.get(i.pk, [])) for i in items],
        "other_documents": documents.get(None, []),
        "has_minutes": any(i.minutes for i in items),
        "decisions": [(label, decisions[kind]) for kind, label in DecisionKind.choices
                      if decisions.get(kind)],
        "present": attendance[AttendanceStatus.PRESENT],
        "substitutes": attendance[AttendanceStatus.SUBSTITUTE],
        "apologies": attendance[AttendanceStatus.APOLOGIES],
        "absent": attendance[AttendanceStatus.ABSENT],
        "other_members": attendance[AttendeeKind.OTHER_MEMBER],
        "officers": attendance[AttendeeKind.OFFICER] + attendance[AttendeeKind.OTHER],
        "chair_role": chair_role(item, memberships),
        "declarations": list(Declaration.objects.visible_to(request.user).filter(meeting=item)
                             .select_related("member", "agenda_item")),
        "undertakings": list(Undertaking.objects.visible_to(request.user).filter(meeting=item)
                             .select_related("agenda_item")),
        "breadcrumbs": _crumbs(item, (f"{item.date:%-d %B %Y}", "")),
        "ical": reverse("web:committee-meetings-ical", args=[item.committee.slug]),
    })


def outstanding(request, slug, day):
    """Undertakings from the committee's earlier meetings still open or in progress: the
    chair's list for this meeting."""
    item = _meeting(request, slug, day)
    rows = (Undertaking.objects.visible_to(request.user).outstanding()
            .filter(meeting__committee=item.committee, meeting__date__lt=item.date)
            .select_related("meeting__committee", "agenda_item")
            .order_by("meeting__date", "due", "id"))
    return render(request, "web/meetings/outstanding.html", {
        "meeting": item, "page_obj": paginate(request, rows),
        "breadcrumbs": _crumbs(item, (f"{item.date:%-d %B %Y}", meeting_url(item)),
                               ("Outstanding undertakings", "")),
    })
