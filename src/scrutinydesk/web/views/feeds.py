"""Feeds: meetings as iCalendar (overall and per committee), decisions as RSS and Atom.
Both read through the visibility layer: a feed shows what its reader may see."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from icalendar import Calendar, Event

from scrutinydesk.committees.models import Committee, Decision, Meeting
from scrutinydesk.committees.vocab import MeetingStatus

from .meetings import meeting_url

FEED_ITEMS = 50
DEFAULT_LENGTH = timedelta(hours=2)  # a meeting with a start time and no end time


def _calendar(request, meetings, name: str) -> HttpResponse:
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//Scrutiny Desk//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{request.get_host()}")
        event.add("dtstamp", stamp)
        event.add("summary", meeting.committee.name)
        if meeting.start_time:
            start = datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
            end = (datetime.combine(meeting.date, meeting.end_time, tzinfo=zone)
                   if meeting.end_time else start + DEFAULT_LENGTH)
            event.add("dtstart", start)
            event.add("dtend", end)
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + timedelta(days=1))
        if meeting.venue:
            event.add("location", meeting.venue)
        if meeting.note:
            event.add("description", meeting.note)
        event.add("url", request.build_absolute_uri(meeting_url(meeting)))
        event.add("status", "CANCELLED" if meeting.status == MeetingStatus.CANCELLED
                  else "CONFIRMED")
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response


def meetings_ical(request):
    meetings = (Meeting.objects.visible_to(request.user).select_related("committee")
                .order_by("date", "start_time"))
    return _calendar(request, meetings, "Committee meetings")


def committee_meetings_ical(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    meetings = (Meeting.objects.visible_to(request.user).filter(committee=committee)
                .select_related("committee").order_by("date", "start_time"))
    return _calendar(request, meetings, committee.name)


class DecisionsFeed(Feed):
    """The newest decisions as RSS 2.0."""

    title = "Committee decisions"
    description = "Decisions of the committees: recommendations, resolutions and what was noted."

    def get_object(self, request, *args, **kwargs):
        return request.user  # the reader: items() fetches what they may see

    def link(self):
        return reverse("web:decisions")

    def items(self, user):
        return (Decision.objects.visible_to(user)
                .select_related("meeting__committee", "agenda_item")
                .order_by("-meeting__date", "-agenda_item__position", "-position")[:FEED_ITEMS])

    def item_title(self, item):
        where = f"{item.meeting.committee.name}, {item.meeting.date:%-d %B %Y}"
        to = f" to {item.recipient}" if item.recipient else ""
        return f"{item.get_kind_display()}{to}: {item.agenda_item or where}"

    def item_description(self, item):
        parts = [item.text]
        if item.reason:
            parts.append(f"Reason for decision: {item.reason}")
        return "\n\n".join(p for p in parts if p)

    def item_link(self, item):
        return f"{meeting_url(item.meeting)}#decision-{item.pk}"

    def item_pubdate(self, item):
        return datetime.combine(item.meeting.date, item.meeting.start_time or time(0),
                                tzinfo=ZoneInfo(settings.TIME_ZONE))

    def item_updateddate(self, item):
        return self.item_pubdate(item)  # Atom requires <updated>; RSS ignores it

    def item_categories(self, item):
        return [item.get_kind_display(), item.meeting.committee.name]


class DecisionsAtomFeed(DecisionsFeed):
    """The same decisions as Atom 1.0."""

    feed_type = Atom1Feed

    @property
    def subtitle(self):
        return self.description
