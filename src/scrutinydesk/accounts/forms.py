"""Sign-in and password forms, laid out by crispy-forms-gds in GOV.UK Design System style."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout
from django.contrib.auth import forms as auth_forms


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False  # the template writes <form>, the button and the error summary
    helper.label_size = "s"
    helper.layout = Layout(*fields)
    return helper


class SignInForm(auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is not active. Ask your administrator to reactivate it.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget.attrs.update(autocomplete="username", spellcheck="false")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")
        self.helper = _helper(Field.text("username", field_width=Fluid.ONE_HALF),
                              Field.text("password", field_width=Fluid.ONE_HALF))


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["email"]
        field.label = "Email address"
        field.help_text = "The address your account was set up with."
        field.error_messages.update(required="Enter your email address",
                                    invalid="Enter an email address in the correct format, "
                                            "like name@example.org")
        field.widget.attrs.update(autocomplete="email", spellcheck="false")
        self.helper = _helper(Field.text("email", field_width=Fluid.TWO_THIRDS))


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].error_messages["required"] = "Confirm your new password"
        self.helper = _helper(Field.text("new_password1", field_width=Fluid.ONE_HALF),
                              Field.text("new_password2", field_width=Fluid.ONE_HALF))
