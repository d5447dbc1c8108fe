"""The front matter and the back matter of an Outcomes Focused Monitoring Report: its title
and edition, outcome and sponsor, the executive summary's counts, the contents list, the
key ("Key to risk and performance assessments" / "Legend"), and the cover report's
"Summary of issues" table with which focus items are explained."""

from __future__ import annotations

import re
from datetime import date

from scrutinydesk.core.names import clean_person_name
from scrutinydesk.outcomes.titles import normalise_code, normalise_title

from ..records import ParsedFocusItem, ParsedIndicator
from .monitoring_text import Row, is_prose
from .monitoring_words import KEY_WORD

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_YEAR = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|" \
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s(?P<year>\d{4})"
TITLE_RE = re.compile(
    r"^(?:Appendix\s?[\dA-Z]{0,3}\s?[-–:.]?\s?)?(?P<title>Outcomes?\s(?:Focus(?:s?ed)?\s)?"
    r"(?:Monitoring|Performance)\s(?:Report)?)\s?[-–—,:]?\s?(?:" + _MONTH_YEAR + r")?", re.I)
_MONTH_ONLY = re.compile(r"^" + _MONTH_YEAR + r"$", re.I)
_SPONSOR = re.compile(r"^Outcomes?\sSponsor\s?[-–—:]?\s?(?P<rest>\S.{0,200})$", re.I)
_COUNT = r"[\s*]{0,6}\(\s?(?:Currently\s)?(\d{1,3})\s(?:in\s)?total\s?\)"
COUNTS = {
    "indicators": re.compile(r"Population\sIndicators?" + _COUNT, re.I),
    "measures": re.compile(r"Performance\sMeasures?" + _COUNT, re.I),
    "risks": re.compile(r"Risks?" + _COUNT, re.I),
}
_PAGE_REF = re.compile(r"^\d{1,3}(?:\s?(?:&|and|-|–|,|to)\s?\d{1,3}){0,4}$")
CONTENTS_ENTRY = re.compile(r"^(?:[A-Z]{3,}\s?:?\s?)?(\d{1,2})\s?[:.]?\s(\S.*)$")
_KEY_RAG = re.compile(r"^([A-Z][A-Z '’-]{0,24}?)\s?\(([RAGrag])\)$")
_KEY_LINE = re.compile(r"^([A-Z][A-Z '’-]{0,24}?)\s?(?:[-–:=]|\s-)\s(\S.{3,})$")


def edition_of(month: str, year: str) -> date | None:
    key = month.lower()[:3]
    for i, name in enumerate(MONTHS, start=1):
        if name.startswith(key):
            return date(int(year), i, 1)
    return None


def find_title(rows: list[Row], before: int | None = None) -> tuple[int, str, date] | None:
    """(row index, title, edition) of the report's own title: "Outcomes Focused Monitoring
    Report" followed, on the same line or the next, by its month and year. Of several (an
    agenda pack's minutes name earlier reports), the last before row ``before`` (the first
    indicator page)."""
    found = []
    for row in rows:
        m = TITLE_RE.match(row.flat[:300])
        if not m:
            continue
        if m["month"]:
            edition = edition_of(m["month"], m["year"])
            if edition:
                found.append((row.index, row.flat[m.start("title"):m.end()].strip(" ,-–"),
                              edition))
                continue
        for nxt in rows[row.index + 1: row.index + 4]:
            if nxt.blank:
                continue
            mm = _MONTH_ONLY.match(nxt.flat[:40])
            edition = edition_of(mm["month"], mm["year"]) if mm else None
            if edition:
                found.append((row.index, f"{m['title'].strip()} {nxt.flat}", edition))
            break
    earlier = [f for f in found if before is None or f[0] < before]
    return earlier[-1] if earlier else (found[0] if found else None)


def subject_edition(rows: list[Row]) -> tuple[str, date] | None:
    """The edition as a cover sheet's "Subject of Report" cell names it."""
    for row in rows:
        for cell in row.filled[1:]:
            m = TITLE_RE.match(cell[:200])
            if m and m["month"]:
                edition = edition_of(m["month"], m["year"])
                if edition:
                    return cell[:m.end()].strip(), edition
    return None


