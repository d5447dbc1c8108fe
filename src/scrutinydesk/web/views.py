"""Public pages. Views stay thin: they fetch and hand over to templates."""

from django.shortcuts import render

from scrutinydesk.committees.models import Committee, Meeting
from scrutinydesk.outcomes.models import Outcome


def home(request):
    return render(request, "web/home.html", {
        "committees": Committee.objects.all(),
        "meetings": Meeting.objects.select_related("committee")[:20],
        "outcomes": Outcome.objects.prefetch_related("indicators"),
    })
