from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "scrutinydesk.risks"
    verbose_name = "Corporate risks"
