"""The service navigation in the header: one list, in the order shown.

Add a section with ``Section(label, url_name, matches=(...))``: it is current on its own
page and on every page whose URL name is in ``matches`` (a name, or a namespace ending in
``:``). ``roles`` limits a section to people holding any of those roles.
"""

from dataclasses import dataclass

from django.urls import reverse

from scrutinydesk.accounts.roles import has_role


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    matches: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    def is_current(self, view_name: str) -> bool:
        return view_name == self.url_name or any(
            view_name == m or (m.endswith(":") and view_name.startswith(m))
            for m in self.matches)


SECTIONS: list[Section] = [
    Section("Home", "web:home", matches=("web:outcome", "web:outcome-report")),
    Section("Committees", "web:committees",
            matches=("web:committee", "web:work-programme", "web:work-programme-move",
                     "web:meeting", "web:meeting-outstanding", "web:member")),
    Section("Decisions", "web:decisions"),
    Section("Undertakings", "web:undertakings", matches=("web:undertaking",)),
    Section("Action plans", "web:action-plans", matches=("web:action-plan",)),
    Section("Search", "search:search"),
    Section("Imported papers", "web:review-list",
            matches=("web:review-paper", "web:review-correct", "web:review-assign"),
            roles=("officer", "clerk")),
    Section("Clerk's desk", "clerk:home", matches=("clerk:",), roles=("clerk",)),
    Section("Undertakings to update", "clerk:undertakings",
            matches=("clerk:undertaking-status",), roles=("officer",)),
    Section("Actions to update", "clerk:actions", matches=("clerk:action-status",),
            roles=("officer",)),
]


def items_for(request) -> list[dict]:
    """The sections this request's user may see, each with its link and whether the page
    belongs to it."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    user = getattr(request, "user", None)
    return [{"label": s.label, "href": reverse(s.url_name), "current": s.is_current(view_name),
             "exact": view_name == s.url_name}
            for s in SECTIONS if not s.roles or has_role(user, *s.roles)]
