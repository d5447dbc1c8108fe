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
