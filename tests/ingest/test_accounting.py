"""Figure accounting: every figure of a paper read, set aside by a named rule, or unread."""

from decimal import Decimal
from pathlib import Path

import pytest

from scrutinydesk.ingest.accounting import RULES, Ledger, account
from scrutinydesk.ingest.formats import read_paper
from scrutinydesk.ingest.parse import parse_paper
from scrutinydesk.ingest.text import Paper

ROOT = Path(__file__).resolve().parents[2]
UNSEEN = ROOT / "tests" / "fixtures" / "unseen" / "round1"
OWN = ROOT / "tests" / "fixtures" / "papers"


def ledger_of(text: str) -> Ledger:
    return Ledger(Paper.from_text(text))


def states(accounting) -> dict[str, tuple[str, str]]:
    return {f.text: (f.state, f.what) for f in accounting.figures}


# --- the ledger -----------------------------------------------------------------------------

def test_a_value_read_into_a_record_counts_as_read():
    ledger = ledger_of("NORTHMOOR - Latest (March 2018) 44.6 per 10,000")
    assert ledger.read(Decimal("44.6"), near=1, what="latest")
    assert ledger.read_period("March 2018", near=1)
    result = ledger.close()
    assert result.total == 2 and result.read == 2 and not result.unread
    assert states(result)["44.6"] == ("value", "latest")


def test_the_figures_of_a_unit_are_part_of_the_unit_not_figures():
    result = ledger_of("Rate 51 per 10,000 and 928 per 100K pop").close()
    assert sorted(f.text for f in result.figures) == ["51", "928"]


def test_a_figure_nobody_read_is_listed_unread_with_its_page_line_and_words():
    text = "Page 3\nThe service received 11,482 contacts in the year.\nPage 4"
    result = ledger_of(text).close()
    [figure] = result.unread
    assert (figure.text, figure.line, figure.page) == ("11,482", 2, 4)
    assert "received 11,482 contacts" in figure.context


def test_a_figure_kept_in_a_text_a_record_holds_is_read_as_text():
    story = "The rate has fallen for a second year, from 47.8 to 44.6 per 10,000."
    ledger = ledger_of(f"Story behind the baseline: {story}")
    assert ledger.read_text(story, what="story") == 2
    result = ledger.close()
    assert result.read == 2 and result.read_as_values == 0


def test_a_value_is_read_once_so_a_second_record_cannot_claim_the_same_figure():
    ledger = ledger_of("Latest 12 and Previous 12")
    assert ledger.read(12) and ledger.read(12) and not ledger.read(12)


def test_the_summary_says_how_many_figures_were_read_of_how_many():
    ledger = ledger_of("Latest (March 2018) 44.6\nIt rose by 3 points.")
    ledger.read(Decimal("44.6"))
    ledger.read_period("March 2018")
    assert ledger.close().summary().startswith("figures read 2 of 3 (66.7 %)")


# --- the named rules --------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "figure", "rule"), [
    ("Page 61", "61", "page_number"),
    ("Contact: Fiona Darke, Tel: (01632) 960418", "960418", "phone_number"),
    ("County Hall, Colliton Park, Dorchester DT1 1XJ", "1XJ", "postcode"),
    ("The plan was agreed on 26 April 2018 by the board.", "26 April 2018", "date_in_prose"),
    ("1.2 Where national data has not been updated", "1.2", "list_numbering"),
    ("14b - Inability to attract and retain staff", "14b", "reference"),
    ("It replaces Version 3.1 of the plan.", "3.1", "reference"),
    ("Minutes pdf icon PDF 179 KB", "179", "file_size"),
    ("The meeting starts at 10.00 am in the Council Chamber.", "10.00", "time_of_day"),
])
def test_each_named_rule_sets_its_figures_aside(line, figure, rule):
    assert rule in RULES
    result = ledger_of(line).close()
    assert states(result)[figure] == ("set_aside", rule)


def test_a_contents_list_page_column_is_set_aside_as_page_numbers():
    text = "Contents\n\n01 Rate of children in care\t5\n06 Total recorded crime\t8 & 9\n"
    result = ledger_of(text).close()
    pages = [f for f in result.figures if f.what == "page_number"]
    assert [f.text for f in pages] == ["5", "8", "9"]


def test_no_rule_sets_aside_a_figure_on_a_headline_line():
    result = ledger_of("WESSEX - Latest (March 2018) 44.6 per 10,000 (see note 3)").close()
    assert {f.text for f in result.unread} == {"March 2018", "44.6", "3"}
    assert all(f.headline for f in result.unread)


def test_no_rule_sets_aside_a_figure_in_a_data_table_cell():
    result = ledger_of("Year\t2016-17\t2017-18\nWessex\t26 April 2018\t51").close()
    assert "26 April 2018" in {f.text for f in result.unread}
    assert all(f.state == "unread" for f in result.figures)


# --- what parsers read ------------------------------------------------------------------------

def accounted(path: Path):
    paper = read_paper(path.read_bytes(), path.name)
    parsed = parse_paper(paper)
    return account(paper, parsed.record)


def test_a_monitoring_report_headline_statement_is_read_in_full():
    result = accounted(UNSEEN / "monitoring_a" / "northmoor-safe-2018-07.txt")
    first = next(f.line for f in result.figures
                 if f.context.startswith("NORTHMOOR - Previous (March 2017) 47.8"))
    line = [f for f in result.figures if f.line == first]  # Previous … Latest … on one line
    assert [f.text for f in line] == ["March 2017", "47.8", "March 2018", "44.6"]
    assert all(f.read for f in line)


def test_a_paper_with_no_accounting_reader_gives_none():
    paper = read_paper((ROOT / "samples" / "2018-01-30-meeting-documents-page.txt").read_bytes(),
                       "page.txt")
    assert account(paper, parse_paper(paper).record) is None
