"""The Period value type: parsing council labels and codes, kinds, order and arithmetic.
Pure: no database."""

from datetime import date

import pytest

from scrutinydesk.core.periods import Period, PeriodError, PeriodKind

K = PeriodKind
d = date

# label as printed -> (kind, first day, last day, label, code)
LABELS = [
    ("2017-18", K.FINANCIAL_YEAR, d(2017, 4, 1), d(2018, 3, 31), "2017-18", "FY2017"),
    ("2017/18", K.FINANCIAL_YEAR, d(2017, 4, 1), d(2018, 3, 31), "2017-18", "FY2017"),
    ("16-17", K.FINANCIAL_YEAR, d(2016, 4, 1), d(2017, 3, 31), "2016-17", "FY2016"),
    ("2017-2018", K.FINANCIAL_YEAR, d(2017, 4, 1), d(2018, 3, 31), "2017-18", "FY2017"),
    ("FY 2017-18", K.FINANCIAL_YEAR, d(2017, 4, 1), d(2018, 3, 31), "2017-18", "FY2017"),
    ("2019-20 financial year", K.FINANCIAL_YEAR, d(2019, 4, 1), d(2020, 3, 31), "2019-20",
     "FY2019"),
    ("1999-00", K.FINANCIAL_YEAR, d(1999, 4, 1), d(2000, 3, 31), "1999-00", "FY1999"),
    ("AY 2016/17", K.ACADEMIC_YEAR, d(2016, 9, 1), d(2017, 8, 31), "2016/17 academic year",
     "AY2016"),
    ("2016/17 academic year", K.ACADEMIC_YEAR, d(2016, 9, 1), d(2017, 8, 31),
     "2016/17 academic year", "AY2016"),
    ("2015/16 school year", K.ACADEMIC_YEAR, d(2015, 9, 1), d(2016, 8, 31),
     "2015/16 academic year", "AY2015"),
    ("2016", K.CALENDAR_YEAR, d(2016, 1, 1), d(2016, 12, 31), "2016", "CY2016"),
    ("calendar year 2014", K.CALENDAR_YEAR, d(2014, 1, 1), d(2014, 12, 31), "2014", "CY2014"),
    ("Q2 17-18", K.FINANCIAL_QUARTER, d(2017, 7, 1), d(2017, 9, 30), "Q2 2017-18", "FY2017Q2"),
    ("Q4 2017/18", K.FINANCIAL_QUARTER, d(2018, 1, 1), d(2018, 3, 31), "Q4 2017-18",
     "FY2017Q4"),
    ("Quarter 1 2017-18", K.FINANCIAL_QUARTER, d(2017, 4, 1), d(2017, 6, 30), "Q1 2017-18",
     "FY2017Q1"),
    ("2017-18 Q2", K.FINANCIAL_QUARTER, d(2017, 7, 1), d(2017, 9, 30), "Q2 2017-18",
     "FY2017Q2"),
    ("Q3 2020-21 (provisional)", K.FINANCIAL_QUARTER, d(2020, 10, 1), d(2020, 12, 31),
     "Q3 2020-21", "FY2020Q3"),
    ("QTR 2 2016", K.CALENDAR_QUARTER, d(2016, 4, 1), d(2016, 6, 30), "Q2 2016", "CY2016Q2"),
    ("Q4 2019", K.CALENDAR_QUARTER, d(2019, 10, 1), d(2019, 12, 31), "Q4 2019", "CY2019Q4"),
    ("March 2017", K.MONTH, d(2017, 3, 1), d(2017, 3, 31), "March 2017", "M2017-03"),
    ("Sept 2017", K.MONTH, d(2017, 9, 1), d(2017, 9, 30), "September 2017", "M2017-09"),
    ("Mar-17", K.MONTH, d(2017, 3, 1), d(2017, 3, 31), "March 2017", "M2017-03"),
    ("Feb 2016", K.MONTH, d(2016, 2, 1), d(2016, 2, 29), "February 2016", "M2016-02"),
    ("31 March 2017", K.SNAPSHOT, d(2017, 3, 31), d(2017, 3, 31), "31 March 2017",
     "S2017-03-31"),
    ("as at 30th September 2019", K.SNAPSHOT, d(2019, 9, 30), d(2019, 9, 30),
     "30 September 2019", "S2019-09-30"),
    ("31/03/2017", K.SNAPSHOT, d(2017, 3, 31), d(2017, 3, 31), "31 March 2017", "S2017-03-31"),
    ("31.03.2018", K.SNAPSHOT, d(2018, 3, 31), d(2018, 3, 31), "31 March 2018", "S2018-03-31"),
    ("2017-03-31", K.SNAPSHOT, d(2017, 3, 31), d(2017, 3, 31), "31 March 2017", "S2017-03-31"),
    ("Apr-Oct 17-18", K.RANGE, d(2017, 4, 1), d(2017, 10, 31), "April to October 2017",
     "R2017-04-01/2017-10-31"),
    ("Oct-Feb 2018/19", K.RANGE, d(2018, 10, 1), d(2019, 2, 28),
     "October 2018 to February 2019", "R2018-10-01/2019-02-28"),
    ("April to October 2017", K.RANGE, d(2017, 4, 1), d(2017, 10, 31), "April to October 2017",
     "R2017-04-01/2017-10-31"),
    ("November 2016 to February 2017", K.RANGE, d(2016, 11, 1), d(2017, 2, 28),
     "November 2016 to February 2017", "R2016-11-01/2017-02-28"),
    ("3 May 2018 to 14 June 2018", K.RANGE, d(2018, 5, 3), d(2018, 6, 14),
     "3 May 2018 to 14 June 2018", "R2018-05-03/2018-06-14"),
    ("2005-09", K.RANGE, d(2005, 1, 1), d(2009, 12, 31), "2005 to 2009",
     "R2005-01-01/2009-12-31"),
    ("2016-17 (Annual Measure)", K.FINANCIAL_YEAR, d(2016, 4, 1), d(2017, 3, 31), "2016-17",
     "FY2016"),
    # codes
    ("FY2017Q2", K.FINANCIAL_QUARTER, d(2017, 7, 1), d(2017, 9, 30), "Q2 2017-18", "FY2017Q2"),
    ("S2017-03", K.SNAPSHOT, d(2017, 3, 31), d(2017, 3, 31), "March 2017", "S2017-03"),
    ("AY2021", K.ACADEMIC_YEAR, d(2021, 9, 1), d(2022, 8, 31), "2021/22 academic year",
     "AY2021"),
    ("CY2015Q1", K.CALENDAR_QUARTER, d(2015, 1, 1), d(2015, 3, 31), "Q1 2015", "CY2015Q1"),
    ("M2020-11", K.MONTH, d(2020, 11, 1), d(2020, 11, 30), "November 2020", "M2020-11"),
    ("R2017-04-01/2017-10-31", K.RANGE, d(2017, 4, 1), d(2017, 10, 31),
     "April to October 2017", "R2017-04-01/2017-10-31"),
]


