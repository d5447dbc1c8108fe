"""Shared models: source papers, provenance, officers and name keys."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from scrutinydesk.committees.models import Member
from scrutinydesk.core.models import Officer, SourceDocument
from tests.factories import (
    EXAMPLES,
    make_member,
    make_observation,
    make_officer,
    make_risk,
    make_source_document,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_source_document_text():
    assert str(make_source_document(title="Agenda pack, 30 January 2018")) == \
        "Agenda pack, 30 January 2018"
    assert str(make_source_document(title="", name="pack.pdf")) == "pack.pdf"


def test_source_document_is_identified_by_its_hash():
    paper = make_source_document()
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceDocument.objects.create(sha256=paper.sha256, name="copy.txt")


def test_source_document_history_leaves_out_the_text():
    paper = make_source_document(text="Page 1\nMinutes\n")
    history_fields = {f.name for f in paper.history.model._meta.get_fields()}
    assert "text" not in history_fields
    assert "title" in history_fields


@pytest.mark.parametrize(("first", "last", "shown"), [
    (None, None, ""),
    (67, None, "p. 67"),
    (67, 67, "p. 67"),
    (67, 70, "pp. 67–70"),
])
def test_source_pages(first, last, shown):
    risk = make_risk(source=make_source_document(), source_page=first, source_page_end=last)
    assert risk.source_pages == shown


def test_machine_extracted_until_confirmed():
    typed_in = make_risk()
    imported = make_risk(source=make_source_document(), source_page=3)
    assert not typed_in.machine_extracted
    assert imported.machine_extracted
    imported.confirmed_at, imported.confirmed_by = timezone.now(), make_user()
    imported.save()
    assert not imported.machine_extracted


def test_a_source_paper_in_use_cannot_be_deleted():
    from django.db.models import ProtectedError

    paper = make_source_document()
    make_observation(source=paper, source_page=12)
    with pytest.raises(ProtectedError):
        paper.delete()


def test_officer_name_cleaned_and_keyed():
    officer = make_officer(name="Dr Sarah Parker (Executive Director)", job_title="Director")
    assert officer.name == "Sarah Parker"
    assert officer.name_key == "sarah parker"
    assert str(officer) == "Sarah Parker (Director)"
    assert str(make_officer(name="Jay Mercer", job_title="")) == "Jay Mercer"


def test_officer_names_unique_by_key():
    make_officer(name="Sarah Parker")
    with pytest.raises(IntegrityError), transaction.atomic():
        Officer.objects.create(name="Ms SARAH PARKER")


def test_member_name_key_matches_the_printed_forms():
    member = make_member(name="Cllr Pauline Batstone (Chairman)")
    assert member.name == "Pauline Batstone"
    assert member.name_key == "pauline batstone"
    assert str(member) == "Pauline Batstone"
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.create(name="Pauline Batstone")


def test_a_name_of_only_a_role_is_kept_as_printed():
    member = make_member(name="(Chairman)")
    assert member.name == "(Chairman)"
    assert member.name_key == ""


@pytest.mark.parametrize("model", list(EXAMPLES), ids=[m._meta.label for m in EXAMPLES])
def test_every_example_reads_as_text(model):
    """Each model says what it is, not "Model object (1)"."""
    text = str(EXAMPLES[model]())
    assert text.strip()
    assert "object (" not in text
