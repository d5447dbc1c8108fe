"""The ``scrutinydesk`` command: a thin front over Django management commands.

``scrutinydesk import PATH...`` runs ``manage.py import_papers``; every other name is passed
to Django as it is, so ``scrutinydesk migrate`` and ``scrutinydesk createsuperuser`` work too.
"""

import ast
import os
import pkgutil
import sys
from pathlib import Path

ALIASES = {"import": "import_papers"}
APPS = ("core", "outcomes", "risks", "committees", "actionplans", "findings", "ingest",
        "reports", "api", "search", "clerk", "web")


def project_commands() -> dict[str, str]:
    """Scrutiny Desk's own commands and their one-line help, read without starting Django."""
    commands = {}
    package_dir = Path(__file__).resolve().parent
    for app in APPS:
        folder = package_dir / app / "management" / "commands"
        if not folder.is_dir():
            continue
        for info in pkgutil.iter_modules([str(folder)]):
            if info.name.startswith("_"):
                continue
            commands[_public_name(info.name)] = _help_text(folder / f"{info.name}.py")
    return dict(sorted(commands.items()))


def _public_name(module: str) -> str:
    return next((alias for alias, name in ALIASES.items() if name == module), module)


def _help_text(path: Path) -> str:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "help" for t in node.targets
        ) and isinstance(node.value, ast.Constant):
            return str(node.value.value).strip().splitlines()[0]
    return ""


def print_help() -> None:
    print("usage: scrutinydesk COMMAND [options]\n")
    print("Scrutiny Desk: overview & scrutiny for local government.\n")
    print("Commands:")
    commands = project_commands()
    width = max(len(name) for name in commands)
    for name, text in commands.items():
        print(f"  {name:<{width}}  {text}")
    print("\nAny Django management command works too (migrate, createsuperuser, shell ...).")
    print("'scrutinydesk COMMAND --help' describes one command.")


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help") and len(argv) == 1:
        print_help()
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutinydesk.settings")
    from django.core.management import execute_from_command_line

    name = ALIASES.get(argv[0], argv[0])
    execute_from_command_line(["scrutinydesk", name, *argv[1:]])


if __name__ == "__main__":
    main()
