"""Committees: the list, a committee with its members, attendance and meetings, its work
programme, and a member's page."""

from collections import Counter, defaultdict
from datetime import date

from django.contrib import messages
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from scrutinydesk.accounts.roles import Role, role_required
from scrutinydesk.api.tabular import Column as ExportColumn
from scrutinydesk.api.tabular import export_response
from scrutinydesk.committees.models import (
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Member,
    Membership,
    Undertaking,
    WorkProgrammeItem,
)
from scrutinydesk.committees.prioritisation import QUESTIONS
from scrutinydesk.committees.vocab import AttendanceStatus, MeetingStatus

from ..components import paginate
from ..forms import MoveTopicForm

# The columns of a member's attendance record, in the council's words.
ATTENDANCE_COLUMNS = [
    (AttendanceStatus.PRESENT, "Present"),
    (AttendanceStatus.SUBSTITUTE, "Present as substitute"),
    (AttendanceStatus.APOLOGIES, "Apologies"),
    (AttendanceStatus.ABSENT, "Absent"),
    (AttendanceStatus.NOT_RECORDED, "Not recorded"),
]


def committees(request):
    return render(request, "web/committees/list.html", {
        "page_obj": paginate(request, Committee.objects.all()),
        "breadcrumbs": [("Home", reverse("web:home")), ("Committees", "")],
    })


def attendance_record(committee, memberships, today: date | None = None) -> list[dict]:
    """Each membership's attendance at the committee's meetings recorded as held during its
    term:
    how often the minutes record the member present, as substitute, giving apologies or
    absent, and at how many meetings the minutes record nothing of them ("not
    recorded", never counted as absent)."""
    today = today or date.today()
    held = list(Meeting.objects.filter(committee=committee, date__lte=today,
                                       status=MeetingStatus.HELD).values_list("pk", "date"))
    recorded = {(a["meeting_id"], a["member_id"]): a["status"] for a in
                Attendance.objects.filter(meeting__committee=committee, member__isnull=False)
                .values("meeting_id", "member_id", "status")}
    rows = []
    for membership in memberships:
        counts = Counter()
        for meeting_id, day in held:
            if membership.current_on(day):
                counts[recorded.get((meeting_id, membership.member_id),
                                    AttendanceStatus.NOT_RECORDED)] += 1
        rows.append({"membership": membership, "meetings": sum(counts.values()),
                     "counts": [counts[status] for status, _ in ATTENDANCE_COLUMNS]})
    return rows


def future_meetings(meetings, today: date) -> Q:
    """The committee's meetings to come: those from today on, and those the papers list as
    scheduled after the last meeting recorded as held (its calendar as last published)."""
    last_held = (meetings.filter(status=MeetingStatus.HELD).order_by("-date")
                 .values_list("date", flat=True).first())
    coming = Q(date__gte=today)
    if last_held:
        coming |= Q(status=MeetingStatus.SCHEDULED, date__gt=last_held)
    return coming


def committee(request, slug):
    item = get_object_or_404(Committee, slug=slug)
    today = date.today()
    memberships = list(Membership.objects.filter(committee=item).select_related("member")
                       .order_by("role", "member__name"))
    meetings = (Meeting.objects.visible_to(request.user).filter(committee=item)
                .select_related("committee"))
    coming = future_meetings(meetings, today)
    upcoming = list(meetings.filter(coming).order_by("date"))
    past = meetings.exclude(coming).order_by("-date")
    programme = (WorkProgrammeItem.objects.filter(committee=item)
                 .select_related("target_meeting").order_by("target_date", "topic"))
    return render(request, "web/committees/committee.html", {
        "committee": item,
        "memberships": memberships,
        "attendance": attendance_record(item, memberships, today),
        "attendance_columns": [label for _, label in ATTENDANCE_COLUMNS],
        "upcoming": upcoming,
        "page_obj": paginate(request, past),
        "programme": list(programme.filter(
            target_date__gte=upcoming[0].date if upcoming else today)[:10]),
        "breadcrumbs": [("Home", reverse("web:home")), ("Committees", reverse("web:committees")),
                        (item.name, "")],
        "ical": reverse("web:committee-meetings-ical", args=[item.slug]),
    })


