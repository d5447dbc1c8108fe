"""The clerk's forms, laid out by crispy-forms-gds in GOV.UK Design System style."""

from __future__ import annotations

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from scrutinydesk.actionplans.vocab import ActionStatus
from scrutinydesk.committees.models import (
    AgendaItem,
    Attendance,
    Committee,
    Decision,
    Declaration,
    Meeting,
    Member,
    Undertaking,
)
from scrutinydesk.committees.vocab import (
    AttendanceStatus,
    AttendeeKind,
    DecisionKind,
    DocumentKind,
    UndertakingStatus,
)

from .vocab import PARAGRAPH_CHOICES

TIME = forms.TimeInput(attrs={"type": "time", "class": "govuk-input govuk-input--width-5"},
                       format="%H:%M")


class GovukDateField(DateInputField):
    """A GOV.UK date input (day, month and year) that says so when the date is not real."""

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except ValidationError as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc


def date_field(label: str, *, required: bool = True, help_text: str = "For example, 27 3 2026",
               missing: str = "Enter the date") -> DateInputField:
    """A GOV.UK date input: day, month and year."""
    field = GovukDateField(label=label, required=required, help_text=help_text)
    field.error_messages.update(required=missing, incomplete=missing,
                                invalid="Enter a real date, for example 27 3 2026")
    return field


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False  # the template writes <form>, the button and the error summary
    helper.label_size = "s"
    return helper


class ClerkForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class ClerkModelForm(forms.ModelForm):
    """A model form that checks every constraint of the model, including those on fields
    the form does not show (the meeting), so a clash is an error on the page rather than a
    database error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
        for name, field in self.fields.items():  # the labels say it in the clerk's words
            model_field = next((f for f in self._meta.model._meta.fields if f.name == name),
                               None)
            if model_field is not None and field.help_text == model_field.help_text:
                field.help_text = ""

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        try:
            self.instance.validate_constraints()
        except ValidationError as exc:
            self.add_error(None, exc)


class MeetingForm(ClerkModelForm):
    date = date_field("Date", missing="Enter the date of the meeting")

    class Meta:
        model = Meeting
        fields = ["committee", "date", "start_time", "end_time", "venue", "contact"]
        widgets = {"start_time": TIME, "end_time": TIME}
        labels = {"start_time": "Start time", "end_time": "End time (optional)",
                  "contact": "Contact for this meeting (optional)", "venue": "Venue"}
        error_messages = {
            "committee": {"required": "Select the committee"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.order_by("name")
        self.fields["committee"].empty_label = "Select a committee"


class RescheduleForm(ClerkForm):
    date = date_field("Date", missing="Enter the new date of the meeting")
    start_time = forms.TimeField(required=False, widget=TIME, label="Start time")
    end_time = forms.TimeField(required=False, widget=TIME, label="End time (optional)")
    venue = forms.CharField(required=False, max_length=500)
    start_time_revised = forms.BooleanField(
        required=False, label='Print "Start time revised" on the agenda and meeting page')

    def __init__(self, *args, meeting: Meeting, **kwargs):
        self.meeting = meeting
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end < start:
            self.add_error("end_time", "The end time must be after the start time")
        day = data.get("date")
        if day and Meeting.objects.filter(committee=self.meeting.committee, date=day) \
                .exclude(pk=self.meeting.pk).exists():
            self.add_error("date", f"{self.meeting.committee} already meets on "
                                   f"{day:%-d %B %Y}")
        return data


class CancelForm(ClerkForm):
    reason = forms.CharField(required=False, max_length=500,
                             label="Reason (optional, shown on the meeting page)")


class AgendaItemForm(ClerkModelForm):
    exempt_paragraph = forms.ChoiceField(
        required=False, label="Schedule 12A paragraph",
        help_text="Only for an exempt item: the paragraph of Schedule 12A to the Local "
                  "Government Act 1972 that applies.")

    class Meta:
        model = AgendaItem
        fields = ["number", "title", "description", "exempt", "exempt_paragraph"]
        labels = {"number": "Item number (as printed)", "title": "Title",
                  "description": "Description (optional)",
                  "exempt": "Exempt: the public is excluded for this item"}
        error_messages = {"title": {"required": "Enter the item's title"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Not exempt"), *PARAGRAPH_CHOICES]
        current = self.instance.exempt_paragraph
        if current and current not in dict(choices):
            choices.append((current, f"Paragraph {current}"))
        self.fields["exempt_paragraph"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("exempt") and not data.get("exempt_paragraph"):
            self.add_error("exempt_paragraph", "Select the Schedule 12A paragraph that makes "
                                               "the item exempt")
        if not data.get("exempt"):
            if data.get("exempt_paragraph"):
                self.add_error("exempt", "Tick exempt, or choose 'Not exempt' as the paragraph")
            self.instance.part = 1
        else:
            self.instance.part = 2
        return data


class DocumentForm(ClerkForm):
    file = forms.FileField(
        label="Paper", help_text="A PDF, Word (DOCX), HTML or text file.",
        error_messages={"required": "Choose the paper to upload",
                        "empty": "The chosen file is empty"})
    title = forms.CharField(max_length=1000, error_messages={
        "required": "Enter the paper's title"})
    kind = forms.ChoiceField(choices=DocumentKind.choices, initial=DocumentKind.REPORT,
                             label="Kind of paper")
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), required=False,
                                         label="Agenda item", empty_label="No item")
    exempt = forms.BooleanField(required=False,
                                label="Exempt: for members only (an exempt appendix)")

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            meeting=meeting).order_by("position")

    def clean_file(self):
        from scrutinydesk.ingest.errors import PaperError
        from scrutinydesk.ingest.formats import sniff_media_type

        upload = self.cleaned_data["file"]
        limit = settings.MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise ValidationError(f"The file is {upload.size / 1024 / 1024:.1f} MB; the "
                                  f"largest paper accepted is {limit / 1024 / 1024:.0f} MB")
        data = upload.read()
        try:
            sniff_media_type(data, upload.name)
        except PaperError as exc:
            raise ValidationError(f"The file must be a PDF, Word (DOCX), HTML or text "
                                  f"file: {exc.message if hasattr(exc, 'message') else exc}"
                                  ) from exc
        self.cleaned_data["data"] = data
        return upload


class AttendanceForm(ClerkModelForm):
    class Meta:
        model = Attendance
        fields = ["member", "kind", "status", "substitute_for", "capacity"]
        labels = {"member": "Councillor", "kind": "Attending as",
                  "substitute_for": "Substitute for (only when present as substitute)",
                  "capacity": "Capacity (optional), e.g. Chairman"}
        error_messages = {"member": {"required": "Select the councillor"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].required = True
        self.fields["member"].queryset = Member.objects.order_by("name")
        self.fields["substitute_for"].queryset = Member.objects.order_by("name")
        self.fields["kind"].choices = [(k, label) for k, label in AttendeeKind.choices
                                       if k in (AttendeeKind.COMMITTEE_MEMBER,
                                                AttendeeKind.OTHER_MEMBER)]
        self.fields["status"].choices = [(k, label) for k, label in AttendanceStatus.choices
                                         if k != AttendanceStatus.NOT_RECORDED]

    def clean(self):
        data = super().clean()
        if data.get("substitute_for") and data.get("status") != AttendanceStatus.SUBSTITUTE:
            self.add_error("substitute_for", "Choose 'Present as substitute' as the status, "
                                             "or leave 'Substitute for' empty")
        return data


class DeclarationForm(ClerkModelForm):
    class Meta:
        model = Declaration
        fields = ["member", "agenda_item", "kind", "interest"]
        labels = {"member": "Councillor", "agenda_item": "Agenda item (optional)",
                  "kind": "Kind of interest", "interest": "The interest declared"}
        error_messages = {"member": {"required": "Select the councillor"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.order_by("name")
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            meeting=self.instance.meeting).order_by("position")


class DecisionForm(ClerkModelForm):
    class Meta:
        model = Decision
        fields = ["agenda_item", "kind", "number", "text", "reason", "recipient"]
        labels = {"agenda_item": "Agenda item", "kind": "Kind of decision",
                  "number": "Number (optional), e.g. 1 or ii", "text": "What was decided",
                  "reason": "Reason for the decision (optional)",
                  "recipient": "Recommended to (only for a recommendation), e.g. Cabinet"}
        error_messages = {"kind": {"required": "Select the kind of decision"},
                          "text": {"required": "Enter what was decided"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = DecisionKind.choices
        self.fields["text"].required = True
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            meeting=self.instance.meeting).order_by("position")

    def clean(self):
        data = super().clean()
        if data.get("recipient") and data.get("kind") != DecisionKind.RECOMMENDED:
            self.add_error("recipient", "Only a recommendation has a recipient: choose "
                                        "'Recommended' or leave 'Recommended to' empty")
        return data


class UndertakingForm(ClerkModelForm):
    due = date_field("Due date (optional)", required=False)

    class Meta:
        model = Undertaking
        fields = ["agenda_item", "owner", "text", "due"]
        labels = {"agenda_item": "Agenda item (optional)",
                  "owner": "Who undertook it, as minuted", "text": "What they undertook to do",
                  "due": "Due date (optional)"}
        error_messages = {"owner": {"required": "Enter who gave the undertaking"},
                          "text": {"required": "Enter what they undertook to do"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            meeting=self.instance.meeting).order_by("position")


class UndertakingStatusForm(ClerkForm):
    status = forms.ChoiceField(choices=UndertakingStatus.choices)
    completed_on = date_field("Completed on (when done; today if left empty)", required=False)
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}),
                            label="Notes (optional)")


class ActionStatusForm(ClerkForm):
    """A progress update on an action plan's action: its new status and what was done."""

    status = forms.ChoiceField(choices=ActionStatus.choices, label="Status")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="Progress",
                           error_messages={"required": "Enter the progress made"})
    reported_on = date_field("Reported on (today if left empty)", required=False)


class UndertakingFilter(forms.Form):
    """The clerk's list of undertakings: status and committee."""

    status = forms.ChoiceField(required=False,
                               choices=[("", "Any status"), ("outstanding", "Outstanding"),
                                        *UndertakingStatus.choices])
    committee = forms.ModelChoiceField(required=False, queryset=Committee.objects.all(),
                                       empty_label="Any committee")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class MoveTopicForm(ClerkForm):
    meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), required=False,
                                     label="Meeting", empty_label="Not yet scheduled")

    def __init__(self, *args, topic, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(
            committee_id=topic.committee_id).order_by("date")
        self.fields["meeting"].label_from_instance = lambda m: f"{m.date:%-d %B %Y}"
