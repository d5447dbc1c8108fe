"""Committee business models: the rules each keeps and how each reads."""

from datetime import date, time

import pytest
from django.db import IntegrityError, transaction

from scrutinydesk.committees import models as committee_models
from scrutinydesk.committees.models import Attendance, Meeting, Membership
from scrutinydesk.committees.vocab import (
    AttendanceStatus,
    AttendeeKind,
    DecisionKind,
    DeclarationKind,
    MeetingStatus,
    MembershipRole,
    Priority,
    UndertakingStatus,
)
from tests.factories import (
    make_agenda_item,
    make_attendance,
    make_committee,
    make_decision,
    make_declaration,
    make_document,
    make_meeting,
    make_member,
    make_membership,
    make_officer,
    make_undertaking,
    make_work_programme_item,
)

pytestmark = pytest.mark.django_db


def integrity_error(name=None):
    """Expect the database to refuse a row (naming the check constraint, where given)."""
    return pytest.raises(IntegrityError, match=name) if name else pytest.raises(IntegrityError)


# --- committees and members -------------------------------------------------------------
def test_committee_slug_and_text():
    committee = make_committee(name="Safeguarding Overview & Scrutiny Committee")
    assert committee.slug == "safeguarding-overview-scrutiny-committee"
    assert str(committee) == "Safeguarding Overview & Scrutiny Committee"


def test_committee_slug_is_cut_to_its_length():
    # The "ﬁ" ligature becomes "fi" in a slug, so a 300-character name gives a longer slug.
    committee = make_committee(name="\ufb01" * 300)
    committee.refresh_from_db()
    assert committee.slug == "fi" * 150


def test_membership_text_and_current_on():
    membership = make_membership(
        committee=make_committee(name="People Committee"),
        member=make_member(name="Cllr Toni Coombs"), role=MembershipRole.VICE_CHAIR,
        start=date(2017, 5, 4), end=date(2018, 5, 3))
    assert str(membership) == "Toni Coombs – Vice-Chairman, People Committee"
    assert membership.current_on(date(2017, 5, 4))
    assert membership.current_on(date(2018, 5, 3))
    assert not membership.current_on(date(2018, 5, 4))
    assert not membership.current_on(date(2017, 5, 3))
    assert make_membership(start=None, end=None).current_on(date(1999, 1, 1))


@pytest.mark.parametrize("how", ["save", "update"])
def test_membership_ends_after_it_starts(how):
    membership = make_membership(start=date(2017, 5, 4))
    with integrity_error("membership_ends_after_start"), transaction.atomic():
        if how == "save":
            make_membership(start=date(2017, 5, 4), end=date(2017, 5, 3))
        else:
            Membership.objects.filter(pk=membership.pk).update(end=date(2016, 1, 1))
    assert make_membership(start=date(2017, 5, 4), end=date(2017, 5, 4)).pk


def test_membership_unique():
    membership = make_membership()
    with integrity_error(), transaction.atomic():
        make_membership(committee=membership.committee, member=membership.member,
                        role=membership.role, start=membership.start)


# --- meetings ---------------------------------------------------------------------------
def test_meeting_text_and_status():
    meeting = make_meeting(committee=make_committee(name="People Committee"),
                           date=date(2018, 1, 30))
    assert str(meeting) == "People Committee, 30 January 2018"
    assert not meeting.is_cancelled
    meeting.status = MeetingStatus.CANCELLED
    assert meeting.is_cancelled


def test_one_meeting_per_committee_and_date():
    meeting = make_meeting(date=date(2018, 1, 30))
    make_meeting(date=date(2018, 1, 30))  # another committee
    with integrity_error(), transaction.atomic():
        make_meeting(committee=meeting.committee, date=date(2018, 1, 30))


def test_meeting_ends_after_it_starts():
    with integrity_error("meeting_ends_after_start"), transaction.atomic():
        make_meeting(start_time=time(10), end_time=time(9, 59))
    assert make_meeting(start_time=time(10), end_time=None).pk


def test_meetings_newest_first():
    committee = make_committee()
    for day in (12, 30, 6):
        make_meeting(committee=committee, date=date(2018, 1, day))
    days = [m.date.day for m in Meeting.objects.filter(committee=committee)]
    assert days == [30, 12, 6]


# --- agenda items and documents ---------------------------------------------------------
def test_agenda_item_text():
    assert str(make_agenda_item(number="4a", title="Modern Slavery")) == "4a. Modern Slavery"
    assert str(make_agenda_item(number="", title="Exclusion of the public")) == \
        "Exclusion of the public"


def test_agenda_item_pages_in_order():
    with integrity_error("agendaitem_pages_in_order"), transaction.atomic():
        make_agenda_item(page_start=20, page_end=19)
    assert make_agenda_item(page_start=20, page_end=20).pk


def test_exempt_paragraph_only_when_exempt():
    with integrity_error("agendaitem_paragraph_only_if_exempt"), transaction.atomic():
        make_agenda_item(exempt=False, exempt_paragraph="3")
    assert make_agenda_item(exempt=True, exempt_paragraph="3").pk


def test_part_two_makes_an_item_exempt():
    item = make_agenda_item(part=2, exempt=False, exempt_paragraph="1")
    item.refresh_from_db()
    assert item.exempt
    assert item.exempt_paragraph == "1"


def test_document_text():
    document = make_document(title="Modern Slavery Protocol")
    assert str(document) == "Modern Slavery Protocol"


