"""The exempt-information layer (core.visibility): who may see it, and what each model's
visible_to() gives the public, on real records (tests/exempt.py)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, ForeignKey

from scrutinydesk.committees.models import (
    AgendaItem,
    Decision,
    Declaration,
    Document,
    Meeting,
    Undertaking,
)
from scrutinydesk.core import visibility
from scrutinydesk.core.models import SourceDocument
from scrutinydesk.core.visibility import ExemptFieldError, can_see_exempt, is_redacted
from scrutinydesk.findings.models import Finding
from tests.exempt import EXEMPT_TITLE, SECRETS
from tests.factories import make_user

pytestmark = pytest.mark.django_db
PUBLIC = AnonymousUser()


# --- the policy ---------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["member", "officer", "clerk", "admin"])
def test_every_role_may_see_exempt_information(role_user, role):
    assert can_see_exempt(role_user(role))


def test_the_public_and_people_without_a_role_may_not():
    assert not can_see_exempt(PUBLIC)
    assert not can_see_exempt(None)
    assert not can_see_exempt(make_user())
    assert not can_see_exempt(make_user(is_staff=True))


def test_a_superuser_may_and_an_inactive_member_may_not(role_user):
    assert can_see_exempt(make_user(superuser=True))
    member = role_user("member")
    member.is_active = False
    member.save()
    assert not can_see_exempt(member)


# --- agenda items -------------------------------------------------------------------------

def test_the_public_sees_an_exempt_items_title_but_none_of_its_business(exempt_business):
    items = {i.number: i for i in AgendaItem.objects.visible_to(PUBLIC)}
    exempt = items["9"]
    assert (exempt.title, exempt.exempt, exempt.exempt_paragraph) == (EXEMPT_TITLE, True, "3")
    assert exempt.minutes == "" and exempt.description == ""
    assert is_redacted(exempt)
    assert list(exempt.decisions.all()) == [] and list(exempt.undertakings.all()) == []
    assert list(exempt.declarations.all()) == [] and list(exempt.documents.all()) == []
    assert exempt.decisions.filter(kind="resolved").count() == 0


def test_the_public_sees_a_public_items_business_without_its_exempt_appendix(
        exempt_business):
    item = AgendaItem.objects.visible_to(PUBLIC).get(number="4")
    assert not is_redacted(item)
    assert item.minutes == "Members asked about recruitment of foster carers."
    assert [d.text for d in item.decisions.all()] == ["That the report be noted."]
    assert [d.title for d in item.documents.all()] == ["Fostering sufficiency report"]


def test_a_member_sees_everything(exempt_business, role_user):
    member = role_user("member")
    exempt = AgendaItem.objects.visible_to(member).get(number="9")
    assert "tender prices from Harbour Care Ltd" in exempt.minutes
    assert exempt.decisions.get().text == "To award the contract to Harbour Care."
    assert {d.title for d in AgendaItem.objects.visible_to(member).get(number="4")
            .documents.all()} == {"Fostering sufficiency report",
                                  "Named children's case summaries"}


def test_filters_on_blanked_fields_test_what_the_public_sees(exempt_business, role_user):
    public = AgendaItem.objects.visible_to(PUBLIC)
    assert not public.filter(minutes__icontains="tender prices").exists()
    assert not public.filter(description__icontains="bids").exists()
    assert list(public.filter(minutes="").values_list("number", flat=True)) == ["9"]
    assert set(public.exclude(minutes__icontains="tender").values_list("number", flat=True)) \
        == {"4", "9"}
    assert [i.number for i in public.filter(minutes__icontains="foster")] == ["4"]
    member = role_user("member")
    assert AgendaItem.objects.visible_to(member).filter(
        minutes__icontains="tender prices").get().number == "9"


def test_filters_through_emptied_relations_test_what_the_public_sees(exempt_business):
    public = AgendaItem.objects.visible_to(PUBLIC)
    assert not public.filter(decisions__text__icontains="award the contract").exists()
    assert not public.filter(undertakings__text__icontains="unit price").exists()
    assert not public.filter(documents__title__icontains="case summaries").exists()
    assert [i.number for i in public.filter(documents__title__icontains="sufficiency")] \
        == ["4"]
    assert set(public.exclude(decisions__text__icontains="award").values_list(
        "number", flat=True)) == {"4", "9"}


def test_what_cannot_be_answered_for_the_public_is_refused(exempt_business):
    public = AgendaItem.objects.visible_to(PUBLIC)
    with pytest.raises(ExemptFieldError):
        public.values("minutes")
    with pytest.raises(ExemptFieldError):
        public.values()
    with pytest.raises(ExemptFieldError):
        public.values_list("number", "description")
    with pytest.raises(ExemptFieldError):
        public.annotate(n=Count("decisions"))
    with pytest.raises(ExemptFieldError):
        public.aggregate(n=Count("undertakings"))
    with pytest.raises(ExemptFieldError):
        public.annotate(text=F("minutes"))
    assert public.annotate(text=F("public_minutes")).get(number="9").text == ""
    assert list(public.order_by("-minutes").values_list("number", flat=True)) == ["4", "9"]


def test_a_record_loaded_for_the_public_cannot_be_saved(exempt_business):
    exempt = AgendaItem.objects.visible_to(PUBLIC).get(number="9")
    exempt.title = "Changed"
    with pytest.raises(ExemptFieldError):
        exempt.save()
    exempt_business.exempt_item.refresh_from_db()
    assert "tender prices" in exempt_business.exempt_item.minutes


# --- documents, decisions, undertakings, declarations ------------------------------------

@pytest.mark.parametrize(("model", "field", "public", "everyone"), [
    (Document, "title", {"Fostering sufficiency report"},
     {"Fostering sufficiency report", "Evaluation of tenders (exempt report)",
      "Named children's case summaries"}),
    (Decision, "text", {"That the report be noted."},
     {"That the report be noted.", "To award the contract to Harbour Care."}),
    (Undertaking, "text", {"send the figures"}, {"send the figures", "renegotiate the unit price"}),
    (Declaration, "interest", {"a foster carer"},
     {"a foster carer", "director of a bidding company"}),
])
def test_the_public_never_gets_the_business_of_exempt_items(exempt_business, role_user, model,
                                                            field, public, everyone):
    assert set(model.objects.visible_to(PUBLIC).values_list(field, flat=True)) == public
    for role in ("member", "officer", "clerk", "admin"):
        assert set(model.objects.visible_to(role_user(role)).values_list(field, flat=True)) \
            == everyone


# --- papers and findings ------------------------------------------------------------------

def test_a_paper_with_exempt_parts_has_no_text_for_the_public(exempt_business):
    papers = {p.pk: p for p in SourceDocument.objects.visible_to(PUBLIC)}
    pack, other = papers[exempt_business.pack.pk], papers[exempt_business.public_paper.pk]
    assert pack.has_exempt_parts and pack.text == "" and not pack.file
    assert pack.warnings == [] and pack.title == "Children's Scrutiny Committee agenda pack"
    assert not other.has_exempt_parts and other.text.startswith("Rate of children in care")
    public = SourceDocument.objects.visible_to(PUBLIC)
    assert not public.filter(text__icontains="CONFIDENTIAL").exists()
    assert public.filter(text__icontains="children in care").get() == other


def test_a_paper_is_exempt_only_for_what_was_read_from_it(exempt_business):
    flags = dict(SourceDocument.objects.with_exempt_parts().values_list("pk",
                                                                        "has_exempt_parts"))
    assert flags == {exempt_business.pack.pk: True, exempt_business.public_paper.pk: False}
    exempt_business.exempt_item.exempt = False
    exempt_business.exempt_item.part = 1
    exempt_business.exempt_item.exempt_paragraph = ""
    exempt_business.exempt_item.save()
    Document.objects.filter(exempt=True).update(exempt=False)
    assert not SourceDocument.objects.visible_to(PUBLIC).get(
        pk=exempt_business.pack.pk).has_exempt_parts


def test_members_get_the_text_of_every_paper(exempt_business, role_user):
    pack = SourceDocument.objects.visible_to(role_user("member")).get(pk=exempt_business.pack.pk)
    assert "CONFIDENTIAL PAGES OF THE PACK" in pack.text


def test_findings_read_from_a_paper_with_exempt_parts_are_not_public(exempt_business,
                                                                      role_user):
    assert list(Finding.objects.visible_to(PUBLIC)) == [exempt_business.public_finding]
    assert set(Finding.objects.visible_to(role_user("officer"))) == {
        exempt_business.public_finding, exempt_business.pack_finding}


# --- meetings -----------------------------------------------------------------------------

def test_a_meetings_business_comes_through_the_layer(exempt_business, django_assert_num_queries):
    meeting = Meeting.objects.visible_to(PUBLIC).get(pk=exempt_business.meeting.pk)
    with django_assert_num_queries(0):
        items = list(meeting.items.all())
        texts = [d.text for d in meeting.decisions.all()]
        titles = [d.title for d in meeting.documents.all()]
        exempt = items[1]
        assert list(exempt.decisions.all()) == []
    assert [i.title for i in items] == ["Fostering sufficiency", EXEMPT_TITLE]
    assert exempt.minutes == "" and texts == ["That the report be noted."]
    assert titles == ["Fostering sufficiency report"]
    with pytest.raises(ExemptFieldError):
        Meeting.objects.visible_to(PUBLIC).filter(items__minutes__icontains="tender")


def test_a_member_gets_a_meetings_whole_business(exempt_business, role_user):
    meeting = Meeting.objects.visible_to(role_user("member")).get()
    assert len(meeting.decisions.all()) == 2 and len(meeting.documents.all()) == 3
    assert "tender prices" in meeting.items.all()[1].minutes
    assert Meeting.objects.visible_to(role_user("clerk")).filter(
        items__minutes__icontains="tender").exists()


# --- every model that can carry exempt information goes through the layer ----------------

def _has_exempt_field(model) -> bool:
    return any(f.name == "exempt" for f in model._meta.get_fields())


def _needs_the_layer(model) -> bool:
    """A model with an ``exempt`` field, one pointing to such a model, one such a model
    points to (other than user accounts), or one that quotes a paper (findings)."""
    if _has_exempt_field(model):
        return True
    for field in model._meta.get_fields():
        if isinstance(field, ForeignKey) and _has_exempt_field(field.related_model):
            return True
        if (field.one_to_many and field.related_model is not None
                and _has_exempt_field(field.related_model)):
            return True
    return model is Finding


PROJECT_MODELS = [m for m in apps.get_models()
                  if m.__module__.startswith("scrutinydesk.")
                  and not m.__name__.startswith("Historical")]


def test_the_rule_finds_the_models_that_carry_exempt_information():
    names = {m.__name__ for m in PROJECT_MODELS if _needs_the_layer(m)}
    assert names >= {"AgendaItem", "Document", "Decision", "Undertaking", "Declaration",
                     "Meeting", "SourceDocument", "Finding"}


@pytest.mark.parametrize("model", [m for m in PROJECT_MODELS if _needs_the_layer(m)],
                         ids=lambda m: m._meta.label)
def test_every_model_that_can_carry_exempt_information_has_visible_to(model):
    queryset = model._default_manager.all()
    assert isinstance(queryset, visibility.VisibleQuerySet), \
        f"{model._meta.label} needs a manager from core.visibility with visible_to()"
    assert type(queryset).public is not visibility.VisibleQuerySet.public, \
        f"{model._meta.label}'s queryset must say what the public sees"


def test_every_secret_of_the_fixture_is_in_the_database(exempt_business, role_user):
    """The leak tests mean something only if each secret is really stored."""
    member = role_user("member")
    stored = " ".join([
        *(f"{i.minutes} {i.description}" for i in AgendaItem.objects.all()),
        *Decision.objects.values_list("text", flat=True),
        *Undertaking.objects.values_list("text", flat=True),
        *Declaration.objects.values_list("interest", flat=True),
        *Document.objects.values_list("title", flat=True),
        *SourceDocument.objects.visible_to(member).values_list("text", flat=True),
        *Finding.objects.values_list("explanation", flat=True)])
    assert all(secret in stored for secret in SECRETS)
