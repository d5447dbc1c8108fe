"""Report cover sheets: the four in the January 2018 pack, the two in the October 2017 pack
(the SEND Cabinet report and the monitoring report) and hand-written ones in other layouts."""

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutinydesk.ingest.errors import MalformedPaper, PaperError
from scrutinydesk.ingest.parsers.coversheet import parse_cover_sheet
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text

JAN = "2018-01-30-safeguarding-scrutiny-agenda-pack.txt"
OCT = "2017-10-12-safeguarding-scrutiny-agenda-pack.txt"
HAND = FIXTURES / "papers" / "coversheet"


def _cover(name: str, heading: str, before: int = 8, after: int = 60):
    """The cover sheet of the sample report whose subject row is ``heading``: the lines
    around it, as a paper of its own (line numbers kept)."""
    paper = Paper.from_text(sample_text(name), name)
    at = next(ln.number for ln in paper if ln.text.startswith(f"Subject of Report\t{heading}"))
    return parse_cover_sheet(paper.slice(at - before, at + after))


def _hand(name: str):
    return parse_cover_sheet(Paper.from_text((HAND / name).read_text(encoding="utf-8"), name))


@pytest.fixture(scope="module")
def domestic():
    return _cover(JAN, "Domestic Abuse")


@pytest.fixture(scope="module")
def slavery():
    return _cover(JAN, "Modern Slavery")


@pytest.fixture(scope="module")
def home_education():
    return _cover(JAN, "Elective Home Education")


@pytest.fixture(scope="module")
def social_workers():
    return _cover(JAN, "The Council’s Approach")


@pytest.fixture(scope="module")
def monitoring_jan():
    return _cover(JAN, "Outcomes Focused Monitoring Report")


@pytest.fixture(scope="module")
def send():
    return _cover(OCT, "Special Educational Needs")


@pytest.fixture(scope="module")
def monitoring_oct():
    return _cover(OCT, "Outcomes Focused Monitoring Report", before=10, after=50)


# --- January 2018: domestic abuse inquiry day ---------------------------------------------

def test_domestic_abuse_heading_fields(domestic):
    assert domestic.committee == "Safeguarding Overview and Scrutiny Committee"
    assert domestic.date_of_meeting == date(2018, 1, 30)
    assert domestic.subject == "Domestic Abuse – Inquiry Day"
    assert domestic.officer.startswith("Helen Coombes – Transformation Lead")


def test_domestic_abuse_summary_keeps_paragraphs_and_rejoins_split_sentence(domestic):
    summary = domestic.executive_summary
    assert summary.startswith("On 17 October 2017, The Safeguarding Overview")
    assert "attitudes of perpetrators. Evidence on intervention programmes" in summary
    assert summary.count("\n") >= 3  # paragraphs and bullets stay on lines of their own


def test_domestic_abuse_impact_parts(domestic):
    assert domestic.equalities_impact == "N/A"
    assert domestic.use_of_evidence.startswith("Each year around 2.1m people")
    assert domestic.budget == "N/A"
    assert domestic.other_implications == "N/A"
    assert (domestic.risk_current, domestic.risk_residual) == ("Medium", "Medium")


def test_domestic_abuse_appendices_pair_labels_with_names(domestic):
    assert domestic.appendices == ["Appendix 1 – Day Programme",
                                   "Appendix 2 – List of those giving evidence",
                                   "Appendix 3 – Current work underway"]


def test_domestic_abuse_background_papers_and_no_contact(domestic):
    assert domestic.background_papers == [
        "Domestic Abuse-Key areas of challenge report to scrutiny 19 January 2017.",
        "Pan Dorset Domestic Abuse Strategy 2017 -2020"]
    assert domestic.contact_name == ""
    assert domestic.recommendation.startswith("The Safeguarding and Overview Scrutiny")


# --- January 2018: modern slavery, elective home education, social workers -----------------

def test_modern_slavery_risk_without_colon_and_contact(slavery):
    assert (slavery.risk_current, slavery.risk_residual) == ("Medium", "Low")
    assert (slavery.contact_name, slavery.contact_phone, slavery.contact_email) == (
        "Andy Frost", "01305 224331", "a.frost@dorsetcc.gov.uk")


