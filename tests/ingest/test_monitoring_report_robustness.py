"""What the monitoring-report parser does with papers that are not, or not wholly, monitoring
reports: a specific ``MalformedPaper`` naming where and what was expected, never another
exception, and always quickly."""

import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutinydesk.ingest.errors import MalformedPaper, PaperError
from scrutinydesk.ingest.parsers import monitoring_values, monitoring_words
from scrutinydesk.ingest.parsers.monitoring_report import (
    looks_like_monitoring_report,
    parse_monitoring_report,
)
from scrutinydesk.ingest.text import Paper
from tests.conftest import FIXTURES, sample_text

HERE = FIXTURES / "papers" / "monitoring_report"
SAFETY_NET = "the monitoring report could not be read"
FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def april_lines() -> list[str]:
    return (HERE / "safe-2018-04.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def papers() -> list[list[str]]:
    """The lines of every hand-written report, and of October 2017's garbled one."""
    found = [p.read_text(encoding="utf-8").splitlines() for p in sorted(HERE.glob("*.txt"))]
    october = sample_text("2017-10-12-safeguarding-scrutiny-agenda-pack.txt").splitlines()
    return [*found, october[1100:1480]]


def _parse_quietly(text: str):
    """Parse; return the report or the PaperError. Fails on any other exception, on the
    parser's own safety net (a reader's slip), or when it takes more than 5 seconds."""
    started = time.monotonic()
    try:
        result = parse_monitoring_report(Paper.from_text(text, name="fuzz.txt"))
    except PaperError as error:
        assert SAFETY_NET not in error.message, error.__cause__
        result = error
    assert time.monotonic() - started < 5
    return result


# --- errors ---------------------------------------------------------------------------

def test_empty_paper():
    with pytest.raises(MalformedPaper, match="has no text") as caught:
        parse_monitoring_report(Paper.from_text("\n\n  \n", name="empty.txt"))
    assert caught.value.source == "empty.txt"


def test_paper_without_title():
    text = sample_text("2020-09-childrens-services-self-evaluation.txt")
    with pytest.raises(MalformedPaper, match="no report title with its month") as caught:
        parse_monitoring_report(Paper.from_text(text, name="self-evaluation.txt"))
    assert "Outcomes Focused Monitoring Report January 2018" in caught.value.expected
    assert caught.value.line == 1


def test_title_without_indicator_pages():
    text = "Outcomes Focused Monitoring Report\nMarch 2019\n\nSome introduction only.\n"
    with pytest.raises(MalformedPaper, match="no population indicator headings") as caught:
        parse_monitoring_report(Paper.from_text(text, name="title-only.txt"))
    assert caught.value.line == 1
    assert "Population Indicator" in caught.value.expected


def test_prefix_without_pages():
    text = ("Outcomes Focused Monitoring Report - May 2019\n\nSAFE - Executive Summary\n\n"
            "Population Indicator (3 in total)\n")
    with pytest.raises(MalformedPaper, match="no indicator pages were found for “SAFE”") as e:
        parse_monitoring_report(Paper.from_text(text, name="summary-only.txt"))
    assert "SAFE: 01" in e.value.expected
    assert "summary-only.txt, line 1" in str(e.value)


def test_meeting_page_names_its_line():
    name = "2018-01-30-meeting-documents-page.txt"
    paper = Paper.from_text(sample_text(name), name=name)
    with pytest.raises(MalformedPaper) as caught:
        parse_monitoring_report(paper)
    assert caught.value.line is not None
    assert "Monitoring Report" in paper.lines[caught.value.line - 1].text


def test_a_readers_slip_becomes_malformed_paper(monkeypatch, april_lines):
    def slip(*_args, **_kwargs):
        raise IndexError("list index out of range")
    monkeypatch.setattr(monitoring_values, "read_benchmark", slip)
    with pytest.raises(MalformedPaper, match=SAFETY_NET):
        parse_monitoring_report(Paper.from_text("\n".join(april_lines), name="april.txt"))


# --- signature --------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(p.name for p in HERE.glob("*.txt")))
def test_fixtures_look_like_monitoring_reports(name):
    assert looks_like_monitoring_report(
        Paper.from_text((HERE / name).read_text(encoding="utf-8"), name=name))


@pytest.mark.parametrize("name", ["2020-09-childrens-services-self-evaluation.txt",
                                  "2018-01-30-meeting-documents-page.txt"])
def test_other_papers_do_not(name):
    assert not looks_like_monitoring_report(Paper.from_text(sample_text(name), name=name))


# --- contract ---------------------------------------------------------------------------

def test_words_are_the_models_vocabularies():
    from scrutinydesk.core.vocab import RAG_CHOICES, RISK_LEVEL_CHOICES
    from scrutinydesk.outcomes.vocab import ObservationStatus, StatedBenchmark, StatedTrend
    from scrutinydesk.risks.vocab import RiskTrend
    assert set(monitoring_words.TREND_WORDS.values()) <= set(StatedTrend.values)
    assert set(monitoring_words.BENCHMARK_WORDS.values()) <= set(StatedBenchmark.values)
    assert set(monitoring_words.STATUS_WORDS.values()) <= set(ObservationStatus.values)
    assert set(monitoring_words.RISK_LEVELS.values()) <= {v for v, _ in RISK_LEVEL_CHOICES}
    assert {monitoring_words.rag_letter(w) for w in ("R", "amber", "GREEN")} <= \
        {v for v, _ in RAG_CHOICES}
    assert set(monitoring_words.RISK_TRENDS.values()) <= set(RiskTrend.values)


def test_parser_does_not_import_django():
    code = ("import sys, scrutinydesk.ingest.parsers.monitoring_report; "
            "print(any(m.split('.')[0] == 'django' for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


# --- fuzzing ----------------------------------------------------------------------------

@FUZZ
@given(st.data())
def test_truncated_report(papers, data):
    lines = data.draw(st.sampled_from(papers))
    start = data.draw(st.integers(0, len(lines)))
    end = data.draw(st.integers(start, len(lines)))
    _parse_quietly("\n".join(lines[start:end]))


@FUZZ
@given(st.randoms(use_true_random=False), st.floats(0.0, 0.9))
def test_dropped_and_shuffled_lines(papers, rnd, share):
    lines = [ln for ln in rnd.choice(papers) if rnd.random() >= share]
    window = rnd.randrange(0, max(1, len(lines)))
    chunk = lines[window:window + 25]
    rnd.shuffle(chunk)
    lines[window:window + 25] = chunk
    _parse_quietly("\n".join(lines))


FRAGMENTS = ["SAFE: 0", "Population Indicator - ", " - Outcome Lead Officer ", "Latest (",
             ") ", "Q2 17-18", "2016-17", "per 10,000", "%", "£", "\t", "\t\t", "R", "G",
             "DORSET - Trend ", "IMPROVING", "COMPARATOR - Benchmark (", "England", "WORSE ",
             "Story behind the baseline: ", "Corporate Risk\tScore\tTrend", "14b - ", "HIGH",
             "Performance Measure(s) – Trend Lines", "DORSET\tDORSET\tCOMPARATOR\t", "01: ",
             "<p>", "</p>", "<table><tr><td>", "| ", "[", "](#)", "**", "Legend",
             "Outcomes Focused Monitoring Report", " January 2018", "Contents", "(Cont'd)",
             "Suggested Risks for Focus", "Page 7", "–", "5,694", "1.5", "\u00a0", "…"]


@FUZZ
@given(st.lists(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
                         max_size=12).map("".join), max_size=80))
def test_random_lines_of_report_words(lines):
    _parse_quietly("Outcomes Focused Monitoring Report\nJune 2019\n" + "\n".join(lines))


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_decoded_as_text(raw):
    _parse_quietly(raw.decode("utf-8", errors="replace"))


@FUZZ
@given(st.sampled_from(["[", "<", "(", "Latest (", "SAFE: 0", "| ", "-", "1,", "Trend ", "\t",
                        "<p", "**", "a ", "Q2 17-18 "]),
       st.integers(1000, 60_000), st.integers(0, 3))
def test_very_long_lines(april_lines, token, length, where):
    line = (token * (length // len(token) + 1))[:length]
    lines = list(april_lines)
    lines.insert([0, 60, 100, len(lines)][where], line)
    _parse_quietly("\n".join(lines))


def test_many_long_lines_finish_quickly():
    started = time.monotonic()
    text = "Outcomes Focused Monitoring Report\nJune 2019\nSAFE: 01 Population Indicator - x\n"
    text += "\n".join(["[" * 20_000, "<p" * 10_000, "Latest (" * 3000, "| " * 10_000] * 5)
    _parse_quietly(text)
    assert time.monotonic() - started < 5
