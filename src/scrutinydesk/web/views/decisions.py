"""The decision register: every decision across meetings, filtered."""

from django.shortcuts import render
from django.urls import reverse

from scrutinydesk.api.tabular import Column as ExportColumn
from scrutinydesk.api.tabular import export_response
from scrutinydesk.committees.models import Decision

from ..components import Column, paginate, sort
from ..forms import DecisionFilter

DECISIONS = [
    ExportColumn("Meeting date", lambda d: d.meeting.date),
    ExportColumn("Committee", lambda d: d.meeting.committee.name),
    ExportColumn("Item", lambda d: str(d.agenda_item) if d.agenda_item else ""),
    ExportColumn("Kind", lambda d: d.get_kind_display()),
    ExportColumn("Number", "number"),
    ExportColumn("Decision", "text"), ExportColumn("Recommended to", "recipient"),
    ExportColumn("Reason", "reason"),
]


def decisions(request):
    visible = Decision.objects.visible_to(request.user)
    recipients = (visible.exclude(recipient="").order_by("recipient")
                  .values_list("recipient", flat=True).distinct())
    form = DecisionFilter(request.GET, recipients=list(recipients))
    rows = (visible.filter(**form.queryset_filters())
            .select_related("meeting__committee", "agenda_item"))
    rows, current = sort(request, rows, {
        "date": ("meeting__date", "agenda_item__position", "position"),
        "committee": ("meeting__committee__name", "-meeting__date"),
        "kind": ("kind", "-meeting__date")}, default="-date")
    if response := export_response(request, rows, DECISIONS, "decisions"):
        return response
    return render(request, "web/decisions/list.html", {
        "form": form, "page_obj": paginate(request, rows), "sort": current,
        "columns": [Column("Meeting", "date"), Column("Committee", "committee"),
                    Column("Item"), Column("Decision", "kind")],
        "breadcrumbs": [("Home", reverse("web:home")), ("Decisions", "")],
    })