WORK_PROGRAMME = [
    ExportColumn("Meeting date", lambda w: w.target_date),
    ExportColumn("Topic", "topic"), ExportColumn("Purpose", "purpose"),
    ExportColumn("Lead", "lead"), ExportColumn("Status", lambda w: w.get_status_display()),
    ExportColumn("Priority", lambda w: w.priority[0].label if w.priority[0] else ""),
    ExportColumn("Reason", lambda w: w.priority[1]),
]


def work_programme(request, slug):
    """The forward plan by meeting date, with each proposed topic's prioritisation."""
    item = get_object_or_404(Committee, slug=slug)
    topics = (WorkProgrammeItem.objects.filter(committee=item).select_related("target_meeting")
              .order_by(F("target_date").asc(nulls_last=True), "category", "topic"))
    if response := export_response(request, topics, WORK_PROGRAMME, f"{slug}-work-programme"):
        return response
    page = paginate(request, topics)
    by_date = defaultdict(list)
    for topic in page:
        by_date[topic.target_date].append(topic)
    return render(request, "web/committees/work_programme.html", {
        "committee": item, "page_obj": page, "by_date": list(by_date.items()),
        "questions": list(QUESTIONS.items()),
        "breadcrumbs": [("Home", reverse("web:home")), ("Committees", reverse("web:committees")),
                        (item.name, reverse("web:committee", args=[item.slug])),
                        ("Work programme", "")],
    })


def member(request, pk):
    person = get_object_or_404(Member, pk=pk)
    memberships = list(person.memberships.select_related("committee")
                       .order_by("committee__name", "-start"))
    attendance = (Attendance.objects.filter(member=person)
                  .select_related("meeting__committee", "substitute_for")
                  .order_by("-meeting__date"))
    undertakings = (Undertaking.objects.visible_to(request.user).filter(owner_member=person)
                    .select_related("meeting__committee").order_by("-meeting__date"))
    declarations = (Declaration.objects.visible_to(request.user).filter(member=person)
                    .select_related("meeting__committee", "agenda_item")
                    .order_by("-meeting__date"))
    return render(request, "web/committees/member.html", {
        "person": person, "memberships": memberships,
        "page_obj": paginate(request, attendance),
        "undertakings": paginate(request, undertakings, param="undertakings_page"),
        "declarations": paginate(request, declarations, param="declarations_page"),
        "breadcrumbs": [("Home", reverse("web:home")), ("Committees", reverse("web:committees")),
                        (person.name, "")],
    })


@role_required(Role.CLERK)
def move_topic(request, slug, pk):
    """Clerks: move a topic to another meeting of the committee."""
    item = get_object_or_404(Committee, slug=slug)
    topic = get_object_or_404(WorkProgrammeItem, committee=item, pk=pk)
    meetings = (Meeting.objects.visible_to(request.user).filter(committee=item)
                .order_by("date"))
    form = MoveTopicForm(request.POST or None, meetings=meetings,
                         initial={"meeting": topic.target_meeting_id})
    if request.method == "POST" and form.is_valid():
        meeting = form.cleaned_data["meeting"]
        topic.target_meeting, topic.target_date = meeting, meeting.date
        topic.save(update_fields=["target_meeting", "target_date"])
        messages.success(request, f"{topic.topic} moved to the meeting of "
                                  f"{meeting.date:%-d %B %Y}.")
        return redirect(reverse("web:work-programme", args=[item.slug]) + f"#topic-{topic.pk}")
    return render(request, "web/committees/move_topic.html", {
        "committee": item, "topic": topic, "form": form,
        "breadcrumbs": [("Home", reverse("web:home")), ("Committees", reverse("web:committees")),
                        (item.name, reverse("web:committee", args=[item.slug])),
                        ("Work programme", reverse("web:work-programme", args=[item.slug])),
                        ("Move a topic", "")],
    })