# --- attendance -------------------------------------------------------------------------
def test_attendance_text_and_person():
    member = make_member(name="Cllr Kate Wheller")
    attendance = make_attendance(member=member, status=AttendanceStatus.APOLOGIES)
    assert attendance.person == member
    assert str(attendance) == f"Kate Wheller: Apologies ({attendance.meeting})"
    officer = make_officer(name="Jay Mercer", job_title="")
    assert make_attendance(kind=AttendeeKind.OFFICER, officer=officer).person == officer
    assert make_attendance(kind=AttendeeKind.OTHER, name="Healthwatch").person == "Healthwatch"


@pytest.mark.parametrize(("kind", "person"), [
    (AttendeeKind.COMMITTEE_MEMBER, "none"),
    (AttendeeKind.COMMITTEE_MEMBER, "officer"),
    (AttendeeKind.OTHER_MEMBER, "both"),
    (AttendeeKind.OFFICER, "member"),
    (AttendeeKind.OFFICER, "none"),
    (AttendeeKind.OTHER, "member"),
    (AttendeeKind.OTHER, "none"),
])
def test_attendance_person_matches_kind(kind, person):
    meeting = make_meeting()
    fields = {"member": make_member() if person in ("member", "both") else None,
              "officer": make_officer() if person in ("officer", "both") else None}
    with integrity_error("attendance_person_matches_kind"), transaction.atomic():
        Attendance.objects.create(meeting=meeting, kind=kind, **fields)


def test_substitute_for_only_with_status_substitute():
    absent = make_member()
    with integrity_error("attendance_substitute_status"), transaction.atomic():
        make_attendance(status=AttendanceStatus.PRESENT, substitute_for=absent)
    substitute = make_attendance(status=AttendanceStatus.SUBSTITUTE, substitute_for=absent)
    assert list(absent.substituted_by.all()) == [substitute]


def test_a_member_attends_a_meeting_once():
    attendance = make_attendance()
    with integrity_error(), transaction.atomic():
        make_attendance(meeting=attendance.meeting, member=attendance.member,
                        status=AttendanceStatus.APOLOGIES)
    officer_row = make_attendance(meeting=attendance.meeting, kind=AttendeeKind.OFFICER)
    with integrity_error(), transaction.atomic():
        make_attendance(meeting=attendance.meeting, kind=AttendeeKind.OFFICER,
                        officer=officer_row.officer)


# --- declarations, decisions, undertakings ----------------------------------------------
def test_declaration_text():
    declaration = make_declaration(member=make_member(name="Cllr Mike Byatt"),
                                   kind=DeclarationKind.DISCLOSABLE_PECUNIARY)
    assert str(declaration) == \
        f"Mike Byatt: Disclosable pecuniary interest ({declaration.meeting})"


def test_decision_text():
    decision = make_decision(kind=DecisionKind.NOTED, text="That the report be noted. " * 10)
    assert str(decision) == "Noted: " + ("That the report be noted. " * 10)[:80]


def test_recipient_only_for_recommendations():
    with integrity_error("decision_recipient_only_for_recommendations"), transaction.atomic():
        make_decision(kind=DecisionKind.RESOLVED, recipient="Cabinet")
    assert make_decision(kind=DecisionKind.RECOMMENDED, recipient="Cabinet").pk


def test_undertaking_text():
    undertaking = make_undertaking(owner="The Head of Family Support",
                                   text="circulate the figures to members")
    assert str(undertaking) == "The Head of Family Support: circulate the figures to members"


def test_completed_on_only_when_done():
    with integrity_error("undertaking_completed_only_if_done"), transaction.atomic():
        make_undertaking(status=UndertakingStatus.OPEN, completed_on=date(2018, 2, 1))
    assert make_undertaking(status=UndertakingStatus.DONE, completed_on=date(2018, 2, 1)).pk


@pytest.mark.parametrize(("status", "due", "today", "overdue"), [
    (UndertakingStatus.OPEN, date(2018, 3, 31), date(2018, 4, 1), True),
    (UndertakingStatus.IN_PROGRESS, date(2018, 3, 31), date(2018, 4, 1), True),
    (UndertakingStatus.OPEN, date(2018, 3, 31), date(2018, 3, 31), False),
    (UndertakingStatus.DONE, date(2018, 3, 31), date(2018, 4, 1), False),
    (UndertakingStatus.DROPPED, date(2018, 3, 31), date(2018, 4, 1), False),
    (UndertakingStatus.OPEN, None, date(2018, 4, 1), False),
])
def test_is_overdue(status, due, today, overdue):
    assert make_undertaking(status=status, due=due).is_overdue(today) is overdue


def test_is_overdue_defaults_to_today(monkeypatch):
    class FrozenDate(date):
        @classmethod
        def today(cls):
            return cls(2018, 4, 1)

    monkeypatch.setattr(committee_models, "date", FrozenDate)
    assert make_undertaking(due=date(2018, 3, 31)).is_overdue()
    assert not make_undertaking(due=date(2018, 4, 1)).is_overdue()


# --- work programme ---------------------------------------------------------------------
YES = {"q1": "yes", "q2": "yes", "q3": "yes", "q4": "yes", "q5": "no", "q6": "yes"}


def test_work_programme_item_text():
    assert str(make_work_programme_item(topic="Elective Home Education")) == \
        "Elective Home Education"


def test_priority_from_the_answers():
    item = make_work_programme_item(prioritisation=YES)
    assert item.priority[0] is Priority.HIGH
    item = make_work_programme_item(prioritisation=YES | {"q6": "no"})
    assert item.priority[0] is Priority.LOWER


def test_no_answers_no_priority():
    priority, reason = make_work_programme_item().priority
    assert priority is None
    assert reason.startswith("Not yet answered: Q1")


def test_a_decided_priority_overrides_the_methodology():
    item = make_work_programme_item(prioritisation=YES | {"q1": "no"},
                                    priority_decided=Priority.HIGH)
    assert item.priority == (Priority.HIGH, "Decided by the committee.")
