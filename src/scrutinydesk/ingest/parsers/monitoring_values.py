"""Readers for the statements on an indicator page: "Latest (March 2017) 51 per 10,000",
"Trend IMPROVING  G", "Benchmark (England) WORSE 43.1 (Average)  R", a measure's
"Latest Q2 17-18 – 17.6%", a risk row "14b - Inability to …  HIGH  UNCHANGED".

Each reader takes printed text and returns a record from ``records`` or ``None``; none
raises. Patterns are bounded so that long lines are read in linear time."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from scrutinydesk.core.periods import Period

from ..records import ParsedBenchmark, ParsedRiskAssessment, ParsedTrend, ParsedValue
from . import monitoring_words as vocab

_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
_Y = r"(?:\d{4}|\d{2})"
PERIOD = (
    rf"(?:(?:q|qtr|quarter)\s?[1-4]\s?,?\s?\d{{2,4}}(?:\s?[-/–]\s?\d{{2,4}})?"
    rf"|{_MON}\s?(?:[-–]|to)\s?{_MON}\s{_Y}(?:\s?[-/–]\s?{_Y})?"
    rf"|\d{{1,2}}\s{_MON}\s\d{{4}}"
    rf"|{_MON}\s?[-' ]?\s?{_Y}"
    rf"|\d{{4}}\s?[-/–]\s?\d{{2,4}}|\d{{2}}\s?[-/–]\s?\d{{2}}"
    rf"|\d{{4}})"
    r"(?:\s?\((?:annual|annal|provisional|revised|estimated?)[^()]{0,20}\))?"
)
_PERIOD_START = re.compile(rf"^\s*({PERIOD})(?![\d%])", re.I)
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_VALUE_START = re.compile(rf"^\s*(?P<sign>-\s?)?(?P<gbp>£)?\s?(?P<num>{NUMBER})\s?"
                          r"(?P<pct>%)?(?P<mult>(?:m|k|bn)\b)?")
_PER = re.compile(
    r"^per\s?(?:1,?000|10,?000|100,?000|1k|10k|100\s?k|head|capita)\b"
    r"(?:\s(?:of\s)?(?:the\s)?(?:population|pop\b\.?|people|residents|children|adults|"
    r"households))?", re.I)
_PER_ANYWHERE = re.compile(r"\bper\s?(?:1,?000|10,?000|100,?000|1k|10k|100\s?k)\b", re.I)
_UNIT_STOP = {"equating", "equivalent", "which", "compared", "against", "and", "this", "that",
              "as", "from", "up", "down", "in"}
_EQUATING = re.compile(
    rf"\bequat\w{{0,6}}\s(?:to\s)?(?P<num>{NUMBER})\s?(?P<unit>%|per[^().;]{{1,40}})", re.I)
RISK_CODE = re.compile(r"^([A-Z]{0,3}\d{1,3}[a-z]{0,2})(?:\s+[-–—:]\s*|\s*[-–—:]\s+)(\S.*)$")
_RISK_ONE_CELL = re.compile(r"^(.*\S)\s+(HIGH|MEDIUM|LOW)\s+([A-Z][A-Z ]{1,20})$")


def is_period(text: str) -> bool:
    text = (text or "").strip()
    if not text or len(text) > 40:
        return False
    try:
        Period.parse(text)
    except (ValueError, OverflowError):
        return False
    return True


def to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace(" ", ""))
    except (InvalidOperation, ValueError):
        return None


def read_unit(text: str) -> str:
    """The unit printed after a number: "per 10,000", "crimes for the quarter", ""."""
    text = text.strip()
    m = _PER.match(text)
    if m:
        return m.group(0).strip()
    taken = []
    for word in text.split()[:7]:
        bare = word.strip(",.;:")
        if not re.fullmatch(r"[a-z][a-z'’-]*", bare) or bare in _UNIT_STOP:
            break
        taken.append(bare)
        if bare != word:
            break
    return " ".join(taken)


def take_period(text: str) -> tuple[str, str]:
    """(period as printed, the text after it) from "(Q2 17-18) 960" or "Q2 17-18 – 156.5"."""
    t = text.lstrip(" -–—:")
    m = re.match(r"\(([^()]{1,60})\)", t)
    if m and (is_period(m[1]) or _PERIOD_START.match(m[1])):
        return m[1].strip(), t[m.end():]
    m = _PERIOD_START.match(t)
    if m and is_period(m[1]):
        return m[1].strip(), t[m.end():]
    return "", t


def read_number(text: str) -> tuple[ParsedValue | None, str]:
    """A value at the start of ``text`` and the text after its unit."""
    m = _VALUE_START.match(text)
    if not m:
        return None, text
    value = to_decimal(m["num"])
    if value is None:
        return None, text
    if m["sign"]:
        value = -value
    after = text[m.end():]
    if m["pct"]:
        unit = "%"
    elif m["gbp"]:
        unit = "£" + (m["mult"] or "")
    else:
        unit = read_unit(after)
        after = after.strip()[len(unit):]
    return ParsedValue(text=text[:m.end()].strip(), value=value, unit_text=unit), after


def read_value(text: str, printed: str) -> ParsedValue | None:
    """The figure in the words after "Latest"/"Previous": period, value and unit."""
    period, rest = take_period(text)
    rest = rest.lstrip(" -–—:=")
    value, _after = read_number(rest)
    if value is None:
        status = vocab.STATUS_RE.search(rest[:80])
        if not period and not status:
            return None
        return ParsedValue(text=printed, period_text=period,
                           status=vocab.status_word(status[1]) if status else "")
    if not period:
        # the period printed after the value: "17.3% (Q4 17-18)"
        pm = re.match(r"\s?\(([^()]{1,40})\)", _after)
        if pm and is_period(pm[1]):
            period = pm[1].strip()
            _after = _after[pm.end():]
    nm = re.match(r"\s?\(([^()]{1,200})\)?", _after)
    if nm:
        value.note = nm[1].strip()  # "(provisional, subject to validation)"
    value.text, value.period_text = printed, period
    return value


_NOTE_TARGET = re.compile(rf"^target\s?[-–:=]?\s?(£?)({NUMBER})\s?(%?)$", re.I)
_NOTE_PERIOD_VALUE = re.compile(rf"^(?P<period>[^():]{{2,40}}?)\s?[:=–-]\s?(?P<num>{NUMBER})\s?"
                                r"(?P<pct>%?)$")
_NOTE_RATE = re.compile(rf"^(?P<unit>rate per\s?[\d,]+k?)\s?[:=–-]?\s?(?P<num>{NUMBER})$", re.I)


def note_facts(value: ParsedValue) -> tuple[ParsedValue | None, list[ParsedValue]]:
    """(target, other values) stated in the bracket after a value: "(target 80%)",
    "(Q2 2017-18: 5,871)", "(rate per 100,000: 412)". An explanation
    ("provisional, subject to validation", "see note 3") states none."""
    note = value.note.strip()
    if not note:
        return None, []
    m = _NOTE_TARGET.match(note)
    if m:
        unit = "%" if m[3] else ("£" if m[1] else value.unit_text)
        return ParsedValue(text=f"({note})", value=to_decimal(m[2]), unit_text=unit,
                           period_text=value.period_text), []
    m = _NOTE_RATE.match(note)
    if m:
        unit = m["unit"][len("rate "):].strip()
        return None, [ParsedValue(text=f"({note})", value=to_decimal(m["num"]),
                                  unit_text=unit, period_text=value.period_text)]
    m = _NOTE_PERIOD_VALUE.match(note)
    if m and is_period(m["period"].strip()):
        return None, [ParsedValue(text=f"({note})", value=to_decimal(m["num"]),
                                  unit_text="%" if m["pct"] else value.unit_text,
                                  period_text=m["period"].strip())]
    return None, []


_TARGET_WORD = re.compile(r"\bTarget\b\s?(?:for\s[^:–-]{1,30})?[-–—:=]?\s?", re.I)


def read_target(text: str) -> ParsedValue | None:
    """A target level printed on its own line: "DORSET - Target £600.00 per week",
    "Target 10 days", "Target: 85% (2018-19)". A target that is a change ("40% reduction
    against the 2005-09 average by 2020") is no level, and gives None."""
    m = _TARGET_WORD.search(text[:300])
    if not m:
        return None
    period, rest = take_period(text[m.end():])
    value, after = read_number(rest.lstrip(" -–—:="))
    if value is None or value.value is None:
        return None
    after = after.strip()
    if not period:
        pm = re.fullmatch(r"(.*?)\s?\(([^()]{1,40})\)", after)
        if pm and is_period(pm[2]):
            after, period = pm[1].strip(), pm[2].strip()
    if after and not re.fullmatch(r"(?:per|a|each)\s[a-z]{2,12}(?:\s[a-z]{2,12})?", after, re.I):
        return None
    if value.unit_text.startswith("£") and after:
        value.unit_text = f"{value.unit_text} {after}"
    value.text, value.period_text = text.strip()[:300], period
    return value


def equating(text: str, period: str) -> ParsedValue | None:
    """ "… equating to 12.9 per 1,000 population" -> the second figure of a statement."""
    m = _EQUATING.search(text[:2000])
    if not m:
        return None
    unit = m["unit"] if m["unit"] == "%" else read_unit(m["unit"]) or m["unit"].strip()
    return ParsedValue(text=m.group(0), value=to_decimal(m["num"]), period_text=period,
                       unit_text=unit)


def own_rate(text: str) -> ParsedValue | None:
    """The area's own rate printed in a benchmark statement: "BETTER per 100K pop = 928
    (compared to England rate of 704)" -> 928 per 100K pop; "SIMILAR 768 per 100K pop
    (England 722 per 100K, 2017-18)" -> 768 per 100K pop, for the period the statement
    names."""
    head = text[:600]
    m = re.search(rf"\b(per\s?[^=()]{{1,30}}?)\s?=\s?({NUMBER})\s?(%?)", head, re.I)
    if m:
        value = ParsedValue(text=m.group(0).strip(), value=to_decimal(m[2]),
                            unit_text=m[1].strip())
    else:
        m = re.search(rf"\b[A-Z]{{3,}}\s({NUMBER})\s?(per\s?[^()]{{1,30}}?)\s?\(([^()]{{1,80}})\)",
                      head)
        if not m or not _comparator_bracket(m[3]):
            return None
        value = ParsedValue(text=m.group(0).strip(), value=to_decimal(m[1]),
                            unit_text=m[2].strip())
    value.period_text = statement_period(head[m.start():])
    return value


def statement_period(text: str) -> str:
    """The first period a statement prints: bare ("HIGHER 2017-18 rate …"), in brackets
    ("(2017-18)"), or as the last part of a bracket ("(England average, March 2018)",
    "(England 722 per 100K, 2017-18 – see note 1)")."""
    for m in re.finditer(r"\(([^()]{1,80})\)|(?<![\d-])(\d{4}\s?[-/–]\s?\d{2,4}|"
                         r"(?:q|qtr)\s?[1-4]\s?\d{2,4}(?:\s?[-/–]\s?\d{2,4})?)", text, re.I):
        if m[2]:
            if is_period(m[2]):
                return m[2].strip()
            continue
        inside = m[1].strip()
        if is_period(inside):
            return inside
        for piece in re.split(r"\s?[,;–]\s?|\s-\s", inside):
            if is_period(piece.strip()):
                return piece.strip()
    return ""


def _comparator_bracket(inside: str) -> bool:
    """A bracket that names what is compared with and its figure: "England 722 per 100K",
    "compared to England rate of 722", "England rate 718"."""
    return bool(vocab.is_comparator_name(inside) and re.search(r"\d", inside))


def comparator_in_bracket(text: str) -> tuple[Decimal, str] | None:
    """(value, as printed) of the comparator's figure printed in a bracket after the area's
    own: "(England 722 per 100K, 2017-18)", "(England rate 718)"."""
    for m in re.finditer(r"\(([^()]{1,80})\)", text):
        inside = m[1]
        if not _comparator_bracket(inside) or is_period(inside.strip()):
            continue
        nm = re.search(rf"(?<![\w.-])({NUMBER})\s?(%?)(?![\d-])", inside)
        if nm and not is_period(nm[1]) and not re.search(r"note\s?$", inside[:nm.start()]):
            return to_decimal(nm[1]), nm.group(0).strip()
    return None


def unit_in_title(title: str) -> str:
    m = _PER_ANYWHERE.search(title or "")
    return m.group(0) if m else ("%" if re.search(r"(?:^|\s)%|percent", title or "", re.I) else "")


def rag_of(cells: list[str]) -> str:
    """The RAG letter printed in a cell of its own ("R", "A", "G")."""
    for cell in reversed(cells):
        rag = vocab.rag_letter(cell) if len(cell) <= 6 else ""
        if rag:
            return rag
    return ""


def read_trend(text: str, cells: list[str]) -> ParsedTrend | None:
    """ "DORSET - Trend IMPROVING  G", "NEW INDICATOR INTRODUCED 2016  No Trend"."""
    head = text[:300]
    over = re.search(r"\b(\d{1,2})\s?[- ]?years?\b(?=[^.]{0,20}\btrend)", head, re.I)
    printed = ""
    m = vocab.TREND_WORD_RE.search(head)
    if m:
        printed = m[1]
    else:
        for cell in cells:
            m = re.search(r"\bTrend\s?[-–:]?\s?([A-Za-z][A-Za-z ]{0,24})$", cell[:200])
            if m and len(m[1].split()) <= 2:
                printed = m[1].strip()
    rag = rag_of(cells)
    if not printed and not rag:
        return None
    return ParsedTrend(text=text[:500], word=vocab.trend_word(printed), printed_word=printed,
                       rag=rag, over_text=f"{over[1]} year" if over else "")


_BENCH_NAMED = re.compile(r"\b(?i:benchmark)\s?(?:\(([^()]{1,60})\)|[-–:]\s?([A-Z][A-Za-z ]{1,40}?)"
                          r"(?=\s(?:[A-Z]{3,}\b|\d)))")
_NO_DATA = re.compile(r"no (?:comparable|comparator|benchmark(?:ing)?) data|no comparator|"
                      r"not (?:yet )?(?:available|comparable|published)|"
                      r"no national (?:comparison|data)", re.I)


def read_benchmark(text: str, cells: list[str]) -> ParsedBenchmark:
    """ "COMPARATOR - Benchmark (England) WORSE 43.1 (Average)  R" and its variants."""
    head = text[:600]
    bench = ParsedBenchmark(text=text[:500], rag=rag_of(cells))
    if _NO_DATA.search(head):
        bench.no_data = True
    m = _BENCH_NAMED.search(head)
    after = head[m.end():] if m else re.sub(r"^\s*COMPARATOR\s?[-–:]?\s?", "", head)
    if m:
        bench.comparator = (m[1] or m[2] or "").strip()
    after = after.strip(" -–:")
    wm = vocab.BENCHMARK_WORD_RE.match(after)
    rest = after
    if wm:
        bench.printed_word, rest = wm[1], after[wm.end():]
    else:
        um = re.match(r"([A-Z]{3,}(?: [A-Z]{3,})?)\b", after)
        late = vocab.BENCHMARK_WORD_RE.search(after[:60])  # "43.1 WORSE"
        if um and not bench.no_data:
            bench.printed_word, rest = um[1], after[um.end():]
        elif late and not bench.no_data:
            bench.printed_word = late[1]
            rest = after[:late.start()] + after[late.end():]
    bench.word = vocab.benchmark_word(bench.printed_word)
    compared = re.search(r"compared\s(?:to|with)\b([^()]{0,80})", rest, re.I)
    if compared:
        nm = re.search(rf"({NUMBER})\s?(%?)", compared[1])
        if nm:
            bench.value, bench.value_text = to_decimal(nm[1]), nm.group(0).strip()
    elif "=" not in rest and not bench.no_data:
        nm = re.match(rf"\s?[-–:]?\s?(£?)({NUMBER})\s?(%?)", rest)
        if nm:
            bench.value, bench.value_text = to_decimal(nm[2]), nm.group(0).strip(" -–:")
    in_bracket = comparator_in_bracket(rest)
    if in_bracket is not None and not compared:
        # "SIMILAR 768 per 100K pop (England 722 per 100K)": the first figure is the area's
        bench.value, bench.value_text = in_bracket
    bench.period_text = statement_period(rest)
    return bench


def read_risk(cells: list[str], ref) -> ParsedRiskAssessment | None:
    """A corporate risk row: code and title, then score and trend in cells of their own."""
    filled = [c for c in cells if c]
    if not filled or not cells[0]:
        return None
    first = filled[0]
    level = trend_text = ""
    if len(filled) == 1:
        m = _RISK_ONE_CELL.match(first[:1000])
        if m:
            first, level, trend_text = m[1], m[2], m[3].strip()
    else:
        for i, cell in enumerate(filled[1:], start=1):
            if vocab.risk_level(cell):
                level = cell
                trend_text = filled[i + 1] if i + 1 < len(filled) else ""
                break
        else:
            return None  # cells without a score: chart debris, not a row of the table
    m = RISK_CODE.match(first[:2000])
    if not m:
        return None
    return ParsedRiskAssessment(code=m[1], title=m[2].strip(), level=vocab.risk_level(level),
                                trend=vocab.risk_trend(trend_text), trend_text=trend_text,
                                ref=ref)


def risk_continuation(cells: list[str]) -> tuple[str, str] | None:
    """(title words, trend letters) of a risk row broken over two lines:
    "Adult Safeguarding  <empty>  D" after "03e - … duties -  MEDIUM  UNCHANGE"."""
    if not cells or RISK_CODE.match(cells[0][:200]) or len(cells[0]) > 200:
        return None
    rest = [c for c in cells[1:] if c]
    if any(vocab.risk_level(c) for c in rest) or len(rest) > 1:
        return None
    fragment = rest[0] if rest else ""
    if fragment and not re.fullmatch(r"[A-Z]{1,12}", fragment):
        return None
    if not cells[0] and not fragment:
        return None
    return cells[0], fragment


_LABEL_WORD = r"(?:[A-Za-z][A-Za-z/'’&.\-]*|\d{1,3}\s?[-–]\s?\d{1,3}|\d{1,3}\+)"
_BREAKDOWN = re.compile(
    rf"\s*(?:[/;,|]\s*)?(?:of which\s+)?"
    rf"(?P<label>(?:\d{{1,3}}\s(?:days?|hours?|weeks?|months?|years?)"
    rf"|[A-Z][A-Za-z/'’&.\-]*(?:\s{_LABEL_WORD}){{0,5}}))"
    rf"\s?[:–—-]?\s?(?P<num>(?<![\d.])(?:{NUMBER}))(?P<pct>\s?%)?"
    r"(?P<unit>\s?per\s?(?:1,?000|10,?000|100,?000|100\s?k|1k|10k)\b(?:\s(?:pop(?:ulation)?|"
    r"children|people|residents))?)?(?![\d.]|,\d)")
_NOT_LABEL = re.compile(r"\b(?:Latest|Previous|Target|Trend|Benchmark|equat\w*|compared|"
                        r"from|to|up|down|since|by|year to date)\b", re.I)


def read_breakdowns(text: str, period: str = "", unit: str = "") -> list[ParsedValue]:
    """Values of a breakdown printed in a statement, when the whole text is nothing else:
    "Primary 8.3% Secondary 14.4%", "Boys 61.9 per 10,000 / Girls 55.3 per 10,000",
    "Aged 0-4: 142.6", "28 days – 85.9% / 32 hours – 95.7%", "of which Disabled children
    41.2, Other children in need 270.8". Each value takes ``period``, and ``unit`` where
    it prints none. Anything else in the text gives no breakdown at all."""
    text = text[:600].strip()
    found: list[ParsedValue] = []
    at = 0
    while at < len(text):
        m = _BREAKDOWN.match(text, at)
        if not m or m.end() == at:
            return []
        label = m["label"].strip(" -–:")
        if _NOT_LABEL.search(label) or is_period(label) or not re.search(r"[A-Za-z]{2}", label):
            return []
        value = to_decimal(m["num"])
        if value is None:
            return []
        shown = "%" if m["pct"] else (m["unit"] or "").strip() or unit
        found.append(ParsedValue(text=m.group(0).strip(" /;,|"), value=value,
                                 period_text=period, unit_text=shown, breakdown=label))
        at = m.end()
        rest = text[at:]
        if not rest.strip(" .;,/|"):
            break
    labels = [v.breakdown.lower() for v in found]
    return found if len(set(labels)) == len(labels) else []


def read_statement(text: str, printed: str) -> list[ParsedValue]:
    """The figures of one statement after "Latest"/"Previous": its value and the values of
    the breakdown printed after it ("642  Female victims 507 / Male victims 135"), or the
    breakdown's values alone ("– Primary 212 / Secondary 498"). [] when nothing is read."""
    period, rest = take_period(text)
    rest = rest.lstrip(" -–—:=")
    alone = read_breakdowns(rest, period)
    if len(alone) >= 2:
        for value in alone:
            value.text = printed
        return alone
    main = read_value(text, printed)
    if main is None:
        return []
    if main.value is None:
        return [main]
    _number, after = read_number(rest)
    after = after.strip()
    if not after or after.startswith("(") or not re.match(r"^[;,/]?\s?(?:of which\s)?[A-Z0-9]",
                                                         after):
        return [main]
    extra = read_breakdowns(after, period, main.unit_text)
    return [main, *extra]
