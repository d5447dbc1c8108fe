from django.apps import AppConfig


class ActionplansConfig(AppConfig):
    name = "scrutinydesk.actionplans"
    verbose_name = "Action plans"
