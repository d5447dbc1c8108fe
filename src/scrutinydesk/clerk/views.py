"""The clerk's pages. Thin: forms check the input, services do the work (one transaction
each), and every exempt-bearing record is fetched through the visibility layer."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST

from scrutinydesk.accounts.roles import Role, role_required
from scrutinydesk.committees.models import (
    AgendaItem,
    Attendance,
    Decision,
    Declaration,
    Meeting,
    Undertaking,
    WorkProgrammeItem,
)
from scrutinydesk.committees.vocab import UndertakingStatus
from scrutinydesk.web.components import paginate

from . import forms, services
from .models import AgendaPack, AttachmentImport
from .pack import PackError

clerk_only = role_required(Role.CLERK)
clerk_or_officer = role_required(Role.CLERK, Role.OFFICER)
officer_only = role_required(Role.OFFICER)  # action plans are officers' to change

# URL names of an imported paper's review page, tried in turn (the page may not exist).
REVIEW_URL_NAMES = ("web:review-paper", "web:review", "ingest:review")


def _crumbs(*trail):
    return [("Home", reverse("web:home")), ("Clerk's desk", reverse("clerk:home")), *trail]


def _meeting_crumb(meeting):
    return (f"{meeting.committee.name}, {meeting.date:%-d %B %Y}",
            reverse("clerk:meeting", args=[meeting.pk]))


def _meeting(request, pk):
    return get_object_or_404(Meeting.objects.visible_to(request.user)
                             .select_related("committee"), pk=pk)


def review_url(paper_id: int | None) -> str:
    """The review page of an imported paper, where the site has one."""
    if not paper_id:
        return ""
    for name in REVIEW_URL_NAMES:
        try:
            return reverse(name, args=[paper_id])
        except NoReverseMatch:
            continue
    return ""


def public_meeting_url(meeting) -> str:
    """The meeting's public page, where the site has one."""
    try:
        return reverse("web:meeting", args=[meeting.committee.slug, meeting.date])
    except NoReverseMatch:
        return ""


# --- meetings ------------------------------------------------------------------------

@clerk_only
def home(request):
    meetings = Meeting.objects.select_related("committee").order_by("-date")
    committee = request.GET.get("committee", "")
    if committee.isdigit():
        meetings = meetings.filter(committee_id=int(committee))
    from scrutinydesk.committees.models import Committee

    return render(request, "clerk/home.html", {
        "page_obj": paginate(request, meetings), "committees": Committee.objects.all(),
        "committee": committee,
        "breadcrumbs": [("Home", reverse("web:home")), ("Clerk's desk", "")],
    })


@clerk_only
def meeting_create(request):
    form = forms.MeetingForm(request.POST or None, initial={
        "committee": request.GET.get("committee")})
    if request.method == "POST" and form.is_valid():
        meeting = form.save()
        messages.success(request, f"Meeting created: {meeting}.")
        return redirect("clerk:meeting", meeting.pk)
    return render(request, "clerk/form.html", {
        "form": form, "title": "Create a meeting", "submit": "Create meeting",
        "breadcrumbs": _crumbs(("Create a meeting", ""))})


@clerk_only
def meeting(request, pk):
    meeting = _meeting(request, pk)
    items = list(meeting.items.all())
    item_rows = [(item, index == 0, index == len(items) - 1) for index, item in
                 enumerate(items)]
    return render(request, "clerk/meeting.html", {
        "meeting": meeting, "item_rows": item_rows,
        "attendance": meeting.attendance.select_related("member", "officer", "substitute_for"),
        "paper_rows": _paper_rows(meeting, request.user),
        "public_url": public_meeting_url(meeting),
        "packs": AgendaPack.objects.visible_to(request.user).filter(meeting=meeting),
        "history": meeting.history.select_related("history_user")[:10],
        "breadcrumbs": _crumbs((f"{meeting.committee.name}, {meeting.date:%-d %B %Y}", "")),
    })


def _paper_rows(meeting, user):
    """Each paper with the import of its upload and the review page of the paper read."""
    imports = {i.document_id: i for i in AttachmentImport.objects.visible_to(user).filter(
        document__in=[d.pk for d in meeting.documents.all()])}
    rows = []
    for document in meeting.documents.all():
        attachment = imports.get(document.pk)
        paper = attachment.paper_id if attachment else document.source_id
        rows.append((document, attachment, review_url(paper)))
    return rows


