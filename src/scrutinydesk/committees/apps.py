from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    name = "scrutinydesk.committees"
    verbose_name = "Committee business"
