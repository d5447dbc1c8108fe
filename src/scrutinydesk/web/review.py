"""Imported papers and their review: officers and clerks see what was read from each paper,
correct a figure, file a series under the right indicator or measure, confirm the paper, and
read it again (docs/import.md, "Review and confirmation")."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from scrutinydesk.accounts.roles import Role, role_required
from scrutinydesk.core.models import SourceDocument
from scrutinydesk.core.vocab import PaperKind
from scrutinydesk.ingest import review
from scrutinydesk.ingest.errors import PaperError
from scrutinydesk.ingest.models import PaperReview, ReviewStatus
from scrutinydesk.outcomes.models import (
    ComparatorValue,
    Observation,
    PerformanceMeasure,
    PopulationIndicator,
)

from .components import Column, Row, paginate
from .forms import FilterForm

REVIEWERS = (Role.OFFICER, Role.CLERK)
RECORDS = {"observation": Observation, "comparator-value": ComparatorValue}
SUBJECTS = {"indicator": PopulationIndicator, "measure": PerformanceMeasure}


class PaperFilterForm(FilterForm):
    status = forms.ChoiceField(label="Status", choices=[("", "Any"), *ReviewStatus.choices])
    kind = forms.ChoiceField(label="Kind of paper", choices=[("", "Any"), *PaperKind.choices])


def _papers(user):
    confirmed = PaperReview.objects.filter(source=OuterRef("pk"),
                                           status=ReviewStatus.CONFIRMED)
    return SourceDocument.objects.visible_to(user).annotate(is_confirmed=Exists(confirmed))


def _paper(request, pk) -> SourceDocument:
    return get_object_or_404(_papers(request.user), pk=pk)


def _crumbs(paper=None, last=""):
    crumbs = [("Home", reverse("web:home")), ("Imported papers", reverse("web:review-list"))]
    if paper is not None:
        crumbs.append((str(paper), reverse("web:review-paper", args=[paper.pk]) if last
                       else ""))
    if last:
        crumbs.append((last, ""))
    return crumbs


def _status_tag(confirmed: bool):
    from django.template.loader import render_to_string

    status = ReviewStatus.CONFIRMED if confirmed else ReviewStatus.EXTRACTED
    return render_to_string("web/_partials/tag.html", {
        "text": status.label, "colour": "green" if confirmed else "yellow"})


@role_required(*REVIEWERS)
def paper_list(request):
    """Every imported paper, newest first, with its review status."""
    form = PaperFilterForm(request.GET)
    papers = _papers(request.user)
    chosen = form.filters()
    if chosen.get("status"):
        papers = papers.filter(is_confirmed=chosen["status"] == ReviewStatus.CONFIRMED)
    if chosen.get("kind"):
        papers = papers.filter(kind=chosen["kind"])
    page = paginate(request, papers.order_by("-imported_at", "-pk"))
    from django.utils.html import format_html

    rows = [Row(header=format_html('<a class="govuk-link" href="{}">{}</a>',
                                   reverse("web:review-paper", args=[p.pk]), str(p)),
                cells=[p.get_kind_display(), p.imported_at.strftime("%-d %B %Y"),
                       len(p.warnings or []), _status_tag(p.is_confirmed)], numeric=(2,))
            for p in page]
    return render(request, "web/review/list.html", {
        "form": None, "filter_form": form, "page_obj": page, "rows": rows,
        "columns": [Column("Paper"), Column("Kind"), Column("Imported"),
                    Column("Warnings", numeric=True), Column("Status")],
        "breadcrumbs": [("Home", reverse("web:home")), ("Imported papers", "")],
    })


@role_required(*REVIEWERS)
def paper_review(request, pk):
    """One paper: its text beside what was read from each part, its warnings, corrections
    made so far, and the buttons to confirm it and to read it again."""
    paper = _paper(request, pk)
    parts = review.parts_of(paper)
    account = review.figure_account(paper)
    review.place_unread(parts, account)
    pages = review.page_texts(paper.text)
    for part in parts:
        part.text = "\n\n".join(f"Page {n}\n{pages[n]}" for n in part.pages if n in pages)
    meetings = review.meetings_of(paper, request.user)
    for meeting in meetings:
        meeting.items = [(item, decisions, _pages_text(pages, item.page_start, item.page_end))
                         for item, decisions in meeting.items]
    records = review.records_of(paper)
    return render(request, "web/review/paper.html", {
        "paper": paper, "parts": parts, "meetings": meetings, "account": account,
        "status": review.status_of(paper),
        "review": PaperReview.objects.filter(source=paper).select_related(
            "confirmed_by").first(),
        "record_counts": [(name, qs.count(), qs.filter(confirmed_at__isnull=True).count())
                          for name, qs in records.items()],
        "unconfirmed": review.unconfirmed_count(paper),
        "corrections": review.corrections_of(paper),
        "has_pages": bool(pages),
        "breadcrumbs": _crumbs(paper),
    })


@require_POST
@role_required(*REVIEWERS)
def confirm(request, pk):
    """Confirm the whole paper, or with ``part=indicator-ID`` (or ``measure-ID``) the
    figures read for one indicator or measure."""
    paper = _paper(request, pk)
    part = request.POST.get("part", "")
    if part:
        kind, _, subject_pk = part.partition("-")
        if kind not in SUBJECTS or not subject_pk.isdigit():
            raise Http404("No such part of the paper")
        subject = get_object_or_404(SUBJECTS[kind], pk=int(subject_pk))
        count = review.confirm_part(paper, subject, request.user)
        messages.success(request, f"{subject}: {count} figure{'s' if count != 1 else ''} "
                                  "confirmed as yours.")
        return redirect(reverse("web:review-paper", args=[paper.pk]) + f"#{part}")
    count = review.confirm_paper(paper, request.user)
    messages.success(request, f"Paper confirmed: {count} record{'s' if count != 1 else ''} "
                              "confirmed as yours.")
    return redirect("web:review-paper", pk=paper.pk)


@require_POST
@role_required(*REVIEWERS)
def read_again(request, pk):
    from scrutinydesk.ingest.services import reread_paper

    paper = _paper(request, pk)
    try:
        result = reread_paper(paper, user=request.user)
    except PaperError as exc:
        messages.error(request, f"The paper could not be read again: {exc}")
        return redirect("web:review-paper", pk=paper.pk)
    messages.success(request, f"Paper read again: {result.total_created} records added, "
                              f"{result.total_updated} changed; corrections kept.")
    return redirect("web:review-paper", pk=paper.pk)


class CorrectValueForm(forms.Form):
    value = forms.DecimalField(label="Correct value", max_digits=20, decimal_places=6,
                               error_messages={"required": "Enter the correct value",
                                               "invalid": "Enter the value as a number, "
                                                          "like 62.5"})
    reason = forms.CharField(label="Why (optional)", required=False, max_length=500,
                             help_text="For example: the paper prints 63 on page 4.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].widget = forms.TextInput(attrs={"inputmode": "decimal",
                                                             "spellcheck": "false"})
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = "s"
        self.helper.layout = Layout(Field.text("value", field_width=10),
                                    Field.text("reason", field_width=Fluid.TWO_THIRDS))


@role_required(*REVIEWERS)
def correct(request, pk, record, row):
    """Correct one figure read from the paper."""
    paper = _paper(request, pk)
    model = RECORDS.get(record)
    if model is None:
        raise Http404("No such kind of figure")
    figure = get_object_or_404(model.objects.select_related("indicator", "measure"),
                               pk=row, source=paper)
    form = CorrectValueForm(request.POST or None, initial={"value": figure.value})
    if request.method == "POST" and form.is_valid():
        try:
            review.correct_value(figure, form.cleaned_data["value"], request.user,
                                 reason=form.cleaned_data["reason"])
        except review.ReviewError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{figure.subject}, {figure.period.label}: corrected "
                                      f"to {_number(form.cleaned_data['value'])}.")
            return redirect(reverse("web:review-paper", args=[paper.pk])
                            + f"#{_anchor(figure.subject)}")
    return render(request, "web/review/correct.html", {
        "paper": paper, "figure": figure, "form": form,
        "back": reverse("web:review-paper", args=[paper.pk]) + f"#{_anchor(figure.subject)}",
        "breadcrumbs": _crumbs(paper, "Correct a figure"),
    })


class AssignSeriesForm(forms.Form):
    target = forms.ChoiceField(label="File these figures under",
                               error_messages={"required": "Choose an indicator or measure"})

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "Choose…"), *[(f"{_kind(t)}-{t.pk}", str(t))
                                                             for t in targets]]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = "s"


@role_required(*REVIEWERS)
def assign(request, pk, kind, subject):
    """File a series read under one indicator or measure under another."""
    paper = _paper(request, pk)
    model = SUBJECTS.get(kind)
    if model is None:
        raise Http404("No such kind of series")
    found = get_object_or_404(model, pk=subject)
    breakdown = request.POST.get("breakdown", request.GET.get("breakdown", ""))
    rows = Observation.objects.filter(source=paper, breakdown=breakdown, **{kind: found})
    if not rows.exists():
        raise Http404("No such series read from this paper")
    targets = [t for t in review.targets_for(found) if t != found]
    form = AssignSeriesForm(request.POST or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        target_kind, target_pk = form.cleaned_data["target"].split("-")
        target = get_object_or_404(SUBJECTS[target_kind], pk=int(target_pk))
        try:
            moved = review.assign_series(paper, found, breakdown, target, request.user)
        except (review.ReviewError, ValidationError) as exc:
            text = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            form.add_error("target", text)
        else:
            messages.success(request, f"{moved} figure{'s' if moved != 1 else ''} filed under "
                                      f"{target}.")
            return redirect(reverse("web:review-paper", args=[paper.pk])
                            + f"#{_anchor(target)}")
    return render(request, "web/review/assign.html", {
        "paper": paper, "subject": found, "breakdown": breakdown, "rows": rows,
        "form": form,
        "back": reverse("web:review-paper", args=[paper.pk]) + f"#{_anchor(found)}",
        "breadcrumbs": _crumbs(paper, "File a series"),
    })


def _pages_text(pages: dict, first, last) -> str:
    if first is None:
        return ""
    last = min(last or first, first + 5)
    return "\n\n".join(f"Page {n}\n{pages[n]}" for n in range(first, last + 1) if n in pages)


def _kind(subject) -> str:
    return "indicator" if isinstance(subject, PopulationIndicator) else "measure"


def _anchor(subject) -> str:
    return f"{_kind(subject)}-{subject.pk}"


def _number(value) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