@clerk_only
def meeting_reschedule(request, pk):
    meeting = _meeting(request, pk)
    initial = {"date": meeting.date, "start_time": meeting.start_time,
               "end_time": meeting.end_time, "venue": meeting.venue,
               "start_time_revised": services.START_TIME_REVISED in meeting.note}
    form = forms.RescheduleForm(request.POST or None, initial=initial, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        services.reschedule(meeting, **form.cleaned_data)
        messages.success(request, f"Meeting rescheduled to {meeting.date:%-d %B %Y}.")
        return redirect("clerk:meeting", meeting.pk)
    return render(request, "clerk/form.html", {
        "form": form, "title": "Reschedule the meeting", "submit": "Reschedule",
        "meeting": meeting,
        "breadcrumbs": _crumbs(_meeting_crumb(meeting), ("Reschedule", ""))})


@clerk_only
def meeting_cancel(request, pk):
    meeting = _meeting(request, pk)
    form = forms.CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.cancel(meeting, reason=form.cleaned_data["reason"])
        messages.success(request, "The meeting is cancelled.")
        return redirect("clerk:meeting", meeting.pk)
    return render(request, "clerk/form.html", {
        "form": form, "title": "Cancel the meeting", "submit": "Cancel the meeting",
        "warning": True, "meeting": meeting,
        "lede": f"{meeting} will show as cancelled on every page and in the calendar.",
        "breadcrumbs": _crumbs(_meeting_crumb(meeting), ("Cancel", ""))})


# --- agenda ---------------------------------------------------------------------------

@clerk_only
def item_create(request, pk):
    meeting = _meeting(request, pk)
    item = AgendaItem(meeting=meeting, position=services.next_position(meeting))
    return _item_form(request, meeting, item, "Add an agenda item", "Add item")


@clerk_only
def item_edit(request, pk):
    item = get_object_or_404(AgendaItem.objects.visible_to(request.user), pk=pk)
    meeting = _meeting(request, item.meeting_id)
    return _item_form(request, meeting, item, f"Change item {item.number or item.title}",
                      "Save item")


def _item_form(request, meeting, item, title, submit):
    form = forms.AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
        messages.success(request, f"Agenda item saved: {saved}.")
        return redirect(reverse("clerk:meeting", args=[meeting.pk]) + "#agenda")
    return render(request, "clerk/form.html", {
        "form": form, "title": title, "submit": submit, "meeting": meeting,
        "breadcrumbs": _crumbs(_meeting_crumb(meeting), (title, ""))})


@clerk_only
@require_POST
def item_move(request, pk):
    item = get_object_or_404(AgendaItem.objects.visible_to(request.user), pk=pk)
    direction = request.POST.get("direction", "")
    if services.move_item(item, direction):
        messages.success(request, f"Moved {item} {direction}.")
    return redirect(reverse("clerk:meeting", args=[item.meeting_id]) + "#agenda")


# --- papers ---------------------------------------------------------------------------

@clerk_only
def document_create(request, pk):
    meeting = _meeting(request, pk)
    form = forms.DocumentForm(request.POST or None, request.FILES or None, meeting=meeting,
                              initial={"agenda_item": request.GET.get("item")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = services.attach_document(
            meeting, data=data["data"], name=data["file"].name, title=data["title"],
            kind=data["kind"], agenda_item=data["agenda_item"], exempt=data["exempt"],
            user=request.user)
        messages.success(request, f"“{document.title}” is attached; it is being imported.")
        return redirect(reverse("clerk:meeting", args=[meeting.pk]) + "#papers")
    return render(request, "clerk/form.html", {
        "form": form, "title": "Attach a paper", "submit": "Upload paper", "upload": True,
        "meeting": meeting,
        "breadcrumbs": _crumbs(_meeting_crumb(meeting), ("Attach a paper", ""))})


@clerk_only
@require_POST
def pack_publish(request, pk):
    meeting = _meeting(request, pk)
    try:
        public, members = services.publish_packs(meeting, user=request.user)
    except PackError as exc:
        messages.error(request, f"The agenda pack was not published: {exc}")
    else:
        messages.success(request, f"Agenda pack published: {public.page_count} pages for the "
                                  f"public, {members.page_count} in the members' pack.")
    return redirect(reverse("clerk:meeting", args=[meeting.pk]) + "#pack")


def pack_download(request, pk):
    """A published agenda pack: the public gets the public pack only."""
    pack = get_object_or_404(AgendaPack.objects.visible_to(request.user)
                             .select_related("meeting__committee"), pk=pk)
    if not pack.file:
        raise Http404("This pack has no file")
    return FileResponse(pack.file.open("rb"), content_type="application/pdf",
                        filename=pack.filename)


# --- minutes --------------------------------------------------------------------------

def _minute_form(request, pk, form_class, model, title, submit, anchor, done):
    meeting = _meeting(request, pk)
    instance = model(meeting=meeting)
    form = form_class(request.POST or None, instance=instance,
                      initial={"agenda_item": request.GET.get("item")})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, done)
        return redirect(reverse("clerk:meeting", args=[meeting.pk]) + f"#{anchor}")
    return render(request, "clerk/form.html", {
        "form": form, "title": title, "submit": submit, "meeting": meeting,
        "breadcrumbs": _crumbs(_meeting_crumb(meeting), (title, ""))})


@clerk_only
def attendance_create(request, pk):
    return _minute_form(request, pk, forms.AttendanceForm, Attendance, "Record attendance",
                        "Record attendance", "attendance", "Attendance recorded.")


@clerk_only
def declaration_create(request, pk):
    return _minute_form(request, pk, forms.DeclarationForm, Declaration,
                        "Record a declaration of interest", "Record declaration",
                        "declarations", "Declaration recorded.")


@clerk_only
def decision_create(request, pk):
    return _minute_form(request, pk, forms.DecisionForm, Decision, "Record a decision",
                        "Record decision", "decisions", "Decision recorded.")


@clerk_only
def undertaking_create(request, pk):
    return _minute_form(request, pk, forms.UndertakingForm, Undertaking,
                        "Record an undertaking", "Record undertaking", "undertakings",
                        "Undertaking recorded.")


# --- undertakings ---------------------------------------------------------------------

OUTSTANDING = (UndertakingStatus.OPEN, UndertakingStatus.IN_PROGRESS)


@clerk_or_officer
def undertakings(request):
    form = forms.UndertakingFilter(request.GET or None)
    qs = (Undertaking.objects.visible_to(request.user)
          .select_related("meeting__committee", "agenda_item")
          .order_by("due", "meeting__date", "id"))
    if form.is_valid():
        status, committee = form.cleaned_data["status"], form.cleaned_data["committee"]
        if status == "outstanding":
            qs = qs.filter(status__in=OUTSTANDING)
        elif status:
            qs = qs.filter(status=status)
        if committee:
            qs = qs.filter(meeting__committee=committee)
    return render(request, "clerk/undertakings.html", {
        "form": form, "page_obj": paginate(request, qs),
        "breadcrumbs": _crumbs(("Undertakings", ""))})


@clerk_or_officer
def undertaking_status(request, pk):
    undertaking = get_object_or_404(
        Undertaking.objects.visible_to(request.user).select_related("meeting__committee"),
        pk=pk)
    form = forms.UndertakingStatusForm(request.POST or None, initial={
        "status": undertaking.status, "completed_on": undertaking.completed_on})
    if request.method == "POST" and form.is_valid():
        services.set_undertaking_status(undertaking, **form.cleaned_data)
        messages.success(request, f"Status updated to “{undertaking.get_status_display()}”.")
        return redirect("clerk:undertaking-status", undertaking.pk)
    return render(request, "clerk/undertaking.html", {
        "form": form, "undertaking": undertaking,
        "history": undertaking.history.select_related("history_user"),
        "breadcrumbs": _crumbs(("Undertakings", reverse("clerk:undertakings")),
                               (undertaking.owner, ""))})


# --- action plans ---------------------------------------------------------------------

@officer_only
def actions(request):
    from scrutinydesk.actionplans.models import Action

    qs = Action.objects.select_related("plan", "priority").order_by("plan__title", "position")
    return render(request, "clerk/actions.html", {
        "page_obj": paginate(request, qs),
        "breadcrumbs": [("Home", reverse("web:home")), ("Actions", "")]})


@officer_only
def action_status(request, pk):
    from scrutinydesk.actionplans.models import Action

    action = get_object_or_404(Action.objects.select_related("plan"), pk=pk)
    form = forms.ActionStatusForm(request.POST or None, initial={"status": action.status})
    if request.method == "POST" and form.is_valid():
        services.update_action(action, **form.cleaned_data)
        messages.success(request, "Progress recorded; the action is "
                                  f"“{action.get_status_display()}”.")
        return redirect("clerk:action-status", action.pk)
    return render(request, "clerk/action.html", {
        "form": form, "action": action, "updates": action.updates.all(),
        "history": action.history.select_related("history_user"),
        "breadcrumbs": [("Home", reverse("web:home")), ("Actions", reverse("clerk:actions")),
                        (f"Action {action.number}" if action.number else "Action", "")]})


# --- work programme -------------------------------------------------------------------

@clerk_only
def work_programme(request):
    topics = (WorkProgrammeItem.objects.select_related("committee", "target_meeting")
              .order_by("committee__name", "target_date", "topic"))
    return render(request, "clerk/work_programme.html", {
        "page_obj": paginate(request, topics),
        "breadcrumbs": _crumbs(("Work programme", ""))})


@clerk_only
def topic_move(request, pk):
    topic = get_object_or_404(WorkProgrammeItem.objects.select_related("committee"), pk=pk)
    form = forms.MoveTopicForm(request.POST or None, topic=topic,
                               initial={"meeting": topic.target_meeting_id})
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["meeting"]
        services.move_topic(topic, target)
        where = f"the meeting of {target.date:%-d %B %Y}" if target else "no meeting"
        messages.success(request, f"“{topic.topic}” moved to {where}.")
        return redirect("clerk:topic-move", topic.pk)
    return render(request, "clerk/form.html", {
        "form": form, "title": "Move a work programme topic", "submit": "Move topic",
        "lede": f"“{topic.topic}” ({topic.committee.name}).",
        "history": topic.history.select_related("history_user")[:10],
        "breadcrumbs": _crumbs(("Work programme", reverse("clerk:work-programme")),
                               ("Move a topic", ""))})

