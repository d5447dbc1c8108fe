"""Action plans: each plan's priorities and actions with lead, timescale, measures of
success, status and RAG rating, and progress reported over time."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from scrutinydesk.actionplans.models import Action, ActionPlan, Priority, ProgressUpdate
from scrutinydesk.outcomes.models import Observation

from ..components import paginate


def action_plans(request):
    plans = ActionPlan.objects.select_related("committee", "outcome").order_by(
        "-published_on", "title")
    return render(request, "web/actionplans/list.html", {
        "page_obj": paginate(request, plans),
        "breadcrumbs": [("Home", reverse("web:home")), ("Action plans", "")],
    })


def _main_series():
    return Prefetch("observations", queryset=Observation.objects.filter(breakdown="")
                    .order_by("period_end", "period_start"))


def action_plan(request, pk):
    plan = get_object_or_404(ActionPlan.objects.select_related("committee", "meeting__committee",
                                                               "outcome"), pk=pk)
    actions = (Action.objects.filter(plan=plan).order_by("position")
               .select_related("success_indicator", "success_measure")
               .prefetch_related("milestones",
                                 Prefetch("updates", queryset=ProgressUpdate.objects.order_by(
                                     "-reported_on")),
                                 Prefetch("success_indicator__observations",
                                          queryset=_main_series().queryset),
                                 Prefetch("success_measure__observations",
                                          queryset=_main_series().queryset)))
    page = paginate(request, actions)
    priorities = {p.pk: p for p in Priority.objects.filter(plan=plan)}
    grouped: list[tuple] = []
    for action in page:
        priority = priorities.get(action.priority_id)
        if not grouped or grouped[-1][0] is not priority:
            grouped.append((priority, []))
        grouped[-1][1].append(action)
    return render(request, "web/actionplans/plan.html", {
        "plan": plan, "page_obj": page, "grouped": grouped,
        "status_counts": sorted(plan.status_counts().items()),
        "breadcrumbs": [("Home", reverse("web:home")),
                        ("Action plans", reverse("web:action-plans")), (plan.title, "")],
    })