@pytest.mark.parametrize(("text", "kind", "start", "end", "label", "code"), LABELS,
                         ids=[row[0] for row in LABELS])
def test_parse_label(text, kind, start, end, label, code):
    period = Period.parse(text)
    assert (period.kind, period.start, period.end) == (kind, start, end)
    assert period.label == label
    assert str(period) == label
    assert period.code == code
    assert repr(period) == f"Period({code!r})"


def test_labels_tolerate_spacing_and_non_breaking_spaces():
    assert Period.parse("  Q2\u00a017-18 ") == Period.parse("Q2 2017-18")
    assert Period.parse("2017 / 18") == Period.financial_year(2017)


def test_parse_returns_a_period_given_unchanged():
    period = Period.parse("Q3 2018-19")
    assert Period.parse(period) is period


# --- kind hints -------------------------------------------------------------------------
def test_month_read_as_snapshot_when_a_snapshot_is_expected():
    period = Period.parse("March 2017", kind=K.SNAPSHOT)
    assert period.kind is K.SNAPSHOT
    assert period.month_only
    assert period.start == period.end == d(2017, 3, 31)
    assert period.label == "March 2017"
    assert period.code == "S2017-03"


def test_kind_may_be_given_as_text():
    assert Period.parse("June 2019", kind="snapshot") == Period.parse("S2019-06")


def test_year_pair_read_as_academic_year_when_one_is_expected():
    period = Period.parse("2016/17", kind=K.ACADEMIC_YEAR)
    assert period == Period.academic_year(2016)
    assert period.start == d(2016, 9, 1)


def test_year_pair_without_hint_is_a_financial_year():
    assert Period.parse("2016/17").kind is K.FINANCIAL_YEAR


