"""Numbers as the reports print them: ``{% load figures %}{{ value|figure }}`` (51, 3,553,
115.3), a dash for none."""

from django import template

from scrutinydesk.reports.formatting import number

register = template.Library()


@register.filter
def figure(value) -> str:
    return number(value) or "—"
