from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "scrutinydesk.core"
    verbose_name = "Papers and people"
