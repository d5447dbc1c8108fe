"""Findings: contradictions between a report and the data."""

import pytest
from django.db import IntegrityError, transaction

from scrutinydesk.findings.models import Finding, FindingKind, FindingStatus, Severity
from tests.factories import make_finding

pytestmark = pytest.mark.django_db


def test_finding_defaults_and_text():
    finding = make_finding(explanation="SAFE 01 is marked IMPROVING but rose from 41 to 44.")
    assert str(finding) == "SAFE 01 is marked IMPROVING but rose from 41 to 44."
    assert finding.status == FindingStatus.OPEN
    assert finding.severity == Severity.WARNING
    assert finding.still_holds
    assert finding.computed_at is not None


def test_finding_text_is_cut_at_120_characters():
    assert str(make_finding(explanation="x" * 200)) == "x" * 120


def test_finding_keys_are_unique():
    make_finding(key="trend:SAFE 01:2018-01")
    with pytest.raises(IntegrityError), transaction.atomic():
        Finding.objects.create(key="trend:SAFE 01:2018-01", kind=FindingKind.TREND,
                               stated="a", computed="b", explanation="c")


def test_a_finding_keeps_a_decision_across_recomputation():
    finding = make_finding(kind=FindingKind.RAG, status=FindingStatus.DISMISSED)
    Finding.objects.update_or_create(key=finding.key, defaults={"computed": "amber"})
    finding.refresh_from_db()
    assert (finding.status, finding.computed) == (FindingStatus.DISMISSED, "amber")