def test_modern_slavery_impact_parts_on_continuation_rows(slavery):
    assert slavery.equalities_impact.startswith("An EqIA screening assessment")
    assert slavery.use_of_evidence.startswith("The Modern Slavery Protocol and Guidance is based")
    assert slavery.budget.startswith("Once the Protocol and Guidance has been adopted")
    assert slavery.other_implications == "None."


def test_modern_slavery_background_links_join_their_titles(slavery):
    assert slavery.appendices == ["Appendix – Modern Slavery Protocol and Guidance"]
    assert slavery.background_papers[1] == (
        "How to Report – https://www.gov.uk/government/publications/how-to-report-modern-"
        "slavery/how-to-report-modern-slavery")
    assert len(slavery.background_papers) == 3


def test_home_education_date_with_spaced_ordinal(home_education):
    assert home_education.date_of_meeting == date(2018, 1, 30)  # "30 th January 2018"
    assert home_education.officer == "Nick Jarman, Interim Director for Children’s Services"


def test_home_education_risk_levels_on_two_rows(home_education):
    assert (home_education.risk_current, home_education.risk_residual) == ("Low", "Low")
    assert home_education.use_of_evidence == "Guidance contained within report"
    assert home_education.budget == "None"


def test_home_education_none_lists(home_education):
    assert home_education.appendices == []
    assert home_education.background_papers == []
    assert home_education.contact_phone == "710 4166"


def test_social_workers_impact_in_one_run_of_text(social_workers):
    assert social_workers.equalities_impact == "N/A"
    assert social_workers.use_of_evidence == "Within the report."
    assert social_workers.budget == "None"
    assert (social_workers.risk_current, social_workers.risk_residual) == ("Medium", "Medium")
    assert social_workers.appendices == ["Children’s Services Recruitment and Retention Plan"]


# --- the monitoring reports' cover sheets ---------------------------------------------------

def test_monitoring_january_cover_date_differs_from_the_pack(monitoring_jan):
    assert monitoring_jan.date_of_meeting == date(2018, 1, 18)
    assert monitoring_jan.subject == "Outcomes Focused Monitoring Report, January 2018"


def test_monitoring_january_officer_from_lead_directors(monitoring_jan):
    assert monitoring_jan.officer == "Nick Jarman, Interim Director for Children’s Services"
    assert monitoring_jan.other_fields["Local Members"] == "All Members"


def test_monitoring_january_appendices_run_together_are_split(monitoring_jan):
    assert monitoring_jan.appendices == [
        "1. Population and Performance October 2017 – Safe",
        "2. Financial benchmarking information: Adult Social Care",
        "3. Value for Money: Economy and the Environment",
        "4. Value for Money: Children's Services"]


def test_monitoring_january_skips_page_header_between_rows(monitoring_jan):
    assert "Outcomes focused monitoring report" not in monitoring_jan.reason_for_recommendation
    assert monitoring_jan.reason_for_recommendation.endswith("monitored effectively.")
    assert (monitoring_jan.risk_current, monitoring_jan.risk_residual) == ("Medium", "Low")


def test_monitoring_january_contact_on_separate_paragraphs(monitoring_jan):
    assert monitoring_jan.contact_name == "John Alexander"
    assert monitoring_jan.other_fields["Officer Contact role"] == "Senior Assurance Manager"
    assert monitoring_jan.contact_phone == "(01305) 225096"


def test_monitoring_october_multi_line_officer(monitoring_oct):
    assert monitoring_oct.officer == ("Sara Tough, Director for Children, Adults and "
                                      "Community Services")
    assert monitoring_oct.other_fields["Lead Directors"] == monitoring_oct.officer


def test_monitoring_october_labels_on_their_own_lines(monitoring_oct):
    assert monitoring_oct.executive_summary.endswith(
        "members may wish to consider and identify a more in-depth review of specific areas, "
        "to inform their scrutiny activity.")
    assert monitoring_oct.budget.startswith("The information contained in this report")
    assert (monitoring_oct.risk_current, monitoring_oct.risk_residual) == ("Medium", "Low")
    assert monitoring_oct.recommendation.splitlines()[0] == "That the committee:"
    assert monitoring_oct.recommendation.splitlines()[-1].startswith("ii) Identifies")


