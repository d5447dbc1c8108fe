"""The undertakings and actions log: what officers and members undertook to do at
meetings, with owner, due date, status and history."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from scrutinydesk.api.tabular import Column as ExportColumn
from scrutinydesk.api.tabular import export_response
from scrutinydesk.committees.models import Undertaking

from ..components import Column, paginate, sort
from ..forms import UndertakingFilter

UNDERTAKINGS = [
    ExportColumn("Owner", "owner"), ExportColumn("Undertaking", "text"),
    ExportColumn("Committee", lambda u: u.meeting.committee.name),
    ExportColumn("Meeting date", lambda u: u.meeting.date),
    ExportColumn("Due", "due"), ExportColumn("Status", lambda u: u.get_status_display()),
    ExportColumn("Overdue", lambda u: "Yes" if u.is_overdue() else "No"),
    ExportColumn("Completed on", "completed_on"),
]


def undertakings(request):
    form = UndertakingFilter(request.GET)
    rows = form.apply(Undertaking.objects.visible_to(request.user)).select_related(
        "meeting__committee", "agenda_item")
    rows, current = sort(request, rows, {
        "meeting": ("meeting__date", "id"), "due": ("due", "meeting__date"),
        "owner": ("owner", "meeting__date"), "status": ("status", "due")}, default="-meeting")
    if response := export_response(request, rows, UNDERTAKINGS, "undertakings"):
        return response
    return render(request, "web/undertakings/list.html", {
        "form": form, "page_obj": paginate(request, rows), "sort": current,
        "columns": [Column("Owner", "owner"), Column("Undertaking"),
                    Column("Meeting", "meeting"), Column("Due", "due"),
                    Column("Status", "status")],
        "breadcrumbs": [("Home", reverse("web:home")), ("Undertakings and actions", "")],
    })


def undertaking(request, pk):
    item = get_object_or_404(Undertaking.objects.visible_to(request.user)
                             .select_related("meeting__committee", "agenda_item",
                                             "owner_officer", "owner_member"), pk=pk)
    history = item.history.order_by("-history_date")
    return render(request, "web/undertakings/undertaking.html", {
        "undertaking": item, "page_obj": paginate(request, history),
        "breadcrumbs": [("Home", reverse("web:home")),
                        ("Undertakings and actions", reverse("web:undertakings")),
                        (item.owner, "")],
    })
