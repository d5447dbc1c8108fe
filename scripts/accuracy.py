"""Import papers into a fresh database and score them against their answer keys.

    python scripts/accuracy.py FOLDER [FOLDER ...] [--details] [--json OUT]

Each FOLDER's papers (every file with a ``NAME.key.json`` beside it) are imported in name
order into one fresh SQLite database, so that later editions meet earlier ones as they would
in a council's own database; each paper is scored right after its import
(``tests/accuracy/score.py``). Prints one row per paper: facts, right, wrong, missing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAPER_SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx"}


def setup(tmp: Path) -> None:
    os.environ["SCRUTINYDESK_DEMO"] = "1"
    os.environ["SCRUTINYDESK_VAR"] = str(tmp)
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'accuracy.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "scrutinydesk.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def papers_in(folder: Path) -> list[tuple[Path, Path]]:
    found = []
    for key in sorted(folder.glob("*.key.json")):
        stem = key.name[: -len(".key.json")]
        paper = next((p for p in sorted(folder.glob(stem + ".*"))
                      if p.suffix.lower() in PAPER_SUFFIXES), None)
        if paper is not None:
            found.append((paper, key))
    return found


def score_folder(folder: Path):
    from django.core.management import call_command

    from scrutinydesk.ingest.errors import PaperError
    from scrutinydesk.ingest.services import import_path
    from tests.accuracy.score import SCORERS, PaperScore

    call_command("flush", interactive=False, verbosity=0)
    scores = []
    for paper, key_path in papers_in(folder):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        kind = key.get("kind", "")
        score = PaperScore(name=f"{folder.name}/{paper.name}", kind=kind)
        source = None
        try:
            result = import_path(paper)
            source = result.source
        except PaperError as exc:
            score.error = str(exc)
        except Exception as exc:  # a bug in the importer: scored as nothing read
            score.error = f"internal error {type(exc).__name__}: {exc}"
        scorer = SCORERS.get(kind)
        if scorer is None:
            score.error = score.error or f"no scorer for kind {kind!r}"
        else:
            scorer(key, source, score)
        scores.append(score)
    return scores


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--details", action="store_true", help="list every fact not right")
    parser.add_argument("--json", type=Path, help="write the scores to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="accuracy-") as tmp:
        setup(Path(tmp))
        all_scores = []
        for folder in args.folders:
            all_scores += score_folder(folder.resolve())
    width = max((len(s.name) for s in all_scores), default=10)
    print(f"{'paper':<{width}}  {'kind':<17} {'facts':>5} {'right':>5} {'wrong':>5} "
          f"{'missing':>7} {'right %':>7}")
    for s in all_scores:
        print(f"{s.name:<{width}}  {s.kind:<17} {s.total:>5} {s.right:>5} {s.wrong:>5} "
              f"{s.missing:>7} {100 * s.share_right:>6.1f}%" + (f"  ({s.error})" if s.error
                                                              else ""))
        if args.details:
            for f in s.facts:
                if f.outcome != "right":
                    print(f"    {f.outcome.upper():<7} {f.what}" +
                          (f" — {f.detail}" if f.detail else ""))
    if args.json:
        args.json.write_text(json.dumps([{
            "paper": s.name, "kind": s.kind, "facts": s.total, "right": s.right,
            "wrong": s.wrong, "missing": s.missing, "error": s.error,
            "not_right": [{"fact": f.what, "outcome": f.outcome, "detail": f.detail}
                          for f in s.facts if f.outcome != "right"],
        } for s in all_scores], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
