from django import forms

from scrutinydesk.web.forms import FilterForm

from .models import EntryKind


class SearchForm(FilterForm):
    """The search box and its filters: committee, kind of record, date range."""

    q = forms.CharField(label="Search for", max_length=1000)
    committee = forms.ModelChoiceField(queryset=None, empty_label="Any committee",
                                       to_field_name="slug")
    kind = forms.ChoiceField(label="Kind of record")
    date_from = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, data=None, **kwargs):
        from scrutinydesk.committees.models import Committee

        super().__init__(data, **kwargs)
        self.fields["committee"].queryset = Committee.objects.all()
        self.fields["kind"].choices = [("", "Any kind"), *EntryKind.choices]
