"""Charts: SVG fit to inline, labelled for screen readers, readable without colour."""

import re

import pytest
from lxml import etree

from scrutinydesk.core.periods import Period
from scrutinydesk.reports.charts import ChartSeries, accessible_svg, series_chart, sparkline

NS = {"s": "http://www.w3.org/2000/svg"}


def points(values, quarterly=False):
    periods = ([Period.financial_quarter(2015 + i // 4, i % 4 + 1) for i in range(len(values))]
               if quarterly else [Period.financial_year(2012 + i) for i in range(len(values))])
    return [(p.end, p.label, v) for p, v in zip(periods, values, strict=True)]


@pytest.fixture(scope="module")
def chart():
    main = ChartSeries("Wessex", points([40, 42.5, 47, 51, 49.5, 52]))
    england = ChartSeries("England", points([45, 45.5, 44, 44.2, 43.9, 43.1]), "comparator")
    target = ChartSeries("Target", points([48, 48, 48])[:3], "target")
    return series_chart([main, england, target], title="Rate of children: Wessex vs England",
                        description="Wessex rose from 40 to 52.", unit_label="per 10,000")


def test_chart_is_an_accessible_image(chart):
    root = etree.fromstring(chart.encode())
    assert root.get("role") == "img"
    title, desc = root.find("s:title", NS), root.find("s:desc", NS)
    assert title.text == "Rate of children: Wessex vs England"
    assert desc.text == "Wessex rose from 40 to 52."
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert root.get("width") is None and root.get("viewBox")


def test_chart_keeps_its_text_as_text_with_direct_labels(chart):
    texts = [t.text for t in etree.fromstring(chart.encode()).iter("{*}text")]
    assert "Wessex 52" in texts and "England 43.1" in texts and "Target 48" in texts
    assert "per 10,000" in texts and "2017-18" in texts


def test_series_differ_by_line_style_and_marker_not_only_colour(chart):
    dashes = set(re.findall(r"stroke-dasharray: ([0-9.,\s]+)", chart))
    assert len(dashes) >= 2  # comparator dashed, target dotted; main solid has none
    markers = {m.get("id") for m in etree.fromstring(chart.encode()).iter("{*}path")
               if m.getparent() is not None and m.getparent().tag.endswith("defs")}
    assert len(markers) >= 3


def test_two_charts_share_no_ids():
    a = series_chart([ChartSeries("A", points([1, 2, 3]))], title="a", description="a")
    b = series_chart([ChartSeries("A", points([1, 2, 3]))], title="b", description="b")
    ids_a = set(re.findall(r'\bid="([^"]+)"', a))
    ids_b = set(re.findall(r'\bid="([^"]+)"', b))
    assert ids_a and not ids_a & ids_b
    for ref in re.findall(r'(?:href="#|url\(#)([^")]+)', a):
        assert ref in ids_a


def test_long_quarterly_series_gets_few_enough_ticks_to_read():
    svg = series_chart([ChartSeries("A", points(list(range(40)), quarterly=True))],
                       title="t", description="d")
    labels = [t.text for t in etree.fromstring(svg.encode()).iter("{*}text")
              if t.text and t.text.startswith("Q")]
    assert 2 <= len(labels) <= 6
    assert labels[-1] == "Q4 2024-25"  # the latest period is always labelled


def test_single_point_chart_and_sparkline_render():
    one = series_chart([ChartSeries("A", points([7]))], title="t", description="d")
    assert "A 7" in one
    spark = sparkline(points([3, 4, 5]), title="Trend", description="Three values.")
    root = etree.fromstring(spark.encode())
    assert root.get("role") == "img" and root.find("s:title", NS).text == "Trend"


def test_accessible_svg_escapes_and_strips_the_prologue():
    raw = ('<?xml version="1.0"?><!DOCTYPE svg><!-- made --><svg width="10pt" height="5pt" '
           'xmlns="http://www.w3.org/2000/svg"><defs><clipPath id="p1"/></defs>'
           '<g clip-path="url(#p1)"/></svg>')
    svg = accessible_svg(raw, "A < B", "x & y", prefix="c9")
    root = etree.fromstring(svg.encode())
    assert root.find("s:title", NS).text == "A < B"
    assert 'url(#c9-p1)' in svg and 'id="c9-p1"' in svg and "<?xml" not in svg