# --- October 2017: the SEND Cabinet report ---------------------------------------------------

def test_send_cover_is_a_cabinet_report(send):
    assert send.committee == "Cabinet"
    assert send.date_of_meeting == date(2017, 9, 6)
    assert send.officer == "Sara Tough, Corporate Director for Children, Adults and Communities"
    assert send.other_fields["Lead Member"].startswith("Cllr Deborah Croney")


def test_send_budget_row_before_impact_assessment(send):
    assert send.budget.startswith("Capacity and volume have been cited in the WSOA")
    assert send.use_of_evidence.startswith("Ofsted and the CQC used a range of evidence")
    assert send.other_fields["Implications for Health and Wellbeing"].startswith(
        "Through the WSOA")


def test_send_risk_on_separate_rows_and_lettered_appendices(send):
    assert (send.risk_current, send.risk_residual) == ("Medium", "Medium")
    assert "Mitigated through monitoring" in send.risk_assessment
    assert send.appendices == ["A. Ofsted acceptance of final WSOA",
                               "B. Written Statement of Action"]
    assert (send.contact_name, send.contact_email) == ("Patrick Myers", "P.myers@dorsetcc.gov.uk")


def test_each_record_points_at_its_date_row(send, domestic):
    assert send.ref.line == 303
    assert domestic.ref.line == 252


# --- hand-written cover sheets ---------------------------------------------------------------

@pytest.fixture(scope="module")
def fostering():
    return _hand("cabinet-fostering-allowances.txt")


@pytest.fixture(scope="module")
def immunisation():
    return _hand("health-scrutiny-plain-labels.txt")


@pytest.fixture(scope="module")
def adults():
    return _hand("adults-committee-html-cells.txt")


def test_fostering_fields_in_another_order(fostering):
    assert fostering.committee == "Cabinet"
    assert fostering.subject == "Fostering Allowances 2019-20"
    assert fostering.date_of_meeting == date(2019, 3, 6)
    assert fostering.officer == "Mark Ellery, Assistant Director – Care and Protection"


def test_fostering_missing_budget_and_plural_labels(fostering):
    assert fostering.budget == ""
    assert fostering.recommendation.startswith("That Cabinet approves the uplift")
    assert fostering.reason_for_recommendation == "To retain and recruit foster carers in Wessex."


def test_fostering_risk_and_lists(fostering):
    assert (fostering.risk_current, fostering.risk_residual) == ("High", "Medium")
    assert fostering.appendices == ["A. Allowance rates 2019-20",
                                    "B. Comparison with neighbouring councils",
                                    "C. Equality screening"]
    assert fostering.background_papers == []


def test_fostering_contact_with_telephone_and_e_mail(fostering):
    assert (fostering.contact_name, fostering.contact_phone, fostering.contact_email) == (
        "Mark Ellery", "01632 960 441", "m.ellery@wessex.example.gov.uk")


def test_immunisation_plain_labels(immunisation):
    assert immunisation.committee == "Health Scrutiny Committee"
    assert immunisation.date_of_meeting == date(2019, 3, 14)
    assert immunisation.officer == "Dr Priya Raman, Director of Public Health"
    assert immunisation.subject == "Childhood Immunisation Uptake"
    assert immunisation.executive_summary.splitlines() == [
        "Uptake of the second dose of MMR has fallen for three years running.",
        "This report sets out what partners are doing to reverse the fall."]


def test_immunisation_impact_sub_fields(immunisation):
    assert immunisation.equalities_impact == "Uptake is lowest in the two most deprived wards."
    assert immunisation.budget == "Met from the existing public health grant."
    assert (immunisation.risk_current, immunisation.risk_residual) == ("Low", "Low")
    assert immunisation.other_implications.startswith("Corporate parenting")


def test_immunisation_lists_and_contact(immunisation):
    assert immunisation.appendices == []
    assert immunisation.background_papers == ["Immunisation board minutes, 12 February 2019",
                                              "Public Health Outcomes Framework"]
    assert immunisation.contact_email == "tom.hale@marshland.example.gov.uk"


