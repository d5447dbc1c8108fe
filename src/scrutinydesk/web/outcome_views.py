"""Outcome pages: the dashboard, a page per indicator and per measure, confirming a
polarity, and the performance board. Thin: the data come from ``web.outcome_data`` and
the data the pages share."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from scrutinydesk.accounts.roles import Role, has_role, role_required
from scrutinydesk.api.tabular import Column as ExportColumn
from scrutinydesk.api.tabular import export_response
from scrutinydesk.core.vocab import POLARITY_CHOICES, Polarity
from scrutinydesk.outcomes.assessment import assess
from scrutinydesk.outcomes.models import (
    BoardEntry,
    Observation,
    Outcome,
    PerformanceMeasure,
    PopulationIndicator,
)
from scrutinydesk.outcomes.polarity import (
    confirm_polarity,
    polarity_confirmed,
    shown_polarity,
    suggestion_for,
)
from scrutinydesk.reports.formatting import number, unit_caption, with_unit
from scrutinydesk.web.quotes import quoted_in

from . import outcome_data as data
from .charts import bars, sparkline
from .components import Column, paginate, sort
from .forms import FilterForm

DASHBOARD_PER_PAGE = 50
KINDS = {"indicators": (PopulationIndicator, data.INDICATOR),
         "measures": (PerformanceMeasure, data.MEASURE)}


class DashboardFilter(FilterForm):
    show = forms.MultipleChoiceField(
        label="Show only indicators and measures that are", widget=forms.CheckboxSelectMultiple,
        choices=[("worsening", "Worsening"),
                 ("worse_than_comparator", "Worse than the comparator"),
                 ("has_findings", "With open findings"),
                 ("unconfirmed_figures", "With figures nobody has confirmed")])


def _crumbs(outcome, *more):
    return [("Home", reverse("web:home")),
            (outcome.name, reverse("web:outcome", args=[outcome.slug])), *more]


def subject_url(row_or_subject) -> str:
    subject = getattr(row_or_subject, "subject", row_or_subject)
    kind = "indicators" if isinstance(subject, PopulationIndicator) else "measures"
    return reverse("web:outcome-subject", args=[subject.outcome.slug, kind, subject.pk])


DASHBOARD_EXPORT = [
    ExportColumn("Kind", lambda r: "Population indicator" if r.kind == data.INDICATOR
                 else "Performance measure"), ExportColumn("Code", "subject.code"),
    ExportColumn("Title", "subject.title"), ExportColumn("Latest value", "latest_text"),
    ExportColumn("Period", "latest_period"),
    ExportColumn("Direction of travel", "direction.word"), ExportColumn("Trend", "trend.word"),
    ExportColumn("Benchmark", "benchmark.word"), ExportColumn("Comparator", "comparator_text"),
    ExportColumn("Open findings", lambda r: len(r.findings)),
    ExportColumn("Risks", lambda r: "; ".join(f"{x.risk.code} {x.score}" for x in r.risks)),
    ExportColumn("Unconfirmed figures", "unconfirmed_figures"),
    ExportColumn("Polarity confirmed", "confirmed_polarity"),
]


def dashboard(request, slug):
    """Every indicator and measure of an outcome with its judgements, findings and risks."""
    outcome = get_object_or_404(Outcome, slug=slug)
    form = DashboardFilter(request.GET)
    chosen = {name: True for name in form.filters().get("show", [])}
    rows = data.filter_rows(data.dashboard_rows(outcome, request.user), chosen)
    if response := export_response(request, rows, DASHBOARD_EXPORT, f"{slug}-dashboard"):
        return response
    page = paginate(request, rows, per_page=DASHBOARD_PER_PAGE)
    for row in page:
        values, comparator = row.sparkline_values()
        row.url = subject_url(row)
        row.chart = sparkline(
            values, comparator=comparator, label=f"Chart of {row.label}",
            description=f"{len(values)} most recent values, oldest first: "
                        + ", ".join(number(v) for v in values))
    return render(request, "web/outcomes/dashboard.html", {
        "outcome": outcome, "form": form, "page_obj": page, "count": len(rows),
        "unjudged": sum(1 for r in rows if not r.confirmed_polarity),
        "breadcrumbs": _crumbs(outcome, ("Dashboard", "")),
    })


def _subject(slug, kind, pk, user):
    if kind not in KINDS:
        raise Http404("No such kind of measure")
    model, _ = KINDS[kind]
    try:
        subject = data.subject_for_page(model, pk, user)
    except model.DoesNotExist:
        raise Http404(f"No such {model._meta.verbose_name}") from None
    if subject.outcome.slug != slug:
        raise Http404(f"That {model._meta.verbose_name} belongs to another outcome")
    return subject


def _data_rows(subject, a):
    """The chart's numbers as a table: each period with this area's value, each
    comparator's and the target's."""
    names = list(a.comparator_series)
    by_name = {n: {v.period.code: v for v in vs} for n, vs in a.comparator_series.items()}
    rows = []
    for o in a.series:
        rows.append({"observation": o, "period": o.period.label,
                     "value": with_unit(o.value, o.unit or subject.unit, subject.unit_label),
                     "others": [by_name[n].get(o.period.code) for n in names]})
    return names, rows


def table_export(names, subject):
    columns = [ExportColumn("Period", "period"),
               ExportColumn("Value", lambda r: r["observation"].value),
               ExportColumn("Status", lambda r: r["observation"].get_status_display())]
    for i, name in enumerate(names):
        columns.append(ExportColumn(name, lambda r, i=i: r["others"][i].value
                                    if r["others"][i] else None))
    columns += [ExportColumn("Edition", lambda r: f"{r['observation'].edition.edition:%B %Y}"
                             if r["observation"].edition else ""),
                ExportColumn("Source paper", lambda r: r["paper"]),
                ExportColumn("Source page", lambda r: r["observation"].source_page),
                ExportColumn("Confirmed", lambda r: not r["observation"].machine_extracted)]
    return columns


def subject_page(request, slug, kind, pk):
    """An indicator or measure: chart and data, judgements, commentary by edition,
    values by edition, risks, findings, breakdowns, and the polarity."""
    from scrutinydesk.reports.charts import series_chart

    subject = _subject(slug, kind, pk, request.user)
    polarity = shown_polarity(subject)
    a = assess(subject, polarity=polarity)
    names, rows = _data_rows(subject, a)
    observations = list(subject.observations.all())
    quotes = quoted_in(subject, request.user)
    papers = data.papers_for([*observations, *quotes, *subject.statedjudgements.all(),
                              *subject.commentaries.all(), *subject.findings.all(),
                              *subject.aliases.all(),
                              *[p for o in observations for p in o.printed.all()]],
                             request.user)
    printed = [p for o in observations for p in o.printed.all()]
    for obj in [*observations, *quotes, *subject.statedjudgements.all(),
                *subject.commentaries.all(),
                *subject.findings.all(), *subject.aliases.all(), *printed]:
        obj.paper = papers.get(obj.source_id)
    for r in rows:
        r["paper"] = str(r["observation"].paper or "")
    if response := export_response(request, rows, table_export(names, subject),
                                   f"{slug}-{kind}-{pk}"):
        return response
    label = f"{subject.code}: {subject.title}" if subject.code else subject.title
    chart = series_chart(data.chart_series(subject, a), title=f"Chart of {label}",
                         description=f"{len(a.series)} values from "
                         f"{a.series[0].period.label} to {a.series[-1].period.label}"
                         if a.series else "No values", unit_label=unit_caption(
                             subject.unit, subject.unit_label)) if a.series else ""
    breakdown_qs = Observation.objects.filter(
        **{"indicator" if kind == "indicators" else "measure": subject}).exclude(breakdown="")
    breakdown_qs, breakdown_sort = sort(
        request, breakdown_qs, {"breakdown": ("breakdown", "period_end"),
                                "period": ("period_end", "breakdown"),
                                "value": ("value", "breakdown")},
        default="breakdown", param="sort")
    breakdowns = list(breakdown_qs)
    latest_breakdowns = {}
    for o in sorted(breakdowns, key=lambda o: o.period_end):
        if o.value is not None:
            latest_breakdowns[o.breakdown] = o
    breakdown_chart = bars([(b, float(o.value)) for b, o in sorted(latest_breakdowns.items())],
                           label=f"Latest value of each breakdown of {label}",
                           description="; ".join(f"{b}: {number(o.value)} ({o.period.label})"
                                                 for b, o in latest_breakdowns.items()))
    suggestion = suggestion_for(subject)
    return render(request, "web/outcomes/subject.html", {
        "subject": subject, "kind": kind, "kind_label": "Population indicator"
        if kind == "indicators" else "Performance measure", "label": label,
        "outcome": subject.outcome, "assessment": a, "chart": chart,
        "comparator_names": names, "data_rows": rows,
        "judgements": [("Direction of travel", data.judged_trend(a.direction)),
                       ("Trend over several periods", data.judged_trend(a.trend)),
                       ("Benchmark", data.judged_benchmark(a.benchmark)),
                       ("Target", data.judged_target(a.target))],
        "confirmed": polarity_confirmed(subject), "suggestion": suggestion,
        "polarity_choices": POLARITY_CHOICES,
        "can_confirm": has_role(request.user, Role.OFFICER),
        "commentary": data.commentary_by_edition(subject),
        "printed": data.values_by_edition(subject, a.series),
        "revisions": data.revisions(subject),
        "aliases": sorted(subject.aliases.all(), key=lambda x: x.edition.edition),
        "risks": data.risk_rows(subject.risks.all() if kind == "indicators" else
                                 (subject.indicator.risks.all() if subject.indicator else [])),
        "findings": list(subject.findings.all()), "papers": papers, "quotes": quotes,
        "breakdowns": breakdowns, "breakdown_chart": breakdown_chart, "sort": breakdown_sort,
        "breakdown_columns": [Column("Breakdown", "breakdown"), Column("Period", "period"),
                              Column("Value", "value", numeric=True)],
        "breadcrumbs": _crumbs(subject.outcome, ("Dashboard", reverse(
            "web:outcome-dashboard", args=[slug])), (subject.code or subject.title, "")),
    })


@require_POST
@role_required(Role.OFFICER)
def confirm_subject_polarity(request, slug, kind, pk):
    """An officer confirms (or corrects) which way is better for an indicator or measure."""
    model, _ = KINDS.get(kind, (None, None))
    if model is None:
        raise Http404("No such kind of measure")
    subject = get_object_or_404(model.objects.select_related("outcome"), pk=pk,
                                outcome__slug=slug)
    choice = request.POST.get("polarity", "")
    url = reverse("web:outcome-subject", args=[slug, kind, pk])
    if choice not in {p.value for p in Polarity}:
        messages.error(request, "Choose which way is better before confirming.")
        return redirect(f"{url}#polarity")
    confirm_polarity(subject, choice, request.user,
                     reason=request.POST.get("reason", "").strip())
    messages.success(request, f"Polarity confirmed: {Polarity(choice).label.lower()}.")
    return redirect(f"{url}#polarity")


BOARD_EXPORT = [ExportColumn("Service area", "service_area"),
                ExportColumn("What is going well", "going_well"),
                ExportColumn("What we are worried about", "worried_about"),
                ExportColumn("What we are doing about it", "doing_about_it"),
                ExportColumn("Updated", "updated_at")]


def board(request, slug):
    """The performance board: for each service area, the three questions, with what the
    data say beside what officers wrote."""
    outcome = get_object_or_404(Outcome, slug=slug)
    rows = data.dashboard_rows(outcome, request.user)
    entries = list(BoardEntry.objects.filter(outcome=outcome))
    if response := export_response(request, entries, BOARD_EXPORT, f"{slug}-board"):
        return response
    page = paginate(request, entries)
    assembled = data.assemble_board(rows)
    for points in assembled.values():
        for p in points:
            p.url = subject_url(p.row)
    return render(request, "web/outcomes/board.html", {
        "outcome": outcome, "page_obj": page,
        "assembled": [(BoardEntry._meta.get_field(key).verbose_name, points)
                      for key, points in assembled.items()],
        "can_edit": has_role(request.user, Role.OFFICER),
        "breadcrumbs": _crumbs(outcome, ("Performance board", "")),
    })


class BoardEntryForm(forms.ModelForm):
    class Meta:
        model = BoardEntry
        fields = ["service_area", "going_well", "worried_about", "doing_about_it"]
        widgets = {name: forms.Textarea(attrs={"rows": 6})
                   for name in ("going_well", "worried_about", "doing_about_it")}

    def __init__(self, *args, outcome=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome = outcome
        from crispy_forms_gds.helper import FormHelper

        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_service_area(self):
        area = " ".join(self.cleaned_data["service_area"].split())
        clash = BoardEntry.objects.filter(outcome=self.outcome, service_area__iexact=area)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"The board already has “{area}”; edit that one.")
        return area


@role_required(Role.OFFICER)
def board_edit(request, slug, pk=None):
    """Officers write a service area's answers; the first draft is what the data say."""
    outcome = get_object_or_404(Outcome, slug=slug)
    entry = get_object_or_404(BoardEntry, pk=pk, outcome=outcome) if pk else None
    if entry is None:
        draft = data.board_draft(data.assemble_board(data.dashboard_rows(outcome, request.user)))
        initial = {"service_area": data.ALL_SERVICES, **draft}
    else:
        initial = {}
    form = BoardEntryForm(request.POST or None, instance=entry or BoardEntry(outcome=outcome),
                          initial=initial, outcome=outcome)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.updated_by = request.user
        saved.save()
        messages.success(request, f"The board for {saved.service_area} is saved.")
        return redirect("web:outcome-board", slug=slug)
    title = f"Edit {entry.service_area}" if entry else "Add a service area"
    return render(request, "web/outcomes/board_edit.html", {
        "outcome": outcome, "form": form, "entry": entry, "title": title,
        "history": list(entry.history.select_related("history_user")[:20]) if entry else [],
        "breadcrumbs": _crumbs(outcome, ("Performance board",
                                         reverse("web:outcome-board", args=[slug])),
                               (title, "")),
    })
