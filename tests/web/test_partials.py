"""The GOV.UK partials and the helpers views hand them (web.components, {% load govuk %})."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.html import format_html

from scrutinydesk.committees.models import Meeting
from scrutinydesk.judgements.vocab import RAG
from scrutinydesk.web.components import Column, Row, SummaryRow, paginate, rag_for, sort
from scrutinydesk.web.forms import FilterForm
from tests.factories import make_committee, make_meeting


def render(name, request=None, **context) -> BeautifulSoup:
    return BeautifulSoup(render_to_string(f"web/_partials/{name}.html", context,
                                          request=request), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def request(query=""):
    return RequestFactory().get(f"/meetings/?{query}")


# --- pagination ---------------------------------------------------------------------------

def test_paginate_takes_the_page_asked_for_and_stays_in_range():
    items = list(range(60))
    assert paginate(request("page=2"), items, per_page=25).object_list == list(range(25, 50))
    assert paginate(request("page=9"), items, per_page=25).number == 3
    assert paginate(request("page=x"), items, per_page=25).number == 1


def test_pagination_links_keep_the_filters_and_mark_the_current_page():
    page = paginate(request("committee=4&sort=-date&page=5"), list(range(250)), per_page=25)
    html = render("pagination", request("committee=4&sort=-date&page=5"), page_obj=page)
    nav = html.find("nav", class_="govuk-pagination")
    assert nav["aria-label"] == "Pagination"
    current = nav.find("a", attrs={"aria-current": "page"})
    assert current.get_text(strip=True) == "5"
    assert current["href"] == "?committee=4&sort=-date&page=5"
    numbers = [li.get_text(strip=True) for li in nav.find_all("li")]
    assert numbers == ["1", "⋯", "3", "4", "5", "6", "7", "⋯", "10"]
    assert nav.find("a", rel="prev")["href"] == "?committee=4&sort=-date&page=4"
    assert nav.find("a", rel="next")["href"] == "?committee=4&sort=-date&page=6"
    assert "Showing 101 to 125 of 250" in text(html)


def test_one_page_needs_no_pagination():
    assert render("pagination", request(), page_obj=paginate(request(), [1, 2])).get_text() \
        .strip() == ""


# --- sortable table -----------------------------------------------------------------------

@pytest.mark.django_db
def test_sort_orders_by_the_key_asked_for_and_ignores_unknown_keys():
    committee = make_committee(name="B committee")
    early = make_meeting(committee=committee)
    late = make_meeting(committee=committee)
    options = {"date": ("date",), "committee": "committee__name"}
    qs, current = sort(request("sort=-date"), Meeting.objects.all(), options, "date")
    assert (list(qs), current) == ([late, early], "-date")
    qs, current = sort(request("sort=minutes"), Meeting.objects.all(), options, "date")
    assert (list(qs), current) == ([early, late], "date")


def test_table_with_caption_row_headings_and_sort_links():
    columns = [Column("Meeting", sort_key="date"), Column("Items", numeric=True),
               Column("Venue")]
    rows = [Row(header=format_html('<a href="{}">{}</a>', "/m/1/", "3 May 2019"),
                cells=[12, "County Hall"], numeric=(0,))]
    html = render("table", request("sort=date&committee=4&page=3"), caption="Meetings",
                  columns=columns, rows=rows, sort="date")
    table = html.table
    assert text(table.caption) == "Meetings"
    headings = table.thead.find_all("th")
    assert headings[0]["aria-sort"] == "ascending"
    assert headings[0].a["href"] == "?sort=-date&committee=4"  # back to page 1, filters kept
    assert "sorted ascending" in text(headings[0])
    assert "govuk-table__header--numeric" in headings[1]["class"]
    assert not headings[2].a and "aria-sort" not in headings[2].attrs
    row = table.tbody.tr
    assert row.th["scope"] == "row" and row.th.a["href"] == "/m/1/"
    assert "govuk-table__cell--numeric" in row.td["class"]


def test_an_empty_table_says_so():
    html = render("table", request(), caption="Meetings", columns=[Column("Date")], rows=[],
                  empty="No meetings match.")
    assert not html.table and text(html) == "No meetings match."


# --- tags and RAG -------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "word", "symbol", "colour"), [
    ("red", "Red", "✗", "red"), (RAG.AMBER, "Amber", "●", "orange"),
    ("GREEN", "Green", "✓", "green"), ("blue", "Blue (complete)", "★", "blue"),
    ("", "Not rated", "–", "grey"), ("purple", "Not rated", "–", "grey"),
])
def test_a_rag_rating_is_a_word_a_symbol_and_a_colour(value, word, symbol, colour):
    assert (rag_for(value).word, rag_for(value).symbol, rag_for(value).colour) == \
        (word, symbol, colour)
    tag = render("rag", rag=value).strong
    assert f"govuk-tag--{colour}" in tag["class"]
    assert tag.span["aria-hidden"] == "true" and tag.span.get_text() == symbol
    assert text(tag) == f"{symbol} {word}"


def test_status_tags_take_their_colour_from_the_status():
    html = Template('{% load govuk %}{% include "web/_partials/tag.html" with text="Overdue" '
                    'colour=status|status_colour %}').render(Context({"status": "overdue"}))
    assert 'class="govuk-tag govuk-tag--red"' in html and ">Overdue<" in html


# --- summary list, banners, back link, breadcrumbs, error summary ------------------------

def test_summary_list_rows_links_actions_and_empty_values():
    rows = [SummaryRow("Committee", "People Scrutiny", href="/c/people/"),
            SummaryRow("Venue", ""),
            SummaryRow("Decisions", 0),
            SummaryRow("Chair", "Cllr Ann Other", actions=[("Change", "/edit/chair/", "")])]
    html = render("summary_list", rows=rows)
    values = [text(dd) for dd in html.find_all("dd", class_="govuk-summary-list__value")]
    assert values == ["People Scrutiny", "Not recorded", "0", "Cllr Ann Other"]
    assert html.find("a", href="/c/people/")
    change = html.find("a", href="/edit/chair/")
    assert text(change) == "Change chair"


def test_notification_banners():
    success = render("notification_banner", text="Undertaking saved", kind="success").div
    assert success["role"] == "alert" and "govuk-notification-banner--success" in success["class"]
    assert text(success.h2) == "Success"
    info = render("notification_banner", text="Minutes not yet confirmed", counter=2).div
    assert info["role"] == "region" and info["aria-labelledby"] == info.h2["id"] == \
        "message-title-2"
    assert text(info.h2) == "Important"


def test_back_link_and_breadcrumbs():
    assert render("back_link", href="/meetings/").a["href"] == "/meetings/"
    crumbs = render("breadcrumbs", breadcrumbs=[("Home", "/"), ("Meetings", "/meetings/"),
                                                ("3 May 2019", "")])
    items = crumbs.find_all("li")
    assert [text(li) for li in items] == ["Home", "Meetings", "3 May 2019"]
    assert items[-1]["aria-current"] == "page" and not items[-1].a


class MeetingFilter(FilterForm):
    committee = forms.ChoiceField(choices=[("", "Any"), ("people", "People")])
    year = forms.IntegerField(min_value=2000)


def test_error_summary_links_each_error_to_its_field():
    form = MeetingFilter({"year": "1990", "committee": "nope"})
    html = render("error_summary", form=form)
    links = {a["href"]: text(a) for a in html.find_all("a")}
    assert set(links) == {"#id_committee", "#id_year"}
    assert html.find(attrs={"role": "alert"}).h2.get_text() == "There is a problem"
    assert render("error_summary", form=MeetingFilter()).get_text().strip() == ""


# --- filter form --------------------------------------------------------------------------

def test_a_filter_form_is_a_get_form_that_keeps_the_sort():
    req = request("committee=people&sort=-date")
    html = render("filter_form", req, form=MeetingFilter(req.GET))
    form = html.form
    assert form["method"] == "get" and form["action"] == "/meetings/"
    assert form.find("select", attrs={"name": "committee"}).find(
        "option", selected=True)["value"] == "people"
    assert form.find("input", attrs={"name": "sort"})["value"] == "-date"
    assert form.find("a", href="/meetings/").get_text() == "Clear filters"
    assert MeetingFilter(req.GET).filters() == {"committee": "people"}


def test_an_untouched_filter_form_shows_no_errors_and_filters_nothing():
    form = MeetingFilter(request("sort=date").GET)
    assert not form.is_bound and form.filters() == {} and not form.has_filters
    html = render("filter_form", request("sort=date"), form=form)
    assert not html.find(class_="govuk-error-message") and not html.find("a")
