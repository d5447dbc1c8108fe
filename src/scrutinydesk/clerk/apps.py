from django.apps import AppConfig


class ClerkConfig(AppConfig):
    name = "scrutinydesk.clerk"
    verbose_name = "Clerk's desk"
