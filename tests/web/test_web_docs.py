"""docs/web.md lists every page and feed the web app serves, by URL name."""

from pathlib import Path

from tests.web.test_no_exempt_leaks import url_names

WEB_MD = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def test_docs_list_every_web_page_and_feed():
    text = WEB_MD.read_text(encoding="utf-8")
    names = {n for n in url_names() if n.startswith("web:")}
    assert len(names) >= 20
    missing = sorted(n for n in names if f"`{n}`" not in text)
    assert not missing, f"add these to the pages and feeds of docs/web.md: {missing}"