def test_wrong_kind_names_both_kinds():
    with pytest.raises(PeriodError, match="is a financial year, but a month is expected"):
        Period.parse("2017-18", kind=K.MONTH)


def test_wrong_kind_for_a_period_object():
    with pytest.raises(PeriodError, match="is a calendar year, but a snapshot date is expected"):
        Period.parse(Period.calendar_year(2016), kind="snapshot")


def test_financial_quarter_label_when_calendar_quarter_expected():
    with pytest.raises(PeriodError, match="quarter of a financial year, but a calendar quarter"):
        Period.parse("Q2 17-18", kind=K.CALENDAR_QUARTER)


def test_calendar_quarter_when_financial_quarter_expected_suggests_the_label():
    with pytest.raises(PeriodError) as info:
        Period.parse("Q2 2016", kind=K.FINANCIAL_QUARTER)
    assert "calendar quarter" in str(info.value)
    assert "Q2 2016-17" in str(info.value)


# --- errors -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "   ", "()", "\u00a0"])
def test_empty_label(text):
    with pytest.raises(PeriodError, match="the period label is empty"):
        Period.parse(text)


@pytest.mark.parametrize("text", ["nonsense", "Q5 2017-18", "sometime soon", "Week 12 2017"])
def test_unreadable_label_says_what_is_expected(text):
    with pytest.raises(PeriodError) as info:
        Period.parse(text)
    message = str(info.value)
    assert text in message
    assert "is not a period label Scrutiny Desk can read" in message
    assert "“2017-18”" in message


def test_year_span_of_two_years_is_a_range_not_a_financial_year():
    assert Period.parse("2017-19").kind is K.RANGE
    with pytest.raises(PeriodError, match="is a date range, but a financial year is expected"):
        Period.parse("2017-19", kind=K.FINANCIAL_YEAR)


def test_academic_prefix_with_a_span_that_is_not_one_year():
    with pytest.raises(PeriodError, match="2016 to 18 is not a financial or academic year"):
        Period.parse("AY 2016-18")


def test_quarter_of_a_span_that_is_not_a_financial_year():
    with pytest.raises(PeriodError, match="17-19 is not a financial year"):
        Period.parse("Q2 17-19")


@pytest.mark.parametrize("text", ["31 February 2017", "31/02/2017", "2017-02-30"])
def test_impossible_day(text):
    with pytest.raises(PeriodError, match="is not a real date"):
        Period.parse(text)


@pytest.mark.parametrize("code", ["S2017-02-30", "M2017-13", "R2017-02-30/2017-03-31"])
def test_impossible_code(code):
    with pytest.raises(PeriodError, match=f"“{code}” is not a valid period code"):
        Period.parse(code)


def test_year_out_of_range():
    with pytest.raises(PeriodError, match="year '1850' is out of range"):
        Period.parse("1850-51")


@pytest.mark.parametrize("text", ["Oct-Apr 2017", "February 2017 to November 2016"])
def test_range_that_ends_before_it_starts(text):
    with pytest.raises(PeriodError, match="ends before it starts"):
        Period.parse(text)


def test_label_must_be_text():
    with pytest.raises(PeriodError, match="must be text, not int"):
        Period.parse(2017)


def test_constructors_check_their_arguments():
    with pytest.raises(PeriodError, match="quarter must be 1 to 4, not 5"):
        Period.financial_quarter(2017, 5)
    with pytest.raises(PeriodError, match="quarter must be 1 to 4, not 0"):
        Period.calendar_quarter(2017, 0)
    with pytest.raises(PeriodError, match="ends .2017-01-01. before it starts .2017-02-01."):
        Period.range(d(2017, 2, 1), d(2017, 1, 1))


def test_period_error_is_a_value_error():
    assert issubclass(PeriodError, ValueError)


# --- order ------------------------------------------------------------------------------
def test_mixed_kinds_sort_by_end_date():
    labels = ["2017-18", "Q2 2017-18", "31 March 2017", "2016", "2016/17 academic year",
              "March 2017", "Apr-Oct 17-18"]
    ordered = [p.label for p in sorted(Period.parse(t) for t in labels)]
    assert ordered == ["2016", "March 2017", "31 March 2017", "2016/17 academic year",
                       "Q2 2017-18", "April to October 2017", "2017-18"]


