"""Action plans: plans, priorities, actions, milestones and progress updates."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from scrutinydesk.actionplans.models import ActionPlan
from scrutinydesk.actionplans.vocab import RAG, STATUS_RAG, ActionStatus
from tests.factories import (
    make_action,
    make_action_plan,
    make_milestone,
    make_priority,
    make_progress_update,
)

pytestmark = pytest.mark.django_db


def test_plan_text_and_uniqueness():
    plan = make_action_plan(title="SEND Written Statement of Action",
                            published_on=date(2017, 10, 12))
    assert str(plan) == "SEND Written Statement of Action"
    make_action_plan(title=plan.title, published_on=date(2018, 1, 30))  # a later edition
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPlan.objects.create(title=plan.title, published_on=date(2017, 10, 12))


def test_priority_text():
    assert str(make_priority(number="2", title="Joint commissioning")) == \
        "2. Joint commissioning"
    assert str(make_priority(number="", title="Leadership")) == "Leadership"


def test_action_text():
    action = make_action(number="1.3", text="Publish the SEND strategy " + "x" * 100)
    assert str(action) == "1.3 Publish the SEND strategy " + "x" * 54
    assert str(make_action(number="", text="Review the local offer")) == \
        "Review the local offer"


def test_action_belongs_to_its_priority_plan():
    priority = make_priority()
    action = make_action(priority=priority)
    assert action.plan == priority.plan
    assert list(priority.actions.all()) == [action]


@pytest.mark.parametrize(("status", "rag"), [
    (ActionStatus.COMPLETE, RAG.BLUE),
    (ActionStatus.ON_TARGET, RAG.GREEN),
    (ActionStatus.AT_RISK, RAG.AMBER),
    (ActionStatus.NOT_STARTED, RAG.AMBER),
    (ActionStatus.OFF_TARGET, RAG.RED),
    (ActionStatus.OVERDUE, RAG.RED),
    ("", ""),
])
def test_rag_rating_from_the_status(status, rag):
    assert make_action(status=status, rag="").rag_rating == rag


def test_every_status_carries_a_rag():
    assert set(STATUS_RAG) == set(ActionStatus)


def test_a_given_rag_wins_over_the_status():
    assert make_action(status=ActionStatus.ON_TARGET, rag=RAG.RED).rag_rating == RAG.RED


def test_status_counts():
    plan = make_action_plan()
    for status in (ActionStatus.COMPLETE, ActionStatus.ON_TARGET, ActionStatus.COMPLETE, ""):
        make_action(plan=plan, status=status)
    make_action(status=ActionStatus.OFF_TARGET)  # another plan
    assert plan.status_counts() == {"complete": 2, "on_target": 1, "": 1}


def test_milestone_and_progress_text():
    milestone = make_milestone(text="Final Strategy published (Dec 17)")
    assert str(milestone) == "Final Strategy published (Dec 17)"
    update = make_progress_update(action=make_action(number="4.2"),
                                  reported_on=date(2018, 1, 30), text="Panel recruited")
    assert str(update) == "4.2 2018-01-30: Panel recruited"


def test_milestones_in_position_order():
    action = make_action()
    for position in (2, 0, 1):
        make_milestone(action=action, position=position, text=f"Step {position}")
    assert [m.text for m in action.milestones.all()] == ["Step 0", "Step 1", "Step 2"]
