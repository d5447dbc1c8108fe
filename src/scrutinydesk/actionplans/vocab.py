"""Vocabularies of action plans."""

from django.db import models

from scrutinydesk.judgements.vocab import RAG


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TARGET = "on_target", "On target"
    AT_RISK = "at_risk", "At risk"
    OFF_TARGET = "off_target", "Off target"
    COMPLETE = "complete", "Complete"
    OVERDUE = "overdue", "Overdue"


# The RAG rating each status carries when a plan gives a status but no colour.
STATUS_RAG = {
    ActionStatus.COMPLETE: RAG.BLUE,
    ActionStatus.ON_TARGET: RAG.GREEN,
    ActionStatus.AT_RISK: RAG.AMBER,
    ActionStatus.NOT_STARTED: RAG.AMBER,
    ActionStatus.OFF_TARGET: RAG.RED,
    ActionStatus.OVERDUE: RAG.RED,
}
