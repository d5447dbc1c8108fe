"""The home page and the accessibility statement."""

from django.shortcuts import render
from django.urls import reverse

from scrutinydesk.committees.models import Committee, Meeting
from scrutinydesk.outcomes.models import Outcome

from ..components import Column


def home(request):
    meetings = Meeting.objects.visible_to(request.user).select_related("committee")[:20]
    return render(request, "web/home.html", {
        "committees": Committee.objects.all(),
        "meetings": meetings,
        "meeting_columns": [Column("Date"), Column("Committee"), Column("Venue"),
                            Column("Status")],
        "outcomes": Outcome.objects.prefetch_related("indicators"),
    })


def accessibility(request):
    return render(request, "web/accessibility.html", {
        "breadcrumbs": [("Home", reverse("web:home")), ("Accessibility statement", "")],
    })
