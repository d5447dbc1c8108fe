"""Forms of the web pages. ``FilterForm`` is the base of every filter (GET) form."""

from crispy_forms_gds.helper import FormHelper
from django import forms


class FilterForm(forms.Form):
    """A GET form that narrows a list: every field optional, laid out for
    ``_partials/filter_form.html``. Bind it to ``request.GET``; ``filters()`` is what was
    chosen (valid values only), ``has_filters`` whether anything was."""

    def __init__(self, data=None, *args, **kwargs):
        data = data if data is None or any(data.get(name) for name in self.base_fields) \
            else None
        super().__init__(data, *args, **kwargs)
        for field in self.fields.values():
            field.required = False
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = "s"

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items()
                if value not in (None, "", [], ())}

    @property
    def has_filters(self) -> bool:
        return bool(self.filters())


def _choices(choices, blank="Any"):
    return [("", blank), *choices]


class DecisionFilter(FilterForm):
    """The decision register's filters: committee, kind, dates, recipient."""

    committee = forms.ModelChoiceField(queryset=None, empty_label="Any committee",
                                       to_field_name="slug")
    kind = forms.ChoiceField(label="Kind of decision")
    recipient = forms.ChoiceField(label="Recommended to")
    date_from = forms.DateField(label="Meetings from",
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="Meetings to",
                              widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, data=None, *, recipients=(), **kwargs):
        from scrutinydesk.committees.models import Committee
        from scrutinydesk.committees.vocab import DecisionKind

        super().__init__(data, **kwargs)
        self.fields["committee"].queryset = Committee.objects.all()
        self.fields["kind"].choices = _choices(DecisionKind.choices, "Any kind")
        self.fields["recipient"].choices = _choices([(r, r) for r in recipients], "Anyone")

    def queryset_filters(self) -> dict:
        chosen = self.filters()
        lookups = {"committee": "meeting__committee", "kind": "kind", "recipient": "recipient",
                   "date_from": "meeting__date__gte", "date_to": "meeting__date__lte"}
        return {lookups[k]: v for k, v in chosen.items()}


class UndertakingFilter(FilterForm):
    """The undertakings log's filters: owner, status, overdue, committee."""

    owner = forms.CharField(label="Owner", help_text="Part of a name or job title")
    status = forms.ChoiceField(label="Status")
    overdue = forms.ChoiceField(label="Overdue", choices=[("", "Either"), ("yes", "Overdue"),
                                                          ("no", "Not overdue")])
    committee = forms.ModelChoiceField(queryset=None, empty_label="Any committee",
                                       to_field_name="slug")

    def __init__(self, data=None, **kwargs):
        from scrutinydesk.committees.models import Committee
        from scrutinydesk.committees.vocab import UndertakingStatus

        super().__init__(data, **kwargs)
        self.fields["committee"].queryset = Committee.objects.all()
        self.fields["status"].choices = _choices(
            [("outstanding", "Outstanding (open or in progress)"), *UndertakingStatus.choices])

    def apply(self, queryset):
        chosen = self.filters()
        if owner := chosen.get("owner"):
            queryset = queryset.filter(owner__icontains=owner)
        if (status := chosen.get("status")) == "outstanding":
            queryset = queryset.outstanding()
        elif status:
            queryset = queryset.filter(status=status)
        if chosen.get("overdue") == "yes":
            queryset = queryset.overdue()
        elif chosen.get("overdue") == "no":
            queryset = queryset.not_overdue()
        if committee := chosen.get("committee"):
            queryset = queryset.filter(meeting__committee=committee)
        return queryset


class MoveTopicForm(forms.Form):
    """A clerk moves a work programme topic to another of the committee's meetings."""

    meeting = forms.ModelChoiceField(
        queryset=None, label="Meeting", empty_label=None,
        error_messages={"required": "Select the meeting to move the topic to",
                        "invalid_choice": "Select one of the committee's meetings"})

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda m: f"{m.date:%-d %B %Y}" + (
            f" ({m.get_status_display().lower()})" if m.status != "scheduled" else "")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = "s"
