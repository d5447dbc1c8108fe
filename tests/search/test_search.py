"""Search: the same answers on SQLite and PostgreSQL, exempt text kept from the public."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scrutinydesk.search.index import rebuild
from scrutinydesk.search.models import Entry, EntryKind
from scrutinydesk.search.query import parse
from scrutinydesk.search.services import search
from tests.exempt import SECRETS

pytestmark = pytest.mark.django_db

CORPUS = {
    "protocol": ("Modern slavery protocol",
                 "The modern slavery protocol sets out how partners identify victims of "
                 "modern slavery and human trafficking."),
    "passing": ("Annual report of the safeguarding board",
                "Among other matters the board touched on modern slavery once."),
    "children": ("Children in care", "Placements for children in care; care leavers' housing."),
    "send": ("SEND written statement of action",
             "Education, health and care plans issued within twenty weeks."),
    "exclusions": ("School exclusions", "Permanent exclusions from secondary schools rose."),
    "budget": ("Budget monitoring", "The budget for 2018/19 is £4.2m; overspend forecast."),
    "cafe": ("Café provision", "The café at the children's centre reopened."),
    "trafficking": ("Trafficking referrals", "Referrals to the national referral mechanism."),
}

QUERIES = [
    ("modern slavery", ["protocol", "passing"]),
    ('"modern slavery protocol"', ["protocol"]),
    ('"slavery modern"', []),
    ("slav*", ["protocol", "passing"]),
    ("exclus*", ["exclusions"]),
    ("exclusion", ["exclusions"]),  # stemmed
    ("excluded", []),  # a different stem
    ("the and of", []),  # stop words only
    ("the children", ["children", "cafe"]),
    ("children care", ["children"]),
    ("referral", ["trafficking"]),
    ("budget, overspend!", ["budget"]),
    ("", []),
    ('"', []),
    ("*", []),
    ("AND OR", []),
    ("'; DROP TABLE search_entry; --", []),
    ("x" * 5000, []),
    ("children " * 300, ["children", "cafe"]),
    ("café", ["cafe"]),
    ("human-trafficking", ["protocol"]),
    ("education health", ["send"]),
    ("NOT slavery", ["protocol", "passing"]),
    ("(budget)", ["budget"]),
    ("2018", ["budget"]),
]


@pytest.fixture
def corpus():
    return {key: Entry.objects.create(kind=EntryKind.REPORT, record_id=n, title=title,
                                      body=body).pk
            for n, (key, (title, body)) in enumerate(CORPUS.items(), start=1)}


@pytest.mark.parametrize(("text", "expected"), QUERIES, ids=[q[:30] for q, _ in QUERIES])
def test_the_same_results_on_every_database(corpus, text, expected):
    names = {pk: key for key, pk in corpus.items()}
    found = search(text, None, limit=10)
    assert [names[r.entry.pk] for r in found.results] == expected
    assert found.total == len(expected)


def test_a_title_match_ranks_above_a_passing_mention(corpus):
    results = search("modern slavery", None).results
    assert results[0].entry.pk == corpus["protocol"]
    assert results[0].rank > results[1].rank
    assert "<mark>" in results[0].snippet


def test_hostile_input_is_no_syntax():
    assert parse('"') == parse("*") == parse("AND OR") == []
    assert [t.words for t in parse("'; DROP")] == [("drop",)]


def test_the_samples_modern_slavery(samples_dir):
    from scrutinydesk.ingest.services import import_path

    for path in sorted(samples_dir.glob("*.txt")):
        import_path(path)
    rebuild()
    results = search("modern slavery", None, limit=50).results
    place = {(r.entry.kind, r.entry.title): n for n, r in enumerate(results)}
    report = place[(EntryKind.REPORT, "Modern Slavery Protocol and Guidance")]
    minute = place[(EntryKind.MINUTE, "6. Modern Slavery Protocol and Guidance")]
    passing = place[(EntryKind.MINUTE, "7. Emergency Planning Update")]
    assert max(report, minute) < passing
    for n in (report, minute, passing):
        assert "<mark>Modern</mark> <mark>Slavery</mark>" in results[n].snippet.replace(
            "slavery", "Slavery").replace("modern", "Modern")


def test_exempt_text_only_for_those_who_may_see_it(exempt_business, client, role_user):
    rebuild()
    for secret in SECRETS:
        response = client.get(reverse("search:search"), {"q": f'"{secret}"'})
        assert response.status_code == 200
        page = response.content.decode().replace(f"&quot;{secret}&quot;", "")
        assert "0 results" in page
        assert secret not in page.replace(f"“&quot;{secret}&quot;”", "")
    member = role_user("member")
    seen = [s for s in SECRETS if search(f'"{s}"', member).total]
    assert seen, "a member finds no exempt text"


def test_the_index_follows_a_saved_record(django_capture_on_commit_callbacks):
    from tests.factories import make_meeting

    meeting = make_meeting()
    with django_capture_on_commit_callbacks(execute=True):
        item = meeting.items.create(title="Kinship carers", minutes="Kinship carers' allowances.")
    assert search("kinship", None).total == 1
    with django_capture_on_commit_callbacks(execute=True):
        item.delete()
    assert search("kinship", None).total == 0


def test_the_page_makes_as_many_queries_for_ten_times_the_data(client):
    def grow(n):
        Entry.objects.bulk_create(
            Entry(kind=EntryKind.DECISION, record_id=Entry.objects.count() + i + 1,
                  title=f"Decision {i}", body="Foster carers recruitment.") for i in range(n))

    grow(5)
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("search:search"), {"q": "foster"}).status_code == 200
    grow(45)
    with CaptureQueriesContext(connection) as large:
        response = client.get(reverse("search:search"), {"q": "foster"})
    assert "50 results" in response.content.decode()
    assert len(large) == len(small)