def test_adults_officer_split_and_spaced_ordinal(adults):
    assert adults.date_of_meeting == date(2019, 11, 5)
    assert adults.officer == "Jane Doe, Head of Adult Safeguarding"
    assert adults.other_fields["Local Members"] == "Bridport and Lyme"


def test_adults_summary_sentence_across_rows(adults):
    assert adults.executive_summary.splitlines()[0].endswith(
        "neglect in care homes and in people's own homes.")


def test_adults_risk_in_bullets_and_other_fields(adults):
    assert (adults.risk_current, adults.risk_residual) == ("Low", "Low")
    assert adults.other_fields["Implications for Health and Wellbeing"] == (
        "Better recognition of self-neglect by GPs.")
    assert adults.other_implications == "None."


def test_adults_numbered_appendices_and_url_paper(adults):
    assert adults.appendices == ["1. Annual report 2018-19", "2. Case studies"]
    assert adults.background_papers == [
        "Care Act 2014 statutory guidance, chapter 14 "
        "https://www.gov.uk/guidance/care-and-support-statutory-guidance"]
    assert adults.contact_phone == "(01305) 410 222"


# --- errors and robustness ---------------------------------------------------------------------

def test_paper_without_cover_sheet_is_rejected_with_the_line():
    paper = Paper.from_text("Minutes of the meeting\n\nPresent: Cllr Smith\n", "minutes.txt")
    with pytest.raises(MalformedPaper) as err:
        parse_cover_sheet(paper)
    assert err.value.line == 1
    assert "Date of Meeting" in err.value.expected


def test_empty_paper_is_rejected():
    with pytest.raises(MalformedPaper, match="no report cover sheet"):
        parse_cover_sheet(Paper.from_text("", "empty.txt"))


_LINES = (HAND / "cabinet-fostering-allowances.txt").read_text(encoding="utf-8").splitlines()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, len(_LINES)), drop=st.sets(st.integers(0, len(_LINES) - 1)),
       junk=st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), max_size=5),
       long=st.sampled_from(["", " " * 50_000, "a" * 50_000, "Officer Contact\t" + "x." * 20_000]))
def test_damaged_cover_sheets_parse_or_raise_paper_error(cut, drop, junk, long):
    lines = [ln for i, ln in enumerate(_LINES[:cut]) if i not in drop] + junk + [long]
    with contextlib.suppress(PaperError):
        parse_cover_sheet(Paper.from_text("\n".join(lines), "fuzz.txt"))


def test_fixture_readme_names_every_fixture():
    readme = (HAND / "README.md").read_text(encoding="utf-8")
    for path in Path(HAND).glob("*.txt"):
        assert path.name in readme


def _sheet(text: str):
    return parse_cover_sheet(Paper.from_text(text, "variant.txt"))


_HEAD = "Date of Meeting\t4 November 2019\nReport Author\tA Person\nSubject\tA Review\n"


def test_purpose_of_report_beside_an_executive_summary_is_kept_as_its_own_field():
    sheet = _sheet(_HEAD + "Purpose of the Report\tTo inform the Committee.\n"
                   "Executive Summary\tThe summary.\nRecommendation\tNote it.\n")
    assert sheet.subject == "A Review" and sheet.executive_summary == "The summary."
    assert sheet.other_fields["Purpose of the Report"] == "To inform the Committee."


def test_tab_led_rows_continue_appendices_and_one_row_of_two_appendices_splits():
    sheet = _sheet(_HEAD + "Appendices\tAppendix A - Plan\n\tAppendix B - Letter\n"
                   "Officer Contact\tName: Jo Bloggs Tel: 01234 567890 Email: jo@x.gov.uk\n")
    assert sheet.appendices == ["Appendix A - Plan", "Appendix B - Letter"]
    assert (sheet.contact_name, sheet.contact_email) == ("Jo Bloggs", "jo@x.gov.uk")
    inline = _sheet(_HEAD + "Appendices\tAppendix 1 - Plan Appendix 2 - Letter, 20 August 2019\n")
    assert inline.appendices == ["Appendix 1 - Plan", "Appendix 2 - Letter, 20 August 2019"]