def test_quarter_sorts_before_its_year_when_it_ends_earlier():
    assert Period.parse("Q3 2017-18") < Period.parse("2017-18")
    assert Period.parse("2017-18") > Period.parse("Q1 2017-18")


def test_of_two_periods_ending_together_the_longer_comes_first():
    year, last_quarter = Period.parse("2017-18"), Period.parse("Q4 2017-18")
    assert year.end == last_quarter.end
    assert year < last_quarter


def test_equal_periods():
    a, b = Period.parse("2017/18"), Period.parse("FY2017")
    assert a == b
    assert hash(a) == hash(b)
    assert a <= b and a >= b
    assert not a < b and not a > b
    assert len({a, b}) == 1


# --- arithmetic -------------------------------------------------------------------------
@pytest.mark.parametrize(("label", "previous", "following"), [
    ("Q1 2017-18", "Q4 2016-17", "Q2 2017-18"),
    ("Q4 2017-18", "Q3 2017-18", "Q1 2018-19"),
    ("2017-18", "2016-17", "2018-19"),
    ("AY2016", "AY2015", "AY2017"),
    ("2016", "2015", "2017"),
    ("Q1 2017", "Q4 2016", "Q2 2017"),
    ("January 2017", "December 2016", "February 2017"),
    ("31 March 2017", "31 March 2016", "31 March 2018"),
    ("S2017-02", "S2016-02", "S2018-02"),
    ("Apr-Oct 17-18", "Apr-Oct 16-17", "Apr-Oct 18-19"),
    ("2005-09", "2000-04", "2010-14"),
])
def test_previous_and_next(label, previous, following):
    period = Period.parse(label)
    assert period.previous() == Period.parse(previous)
    assert period.next() == Period.parse(following)


def test_month_only_snapshot_keeps_month_ends():
    period = Period.parse("S2017-02")
    assert period.previous().start == d(2016, 2, 29)
    assert period.previous().month_only


def test_snapshot_on_29_february_clamps():
    assert Period.parse("29 February 2016").previous() == Period.parse("28 February 2015")


def test_shifted_month_ends_at_month_end():
    assert Period.parse("February 2016").next().end == d(2016, 3, 31)
    assert Period.parse("April 2016").shifted(-2).end == d(2016, 2, 29)


@pytest.mark.parametrize(("label", "last_year"), [
    ("Q2 2017-18", "Q2 2016-17"),
    ("September 2017", "September 2016"),
    ("2017-18", "2016-17"),
    ("31 March 2018", "31 March 2017"),
    ("Apr-Oct 17-18", "Apr-Oct 16-17"),
])
def test_same_period_last_year(label, last_year):
    assert Period.parse(label).same_period_last_year() == Period.parse(last_year)


@pytest.mark.parametrize(("label", "fiscal_year"), [
    ("Q4 2017-18", 2017), ("February 2018", 2017), ("April 2018", 2018),
    ("31 March 2017", 2016), ("1 April 2017", 2017), ("AY2016", 2016), ("2016", 2015),
])
def test_fiscal_year(label, fiscal_year):
    assert Period.parse(label).fiscal_year == fiscal_year


@pytest.mark.parametrize(("label", "quarter"), [
    ("Q1 2017-18", 1), ("Q4 2017-18", 4), ("QTR 3 2016", 3), ("2017-18", None),
    ("March 2017", None),
])
def test_quarter(label, quarter):
    assert Period.parse(label).quarter == quarter


def test_contains():
    period = Period.parse("Q2 2017-18")
    assert period.contains(d(2017, 7, 1))
    assert period.contains(d(2017, 9, 30))
    assert not period.contains(d(2017, 6, 30))
    assert not period.contains(d(2017, 10, 1))


def test_step_months_by_kind():
    steps = {label: Period.parse(label).step_months
             for label in ("Q1 2017", "Q1 2017-18", "May 2017", "2017-18", "31 March 2017",
                           "Apr-Oct 17-18", "2005-09")}
    assert steps == {"Q1 2017": 3, "Q1 2017-18": 3, "May 2017": 1, "2017-18": 12,
                     "31 March 2017": 12, "Apr-Oct 17-18": 12, "2005-09": 60}


def test_kind_labels():
    assert K.FINANCIAL_QUARTER.label == "quarter of a financial year"
    assert {k.label for k in K} == {"financial year", "academic year", "calendar year",
                                    "quarter of a financial year", "calendar quarter", "month",
                                    "snapshot date", "date range"}
