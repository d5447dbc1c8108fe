"""Run the test suite on SQLite, then on PostgreSQL.

PostgreSQL is used when ``DATABASE_URL`` names it, or else at
postgres://postgres@127.0.0.1:5432/test when that answers. With ``REQUIRE_POSTGRES=1``
(as in CI) an unreachable PostgreSQL fails the run instead of being skipped.
Extra arguments go to pytest. pytest's exit code 5 (no tests collected) counts as success.
"""

import os
import subprocess
import sys
import time

DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/test"
NO_TESTS_COLLECTED = 5


def postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else DEFAULT_PG


def reachable(url: str) -> tuple[bool, str]:
    try:
        import psycopg

        with psycopg.connect(url.replace("postgresql://", "postgres://", 1), connect_timeout=5):
            return True, ""
    except Exception as exc:  # any failure to connect means "not reachable"
        return False, str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)


def run(label: str, env: dict, args: list[str]) -> int:
    print(f"\n=== Test suite on {label} ===", flush=True)
    started = time.monotonic()
    code = subprocess.call([sys.executable, "-m", "pytest", *args], env=env)
    if code == NO_TESTS_COLLECTED:
        print(f"{label}: no tests collected (pytest exit code 5), counted as success")
        code = 0
    print(f"=== {label}: {'passed' if code == 0 else f'FAILED (exit code {code})'} "
          f"in {time.monotonic() - started:.0f} s ===", flush=True)
    return code


def main() -> int:
    args = sys.argv[1:]
    base = {**os.environ, "SCRUTINYDESK_DEMO": "1"}
    results = {}

    sqlite_env = {k: v for k, v in base.items() if k != "DATABASE_URL"}
    results["SQLite"] = run("SQLite", sqlite_env, args)

    url = postgres_url()
    required = os.environ.get("REQUIRE_POSTGRES", "") in ("1", "true", "yes")
    ok, why = reachable(url)
    if ok:
        results["PostgreSQL"] = run("PostgreSQL", {**base, "DATABASE_URL": url}, args)
    elif required:
        print(f"\nPostgreSQL is required (REQUIRE_POSTGRES=1) but {url} is unreachable: {why}")
        results["PostgreSQL"] = 1
    else:
        print(f"\nPostgreSQL at {url} is unreachable ({why}); skipped. "
              "Set REQUIRE_POSTGRES=1 to make this a failure.")

    print("\nSummary: " + ", ".join(
        f"{name} {'passed' if code == 0 else 'FAILED'}" for name, code in results.items()))
    return 0 if all(code == 0 for code in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
