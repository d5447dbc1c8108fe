"""The agenda pack: page numbers printed on the agenda are the pages where each item's
papers start, numbering is continuous, and exempt papers reach the members' pack only."""

import io
import re

import pypdfium2 as pdfium
import pytest
from django.core.files.base import ContentFile

from scrutinydesk.clerk.pack import PackError, build_pack, docx_to_html
from scrutinydesk.clerk.services import publish_packs
from scrutinydesk.committees.models import AgendaItem
from tests.factories import make_agenda_item, make_document, make_meeting

pytestmark = pytest.mark.django_db


def pdf_of(title: str, pages: int) -> bytes:
    """A real PDF of ``pages`` pages, each saying its title and page within the paper."""
    from weasyprint import HTML

    body = "".join(f'<section style="break-after: page"><h1>{title}</h1>'
                   f"<p>Page {n} of the paper</p></section>" for n in range(1, pages + 1))
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def page_texts(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def attach(meeting, item, title, data, name, **kw):
    document = make_document(meeting=meeting, agenda_item=item, title=title, subject="",
                             recommendation="", **kw)
    document.file.save(name, ContentFile(data))
    return document


def agenda_pages(texts: list[str]) -> dict[str, str]:
    """The page numbers the agenda (page 2) prints for each item, by item number."""
    agenda = texts[1]
    return {m.group(1): m.group(2) for m in re.finditer(
        r"^(\d+)\s.*?(\d+(?:–\d+)?)\s*$", agenda, re.M)}


@pytest.fixture
def meeting(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting()
    one = make_agenda_item(meeting=meeting, number="1", position=1, title="Apologies",
                           page_start=None, page_end=None)
    two = make_agenda_item(meeting=meeting, number="2", position=2,
                           title="Fostering sufficiency", page_start=None, page_end=None)
    three = make_agenda_item(meeting=meeting, number="3", position=3, title="Contract award",
                             part=2, exempt=True, exempt_paragraph="3", page_start=None,
                             page_end=None)
    four = make_agenda_item(meeting=meeting, number="4", position=4, title="Work programme",
                            page_start=None, page_end=None)
    attach(meeting, two, "Fostering report", pdf_of("Fostering report", 3), "fostering.pdf")
    attach(meeting, two, "Case summaries", pdf_of("Case summaries", 2), "cases.pdf",
           exempt=True)
    attach(meeting, three, "Tender evaluation", pdf_of("Tender evaluation", 2), "tender.pdf")
    attach(meeting, four, "Forward plan", b"Forward plan\n\nTopics for next year.\n",
           "plan.txt")
    return {"meeting": meeting, "items": (one, two, three, four)}


def test_public_pack_numbers_items_where_they_start(meeting):
    built = build_pack(meeting["meeting"], members=False)
    texts = page_texts(built.pdf)
    assert built.page_count == len(texts) == 2 + 3 + 1  # front, agenda, report, plan
    for number, text in enumerate(texts, start=1):
        assert f"Page {number}" in text
    assert "Fostering report" in texts[2] and "Page 1 of the paper" in texts[2]
    assert "Forward plan" in texts[5]
    one, two, three, four = meeting["items"]
    assert built.item_pages == {str(two.pk): [3, 5], str(four.pk): [6, 6]}
    printed = agenda_pages(texts)
    assert printed["2"] == "3–5" and printed["4"] == "6"
    agenda = texts[1]
    assert "Contract award" in agenda
    assert ("Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the "
            "Local Government Act 1972") in " ".join(agenda.split())
    whole = " ".join(texts)
    assert "Tender evaluation" not in whole and "Case summaries" not in whole


def test_members_pack_adds_exempt_papers_after_the_public_ones(meeting):
    built = build_pack(meeting["meeting"], members=True)
    texts = page_texts(built.pdf)
    assert built.page_count == 2 + 3 + 1 + 2 + 2
    one, two, three, four = meeting["items"]
    # public papers keep their pages; the exempt appendix and exempt item's papers follow
    assert built.item_pages[str(two.pk)] == [3, 5]
    assert built.item_pages[str(four.pk)] == [6, 6]
    assert built.item_pages[str(three.pk)] == [9, 10]
    assert "Case summaries" in texts[6] and "Tender evaluation" in texts[8]
    assert "Page 10" in texts[9]
    assert "Case summaries (exempt appendix): pages 7–8" in " ".join(texts[1].split())


def test_publishing_keeps_both_packs_and_the_public_page_numbers(meeting, clerk_user):
    public, members = publish_packs(meeting["meeting"], user=clerk_user)
    assert (public.page_count, members.page_count) == (6, 10)
    assert not public.members_only and members.members_only
    assert page_texts(public.file.read())[2].count("Fostering report") >= 1
    two = AgendaItem.objects.get(pk=meeting["items"][1].pk)
    three = AgendaItem.objects.get(pk=meeting["items"][2].pk)
    assert (two.page_start, two.page_end) == (3, 5)
    assert (three.page_start, three.page_end) == (None, None)
    again, _ = publish_packs(meeting["meeting"], user=clerk_user)
    assert again.pk == public.pk and again.history.count() == 2


def test_items_read_from_a_councils_pack_keep_the_pages_it_printed(meeting, clerk_user):
    from tests.factories import make_source_document

    two = meeting["items"][1]
    AgendaItem.objects.filter(pk=two.pk).update(source=make_source_document(),
                                                page_start=17, page_end=24)
    public, _ = publish_packs(meeting["meeting"], user=clerk_user)
    two.refresh_from_db()
    assert (two.page_start, two.page_end) == (17, 24)
    assert public.item_pages[str(two.pk)] == [3, 5]


def test_a_paper_that_cannot_be_read_publishes_nothing(meeting, clerk_user):
    attach(meeting["meeting"], meeting["items"][0], "Broken", b"%PDF-1.4 not really a pdf",
           "broken.pdf")
    with pytest.raises(PackError, match="Broken"):
        publish_packs(meeting["meeting"], user=clerk_user)
    assert not meeting["meeting"].agenda_packs.exists()
    assert AgendaItem.objects.get(pk=meeting["items"][1].pk).page_start is None


def test_word_paper_is_rendered_with_its_headings_and_tables():
    import docx

    document = docx.Document()
    document.add_heading("Report of the Director", level=1)
    document.add_paragraph("Placements rose this year.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Placements", "41"
    out = io.BytesIO()
    document.save(out)
    html = docx_to_html(out.getvalue())
    assert "<h2>Report of the Director</h2>" in html
    assert "<p>Placements rose this year.</p>" in html
    assert "<td>Placements</td><td>41</td>" in html


@pytest.fixture
def clerk_user(role_user):
    return role_user("clerk")


def test_word_and_html_papers_become_pages_and_nothing_is_fetched(tmp_path, settings,
                                                                   monkeypatch):
    import docx

    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting()
    item = make_agenda_item(meeting=meeting, number="1", position=1, title="Reports",
                            page_start=None, page_end=None)
    word = docx.Document()
    word.add_heading("Placement sufficiency", level=1)
    word.add_paragraph("Forty-one placements were made.")
    out = io.BytesIO()
    word.save(out)
    attach(meeting, item, "Sufficiency (Word)", out.getvalue(), "sufficiency.docx")
    page = (b"<html><body><h1>Briefing</h1><p>Members asked for ward figures.</p>"
            b"<script>document.write('injected')</script>"
            b"<img src='http://example.invalid/tracker.png'></body></html>")
    attach(meeting, item, "Briefing (HTML)", page, "briefing.html")
    fetched = []

    def fetch(url, *args, **kwargs):
        fetched.append(url)
        raise ValueError("refused")

    monkeypatch.setattr("scrutinydesk.clerk.pack._refuse_fetch", fetch)
    texts = page_texts(build_pack(meeting, members=False).pdf)
    assert len(texts) == 4
    assert "Placement sufficiency" in texts[2] and "Forty-one placements" in texts[2]
    assert "Members asked for ward figures." in texts[3] and "injected" not in texts[3]
    assert fetched == []  # the image was removed before rendering, so nothing was asked for


def test_a_paper_known_by_title_alone_is_left_out_and_a_cover_sheet_gets_a_page(
        tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting()
    item = make_agenda_item(meeting=meeting, number="5", position=5, title="Modern slavery",
                            page_start=None, page_end=None)
    make_document(meeting=meeting, agenda_item=item, title="Appendix 1 (link only)",
                  subject="", recommendation="")
    make_document(meeting=meeting, agenda_item=item, title="Modern Slavery Protocol",
                  subject="Modern slavery protocol",
                  recommendation="That the committee notes the protocol.")
    built = build_pack(meeting, members=True)
    texts = page_texts(built.pdf)
    assert built.page_count == 3 and built.item_pages == {str(item.pk): [3, 3]}
    assert "That the committee notes the protocol." in texts[2]
    assert "Appendix 1 (link only)" not in " ".join(texts)
    assert "This pack contains exempt information" not in texts[0]  # none here
