"""What every page's template can use: the service's names, its navigation, and what the
signed-in person may do."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from scrutinydesk.accounts import roles
from scrutinydesk.core.visibility import can_see_exempt

from . import navigation

SERVICE_NAME = "Scrutiny Desk"


def council_name() -> str:
    """``SCRUTINYDESK_COUNCIL``, else the one council recorded, else blank."""
    if settings.COUNCIL_NAME:
        return settings.COUNCIL_NAME
    from scrutinydesk.core.models import Council

    names = list(Council.objects.values_list("name", flat=True)[:2])
    return names[0] if len(names) == 1 else ""


def site(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "service_name": SERVICE_NAME,
        "council_name": SimpleLazyObject(council_name),
        "service_phase": settings.SERVICE_PHASE,
        "navigation": SimpleLazyObject(lambda: navigation.items_for(request)),
        "roles": SimpleLazyObject(lambda: {
            "member": roles.is_member(user), "officer": roles.is_officer(user),
            "clerk": roles.is_clerk(user), "admin": roles.is_admin(user),
            "any": bool(roles.roles_of(user))}),
        "can_see_exempt": SimpleLazyObject(lambda: can_see_exempt(user)),
    }
