from django.apps import AppConfig


class FindingsConfig(AppConfig):
    name = "scrutinydesk.findings"
    verbose_name = "Findings"