def find_sponsor(rows: list[Row], start: int = 0, end: int | None = None
                 ) -> tuple[int, str, str, str] | None:
    """(row index, outcome, sponsor, sponsor's title) from "Outcome Sponsor – Nick Jarman"
    with the outcome's name printed above it ("Safe", "People in Dorset are SAFE")."""
    for row in rows[start:end]:
        m = _SPONSOR.match(row.flat)
        if not m:
            continue
        name, _, title = m["rest"].partition(",")
        if not title:
            for nxt in rows[row.index + 1: row.index + 3]:
                if nxt.blank:
                    continue
                t = nxt.flat
                if len(t) <= 100 and not re.search(r"\d", t) and not TITLE_RE.match(t) \
                        and not t.lower().startswith("the following"):
                    title = t
                break
        outcome = ""
        for prev in reversed(rows[max(0, row.index - 8): row.index]):
            if prev.blank:
                continue
            am = re.search(r"\bare\s([A-Za-z]+)\s?$", prev.flat)
            if am:
                outcome = am[1]
            elif len(prev.flat.split()) <= 3 and "council" not in prev.flat.lower():
                outcome = prev.flat.strip(" :")
            break
        outcome = outcome.capitalize() if outcome.isupper() else outcome
        return row.index, outcome, clean_person_name(name), title.strip()
    return None


def stated_counts(text: str) -> dict[str, int]:
    found = {}
    for name, pattern in COUNTS.items():
        m = pattern.search(text)
        if m:
            found[name] = int(m[1])
    return found


_COUNT_HEAD = {"indicators": re.compile(r"^(?:Population\s)?Indicators?$", re.I),
               "measures": re.compile(r"^(?:Performance\s)?Measures?$", re.I),
               "risks": re.compile(r"^(?:Corporate\s)?Risks?$", re.I)}
_COUNT_CELL = re.compile(r"^(?:Currently\s)?(\d{1,3})\s(?:in\s)?total$", re.I)


def column_counts(rows: list[Row]) -> dict[str, int]:
    """The executive summary's counts printed as columns: "Population Indicators
    Performance Measures  Corporate Risks" over "8 in total  Currently 9 in total  …"."""
    found: dict[str, int] = {}
    for k, row in enumerate(rows):
        heads = [next((n for n, p in _COUNT_HEAD.items() if p.match(c.strip(" *"))), None)
                 for c in row.cells]
        if len(row.filled) < 2 or not all(heads[i] for i, c in enumerate(row.cells) if c):
            continue
        below = next((r for r in rows[k + 1:k + 4] if not r.blank), None)
        if below is None:
            continue
        for name, cell in zip(heads, below.cells, strict=False):
            m = _COUNT_CELL.match(cell.strip(" *()"))
            if name and m:
                found.setdefault(name, int(m[1]))
    return found


def is_contents_head(row: Row) -> bool:
    return len(row.filled) == 1 and bool(re.fullmatch(r"(?:Table of )?Contents?", row.filled[0],
                                                      re.I))


def read_contents(rows: list[Row], start: int) -> tuple[list[tuple[str, str]], int]:
    """The (entry, page) rows of the contents list headed at row ``start``; the row index
    after the list."""
    entries: list[tuple[str, str]] = []
    i, blanks = start + 1, 0
    while i < len(rows):
        row = rows[i]
        if row.blank:
            blanks += 1
            if entries or blanks > 3:
                break
            i += 1
            continue
        filled = row.filled
        if len(filled) >= 2 and _PAGE_REF.match(filled[-1]):
            entries.append((" ".join(filled[:-1]), filled[-1]))
        elif len(filled) >= 2 and re.fullmatch(r"Page(?:\sNo\.?)?", filled[-1], re.I):
            pass  # the list's own header: "Population Indicator  Page No"
        else:
            m = re.match(r"^(.{3,200}?)(?:\s?\.{2,}\s?|\s{2,})(\d{1,3})$", row.flat[:300])
            if not m:
                break
            entries.append((m[1].strip(), m[2]))
        i += 1
    return entries, i


