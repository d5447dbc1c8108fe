"""Roles: who may do what, in one place.

The public is anyone not signed in. Every signed-in person has one or more roles, each a
Django group (``Group.name`` is the role's label) holding the permissions below:

=========  ==============================================================================
member     councillors: see exempt information (``core.view_exempt``), view every record
officer    a member's permissions, and add or change outcomes data (outcomes, indicators,
           measures, observations, comparators, commentary), risks and action plans;
           confirm imported records (``core.confirm_record``); review findings; upload papers
clerk      a member's permissions, and add or change committees, members and memberships,
           meetings, agenda items, documents, attendance, declarations, decisions,
           undertakings and the work programme; confirm imported records; upload papers
admin      every permission (a superuser counts as an admin)
=========  ==============================================================================

Groups and the two permissions of Scrutiny Desk's own are created (and brought up to date)
after every ``migrate`` by ``ensure_roles``. Views check roles with ``role_required`` or
``RoleRequiredMixin``, templates with the ``roles`` context (``web.context_processors``).
An admin counts as holding every role. What exempt information a role may see is decided
by ``scrutinydesk.core.visibility.can_see_exempt`` alone.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q

from scrutinydesk.core.visibility import VIEW_EXEMPT

CONFIRM_RECORD = "core.confirm_record"

# Permissions of Scrutiny Desk's own, kept on core.SourceDocument's content type.
CUSTOM_PERMISSIONS = {
    VIEW_EXEMPT: "Can see exempt (Schedule 12A) information",
    CONFIRM_RECORD: "Can confirm records read from a paper",
}

DOMAIN_APPS = ("core", "outcomes", "risks", "committees", "actionplans", "findings")


class Role(models.TextChoices):
    MEMBER = "member", "Member"
    OFFICER = "officer", "Officer"
    CLERK = "clerk", "Clerk"
    ADMIN = "admin", "Administrator"


def _models(app: str, *names: str, actions=("add", "change", "view")) -> list[tuple]:
    """An entry for each action on each named model of ``app`` (every model when none)."""
    return [(app, action, name) for action in actions for name in (names or (None,))]


_MEMBER = [("core", "view_exempt", ""),
           *[spec for app in DOMAIN_APPS for spec in _models(app, actions=("view",))]]
_UPLOAD = [("core", "add", "sourcedocument"), ("core", "confirm_record", "")]

# Each entry: (app label, action or codename, model name: None = every model, "" = a
# codename of its own).
ROLE_PERMISSIONS: dict[Role, list[tuple]] = {
    Role.MEMBER: _MEMBER,
    Role.OFFICER: [
        *_MEMBER, *_UPLOAD,
        *_models("outcomes"), *_models("risks"), *_models("actionplans"),
        *_models("findings", "finding", actions=("change",)),
    ],
    Role.CLERK: [
        *_MEMBER, *_UPLOAD,
        *_models("committees", "committee", "member", "membership", "meeting", "agendaitem",
                 "document", "attendance", "declaration", "decision", "undertaking",
                 "workprogrammeitem"),
    ],
    Role.ADMIN: [],  # every permission
}


def permissions_for(role: Role):
    """The permissions the role's group holds."""
    if role is Role.ADMIN:
        return Permission.objects.all()
    match = Q(pk__in=[])
    for app, action, model in ROLE_PERMISSIONS[role]:
        if model == "":
            match |= Q(content_type__app_label=app, codename=action)
        elif model is None:
            match |= Q(content_type__app_label=app, codename__startswith=f"{action}_")
        else:
            match |= Q(content_type__app_label=app, codename=f"{action}_{model}")
    return Permission.objects.filter(match)


def ensure_roles() -> dict[Role, Group]:
    """Create or update the custom permissions and the four groups. Idempotent."""
    from django.contrib.contenttypes.models import ContentType

    from scrutinydesk.core.models import SourceDocument

    content_type = ContentType.objects.get_for_model(SourceDocument)
    for perm, name in CUSTOM_PERMISSIONS.items():
        Permission.objects.update_or_create(
            content_type=content_type, codename=perm.split(".")[1], defaults={"name": name})
    groups = {}
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.label)
        group.permissions.set(permissions_for(role))
        groups[role] = group
    return groups


def ensure_roles_after_migrate(sender, using="default", **kwargs):
    ensure_roles()


def group_for(role: Role) -> Group:
    return Group.objects.get(name=Role(role).label)


def roles_of(user) -> frozenset[Role]:
    """The roles a user holds (none for the public); remembered on the user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_scrutinydesk_roles", None)
    if cached is None:
        by_label = {role.label: role for role in Role}
        cached = frozenset(by_label[name] for name in user.groups.values_list("name", flat=True)
                           if name in by_label)
        if user.is_superuser:
            cached |= {Role.ADMIN}
        user._scrutinydesk_roles = cached
    return cached


def has_role(user, *roles: Role | str) -> bool:
    """True when the user holds any of ``roles``; an admin holds every role."""
    held = roles_of(user)
    return Role.ADMIN in held or any(Role(role) in held for role in roles)


def is_member(user) -> bool:
    return has_role(user, Role.MEMBER)


def is_officer(user) -> bool:
    return has_role(user, Role.OFFICER)


def is_clerk(user) -> bool:
    return has_role(user, Role.CLERK)


def is_admin(user) -> bool:
    return has_role(user, Role.ADMIN)


def role_required(*roles: Role | str):
    """View decorator: the public is sent to sign in, a signed-in person without any of
    ``roles`` gets 403."""
    if not roles:
        raise ValueError("role_required needs at least one role")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied("This page is for " + _names(roles) + ".")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class RoleRequiredMixin(AccessMixin):
    """Class-based views: set ``roles = (Role.CLERK, ...)``; behaves as ``role_required``."""

    roles: tuple[Role | str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not self.roles:
            raise ValueError(f"{type(self).__name__}.roles is empty")
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not has_role(request.user, *self.roles):
            raise PermissionDenied("This page is for " + _names(self.roles) + ".")
        return super().dispatch(request, *args, **kwargs)


def _names(roles) -> str:
    labels = [Role(role).label.lower() + "s" for role in roles]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]
