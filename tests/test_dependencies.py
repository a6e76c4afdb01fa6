"""Every third-party import is declared in pyproject.toml, so `pip install .` brings it.

Shipped code (the four packages, app.py, pages/) is checked against `[project] dependencies`;
code that only runs from the checkout (tests/, bench/) may also use the `test` extra.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGES = tuple(
    pattern.rstrip("*")
    for pattern in PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
)
CHECKOUT_ONLY = ("tests", "bench")
# PEP 508: a requirement starts with the distribution name.
REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")


def normalise(name: str) -> str:
    """PEP 503 normalised distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: Iterable[str]) -> frozenset[str]:
    names = set()
    for requirement in requirements:
        match = REQUIREMENT_NAME.match(requirement.strip())
        assert match, f"unreadable requirement in pyproject.toml: {requirement!r}"
        names.add(normalise(match.group()))
    return frozenset(names)


def python_files(*roots: Path) -> Iterator[Path]:
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from sorted(root.rglob("*.py"))


def imported_names(path: Path) -> Iterator[str]:
    """The top-level module name of every absolute import in the file, wherever it stands."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.partition(".")[0]


def local_names() -> frozenset[str]:
    """The project's own importable names: its packages and the modules beside the tests."""
    modules = {
        path.stem for folder in CHECKOUT_ONLY for path in (PROJECT_ROOT / folder).glob("*.py")
    }
    return frozenset({*PACKAGES, *CHECKOUT_ONLY, "app", "pages", *modules})


def third_party_imports(files: Iterable[Path]) -> dict[str, Path]:
    """Each third-party module name, with the first file that imports it."""
    own = local_names()
    found: dict[str, Path] = {}
    for path in files:
        for name in imported_names(path):
            if name not in sys.stdlib_module_names and name not in own:
                found.setdefault(name, path)
    return found


def undeclared(imports: dict[str, Path], allowed: frozenset[str]) -> list[str]:
    providers = packages_distributions()
    problems = []
    for module, path in sorted(imports.items()):
        where = path.relative_to(PROJECT_ROOT)
        distributions = providers.get(module)
        if not distributions:
            problems.append(f"{module} (imported by {where}) comes from no installed distribution")
        elif not allowed & {normalise(d) for d in distributions}:
            problems.append(f"{module} (imported by {where}) needs one of {sorted(distributions)}")
    return problems


RUNTIME = declared(PYPROJECT["project"]["dependencies"])
TEST_EXTRA = declared(PYPROJECT["project"]["optional-dependencies"]["test"])


def test_the_scan_sees_known_imports() -> None:
    shipped = third_party_imports(python_files(PROJECT_ROOT / "index"))
    assert {"numpy", "faiss"} <= shipped.keys()
    assert not {"json", "index", "__future__"} & shipped.keys()


def test_shipped_code_declares_every_import_as_a_dependency() -> None:
    roots = [PROJECT_ROOT / name for name in (*PACKAGES, "app.py", "pages")]
    problems = undeclared(third_party_imports(python_files(*roots)), RUNTIME)
    assert not problems, "add to [project] dependencies in pyproject.toml:\n" + "\n".join(problems)


@pytest.mark.parametrize("folder", CHECKOUT_ONLY)
def test_checkout_code_declares_every_import_in_the_test_extra(folder: str) -> None:
    imports = third_party_imports(python_files(PROJECT_ROOT / folder))
    problems = undeclared(imports, RUNTIME | TEST_EXTRA)
    assert not problems, "add to the `test` extra in pyproject.toml:\n" + "\n".join(problems)