def contents_titles(contents: list[tuple[str, str]]) -> dict[int, str]:
    """Indicator number -> title from contents entries "01: Rate of children in care"."""
    titles = {}
    for entry, _page in contents:
        m = CONTENTS_ENTRY.match(entry)
        if m:
            titles.setdefault(int(m[1]), m[2].strip())
    return titles


def is_key_head(row: Row) -> bool:
    text = row.flat
    return bool(re.fullmatch(r"(?:Key to .{3,80}|Key|Legend)", text, re.I))


def key_entries(row: Row) -> list[tuple[str, str]]:
    """(word, meaning) pairs in one row of a key: "meaning  HIGH  meaning  IMPROVING" (the
    words after their meanings) or "HIGH  meaning" (before), or "HIGH - meaning"."""
    filled, letters = [], []
    for cell in row.filled:  # "BETTER (G)": the word and the RAG letter the key gives it
        m = _KEY_RAG.match(cell)
        filled.append(m[1] if m else cell)
        letters.append(m[2].upper() if m else "")
    is_word = [bool(KEY_WORD.match(c)) and len(c.split()) <= 3 for c in filled]
    if not any(is_word):
        m = _KEY_LINE.match(row.flat[:500])
        return [(m[1].strip(), m[2].strip())] if m and is_prose(m[2], 2) else []
    pairs = []
    after = not is_word[-1]
    for i, cell in enumerate(filled):
        if not is_word[i]:
            continue
        j = i + 1 if after else i - 1
        if 0 <= j < len(filled) and not is_word[j] and is_prose(filled[j], 2):
            meaning = filled[j].strip() + (f" ({letters[i]})" if letters[i] else "")
            pairs.append((cell.strip(), meaning))
    return pairs


def summary_of_issues(rows: list[Row]) -> dict[str, tuple[str, str]]:
    """The cover report's "Indicator | Summary of issues" table: normalised code ->
    (indicator as printed, summary)."""
    found: dict[str, tuple[str, str]] = {}
    inside, last = False, ""
    for row in rows:
        filled = row.filled
        if len(filled) == 2 and re.fullmatch(r"(?:Population )?Indicators?", filled[0], re.I) \
                and re.fullmatch(r"Summary of (?:the )?issues?", filled[1], re.I):
            inside, last = True, ""
            continue
        if not inside:
            continue
        if row.blank:
            inside = False
            continue
        code = re.search(r"\b([A-Z]{3,})\s?:?\s?(\d{1,2})\b", row.cells[0][:100]) \
            if row.cells[0] else None
        if code and len(filled) >= 2:
            last = normalise_code(f"{code[1]} {code[2]}")
            found[last] = (filled[0], " ".join(filled[1:]))
        elif not row.cells[0] and last and filled:
            name, text = found[last]
            found[last] = (name, f"{text} {' '.join(filled)}")
        else:
            inside = False
    return found


def share(part: str, whole: str) -> float:
    """Share of the words of ``part`` that are in ``whole`` (after normalising titles)."""
    a = set(normalise_title(part).split())
    b = set(normalise_title(whole).split())
    return len(a & b) / len(a) if a else 0.0


def give_reasons(focus: list[ParsedFocusItem], issues: dict[str, tuple[str, str]],
                 indicators: list[ParsedIndicator]) -> None:
    """Set each focus item's reason from the summary of issues: an indicator by its code
    (found through its title), a measure or risk when the summary names it."""
    if not issues:
        return
    for item in focus:
        if item.reason:
            continue  # printed beside the item in the executive summary
        best = ""
        if item.kind == "indicator":
            for ind in indicators:
                titles = (ind.title, ind.group_title)
                if any(t and max(share(item.text, t), share(t, item.text)) >= 0.8
                       for t in titles):
                    best = normalise_code(ind.code)
                    break
        if best in issues:
            item.reason = issues[best][1]
            continue
        scored = [(share(item.text, name + " " + text), key)
                  for key, (name, text) in issues.items()]
        score, key = max(scored)
        if score >= 0.7:
            item.reason = issues[key][1]
