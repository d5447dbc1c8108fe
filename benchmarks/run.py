"""``make bench``: run every ``benchmarks/bench_*.py`` and print each figure beside the
baseline measured in the same run (so figures from different machines can be compared by
their ratios, not their seconds).

Each benchmark module defines ``run() -> list[dict]``; each dict has ``name``, ``seconds``
and optionally ``baseline`` (the ``name`` of another figure from the same module) and
``note``. Each module runs in a process of its own (each sets up Django with its own
temporary database). A module that fails is reported and the others still run; the exit
code is 1 if any failed.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def report(name: str, results: list[dict]) -> None:
    by_name = {r["name"]: r for r in results}
    width = max(len(r["name"]) for r in results)
    print(f"\n{name}")
    for r in results:
        line = f"  {r['name']:<{width}}  {r['seconds']:8.3f} s"
        base = by_name.get(r.get("baseline") or "")
        if base is not None and base["seconds"] > 0:
            line += f"  ×{r['seconds'] / base['seconds']:6.2f} of {base['name']}"
        elif not r.get("baseline"):
            line += "  (baseline)"
        if r.get("note"):
            line += f"  – {r['note']}"
        print(line)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    paths = sorted(HERE.glob("bench_*.py"))
    if argv:
        paths = [p for p in paths if any(a in p.stem for a in argv)]
    failed = 0
    for path in paths:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--one", str(path)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            failed += 1
            print(f"\n{path.stem}: FAILED\n{done.stdout}{done.stderr}")
            continue
        results = json.loads(done.stdout.strip().splitlines()[-1])
        report(f"{path.stem} ({time.perf_counter() - started:.0f} s in all)", results)
    return 1 if failed else 0


def one(path: str) -> int:
    """Run one benchmark module and print its figures as JSON on the last line."""
    sys.path.insert(0, str(HERE.parent))
    try:
        results = load(Path(path)).run()
    except Exception:
        traceback.print_exc()
        return 1
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        sys.exit(one(sys.argv[2]))
    sys.exit(main(sys.argv[1:]))
