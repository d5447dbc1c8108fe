from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "scrutinydesk.search"
    label = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401

        post_migrate.connect(_ensure_index, sender=self)


def _ensure_index(using, **kwargs):
    from django.db import connections

    from .schema import ensure

    ensure(connections[using])
