"""The focus rules, on judgements computed by the real judgement functions (no database)."""

from datetime import date
from types import SimpleNamespace

from scrutinydesk import judgements as j
from scrutinydesk.reports import focus

LOWER, HIGHER, NONE = (j.Polarity.LOWER_IS_BETTER, j.Polarity.HIGHER_IS_BETTER,
                       j.Polarity.NO_JUDGEMENT)


def assessment(values, polarity, comparator=None):
    """What assess() would hold for a series of (label, value) pairs."""
    points = [j.Point(label, value) for label, value in values]
    latest, previous = points[-1], points[-2] if len(points) > 1 else None
    return SimpleNamespace(
        polarity=polarity, series=points,
        direction=j.direction_of_travel(latest.value, previous.value if previous else None,
                                        polarity=polarity, latest_label=latest.label,
                                        previous_label=previous.label if previous else None),
        trend=j.trend_over_periods(points, polarity=polarity, n_periods=3),
        benchmark=j.compare_values(latest.value, comparator, polarity=polarity,
                                   value_label=latest.label, comparator_label="England"))


def subject(key, values, polarity, comparator=None, kind="indicator", parent=None):
    return focus.Subject(kind, key, f"Subject {key}", f"a-{key}",
                         assessment(values, polarity, comparator), parent_key=parent)


def suggestion(kind, text, **links):
    return SimpleNamespace(kind=kind, text=text, reason=links.pop("reason", ""),
                           indicator_id=links.get("indicator"), measure_id=links.get("measure"),
                           risk_code=links.get("risk", ""))


RISING_BAD = [("2015-16", 40.0), ("2016-17", 44.0), ("2017-18", 49.0), ("2018-19", 55.0)]
STEADY = [("2015-16", 50.0), ("2016-17", 50.5), ("2017-18", 49.8), ("2018-19", 50.1)]


def test_worsening_direction_and_trend_are_both_reasons():
    met = focus.subject_reasons(assessment(RISING_BAD, LOWER))
    assert [rule for rule, _ in met] == [focus.WORSENING_DIRECTION, focus.WORSENING_TREND]
    assert "lower is better, so worsening" in met[0][1]
    assert "55" in met[0][1] and "49" in met[0][1]


def test_worse_than_comparator_is_a_reason_with_the_comparators_name():
    met = dict(focus.subject_reasons(assessment(STEADY, LOWER, comparator=40.0)))
    assert list(met) == [focus.WORSE_THAN_COMPARATOR]
    assert "worse than England" in met[focus.WORSE_THAN_COMPARATOR]


def test_steady_and_better_than_comparator_is_not_suggested():
    assert focus.subject_reasons(assessment(STEADY, LOWER, comparator=60.0)) == []


def test_the_same_rise_is_improving_when_higher_is_better():
    assert focus.subject_reasons(assessment(RISING_BAD, HIGHER, comparator=40.0)) == []


def test_no_judgement_polarity_is_never_suggested_and_is_counted():
    summary = focus.choose([subject(1, RISING_BAD, NONE, comparator=30.0),
                            subject(2, RISING_BAD, LOWER)],
                           [subject(3, RISING_BAD, NONE, kind="measure")], [])
    assert [i.key for i in summary.indicators] == [2]
    assert summary.unjudged_indicators == ["Subject 1"]
    assert summary.unjudged_measures == ["Subject 3"]
    assert summary.measures == []


def test_single_value_cannot_be_worsening():
    summary = focus.choose([subject(1, RISING_BAD[-1:], LOWER)], [], [])
    assert summary.indicators == []


def test_high_risk_reason_says_since_when_unchanged():
    history = [(date(2017, 7, 1), "medium", "unchanged"), (date(2017, 10, 1), "high", "new"),
               (date(2018, 1, 1), "high", "unchanged")]
    met = focus.risk_reasons(history)
    assert met == [(focus.HIGH_RISK,
                    "HIGH on the corporate risk register, unchanged since October 2017.")]


def test_high_risk_with_one_assessment_names_its_date():
    met = focus.risk_reasons([(date(2019, 4, 1), "high", "")])
    assert met == [(focus.HIGH_RISK, "HIGH on the corporate risk register as at April 2019.")]


def test_risk_reported_worsening_or_risen_is_suggested():
    reported = focus.risk_reasons([(date(2019, 4, 1), "low", "worsening")])
    assert [r for r, _ in reported] == [focus.WORSENING_RISK]
    assert "LOW" in reported[0][1]
    risen = focus.risk_reasons([(date(2019, 1, 1), "low", ""), (date(2019, 4, 1), "medium", "")])
    assert risen == [(focus.WORSENING_RISK, "Rose from LOW (January 2019) to MEDIUM (April 2019).")]


def test_medium_steady_risk_is_not_suggested():
    assert focus.risk_reasons([(date(2019, 1, 1), "medium", "unchanged"),
                               (date(2019, 4, 1), "medium", "improving")]) == []


def test_paper_suggestions_are_marked_agree_or_differ_with_the_reason():
    indicators = [subject(1, RISING_BAD, LOWER), subject(2, STEADY, LOWER),
                  subject(5, RISING_BAD, LOWER, parent=4)]
    risks = [focus.RiskRecord("14b", "14b – Staff", "r", [(date(2018, 1, 1), "high", "")]),
             focus.RiskRecord("02a", "02a – Housing", "r", [(date(2018, 1, 1), "low", "")])]
    paper = [suggestion("indicator", "Subject one", indicator=1),
             suggestion("indicator", "Subject two", indicator=2, reason="Printed  reason"),
             suggestion("indicator", "Parent of five", indicator=4),
             suggestion("risk", "14b - Staff", risk="14b"),
             suggestion("risk", "02a - Housing", risk="02a"),
             suggestion("measure", "Unknown measure")]
    summary = focus.choose(indicators, [], risks, paper)
    agree = [p.agrees for p in summary.paper]
    assert agree == [True, False, True, True, False, False]
    assert summary.agreements == 3
    assert summary.paper[1].reason == "Printed reason"
    assert summary.paper[1].note.startswith("Not suggested by the rules.")
    assert "similar" in summary.paper[1].note
    assert "LOW" in summary.paper[4].note and "January 2018" in summary.paper[4].note
    assert "Not matched" in summary.paper[5].note
    assert all(item.in_paper for item in summary.indicators if item.key in (1, 5))
    assert [i.in_paper for i in summary.risks] == [True]


def test_unjudged_paper_suggestion_explains_the_missing_polarity():
    summary = focus.choose([subject(1, RISING_BAD, NONE)], [], [],
                           [suggestion("indicator", "Total crime", indicator=1)])
    assert not summary.paper[0].agrees
    assert "no agreed direction" in summary.paper[0].note and "4 values" in summary.paper[0].note
