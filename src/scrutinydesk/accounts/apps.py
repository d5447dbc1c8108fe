from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "scrutinydesk.accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        from .roles import ensure_roles_after_migrate

        # This app is installed last, so every other app's permissions exist by then.
        post_migrate.connect(ensure_roles_after_migrate, sender=self,
                             dispatch_uid="scrutinydesk-ensure-roles")
