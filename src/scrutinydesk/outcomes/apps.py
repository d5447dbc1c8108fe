from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "scrutinydesk.outcomes"
    verbose_name = "Outcomes framework"
