"""A non-editable install works: the wheel carries every data file and answers outside the checkout.

The wheel is built from a copy of the source tree (git's tracked and untracked, not ignored files),
so the build leaves nothing in the checkout and no stale `build/` can hide a missing file. It is
installed into a fresh venv without its dependencies; a `.pth` line puts the project venv's
site-packages behind it for those. A plain path line does not run the `.pth` files in that folder,
so the project's own editable install there stays out of the way, which the test checks.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PACKAGES = tuple(
    pattern.rstrip("*")
    for pattern in tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"
    ]["setuptools"]["packages"]["find"]["include"]
)

ARTICLES = {
    "gout.md": (
        "# Gout\n\n## Causes\n\n"
        "Gout is caused by too much uric acid in the blood. The uric acid forms sharp crystals "
        "in a joint, most often the big toe, which becomes hot, red, swollen and very painful.\n\n"
        "## Treatment\n\n"
        "Attacks of gout are treated with anti-inflammatory medicines. Drinking less alcohol "
        "and losing weight lower the uric acid level and prevent new attacks.\n"
    ),
    "migraine.md": (
        "# Migraine\n\n## Symptoms\n\n"
        "A migraine is a throbbing headache on one side of the head that lasts hours to days. "
        "Many people feel sick and find light and noise hard to bear during an attack.\n\n"
        "## Triggers\n\n"
        "Missed meals, poor sleep, stress and some foods can trigger a migraine attack.\n"
    ),
    "iron-deficiency-anaemia.md": (
        "# Iron deficiency anaemia\n\n## Symptoms\n\n"
        "Iron deficiency anaemia makes people tired and short of breath, with pale skin. "
        "It happens when the body lacks iron to make enough red blood cells.\n\n"
        "## Treatment\n\n"
        "Iron tablets and iron-rich food such as red meat, beans and dark green vegetables "
        "restore the iron level over a few months.\n"
    ),
}


def source_files() -> list[str]:
    """The checkout's files as git sees them: tracked or new, never ignored, still on disk."""
    if shutil.which("git") is None or not (PROJECT_ROOT / ".git").exists():
        pytest.skip("needs a git checkout to list the source tree")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return sorted(name for name in listed.split("\0") if name and (PROJECT_ROOT / name).is_file())


def package_data_files() -> list[str]:
    """Every file in the shipped packages that is not Python source: all of it must ship."""
    return [
        name
        for name in source_files()
        if name.partition("/")[0] in PACKAGES and not name.endswith((".py", ".pyc"))
    ]


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in source_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT_ROOT / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
        "--no-index", "--wheel-dir", dist, source,
        cwd=source,
    )  # fmt: skip
    (built,) = dist.glob("healthqa-*.whl")
    return built


def test_wheel_carries_every_data_file(wheel: Path) -> None:
    expected = package_data_files()
    assert "assistant/retrieval/calibration.json" in expected
    shipped = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in expected if name not in shipped]
    assert not missing, (
        "not in the wheel; add a pattern to [tool.setuptools.package-data]:\n" + "\n".join(missing)
    )


def fresh_venv(root: Path, wheel: Path) -> Path:
    """A new venv holding only the wheel, with the project venv's site-packages for the rest."""
    run(sys.executable, "-m", "venv", "--without-pip", root, cwd=root.parent)
    python = root / "bin" / "python"
    run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
        "--no-index", wheel,
        cwd=root.parent,
    )  # fmt: skip
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site_packages = Path(run(python, "-c", purelib, cwd=root).strip())
    project_paths = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (site_packages / "project-venv.pth").write_text("\n".join(project_paths) + "\n")
    return site_packages


def test_installed_wheel_ingests_and_answers_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    site_packages = fresh_venv(tmp_path / "venv", wheel)
    bin_dir = tmp_path / "venv" / "bin"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEALTHQA_", "PYTHON"))}
    env["HEALTHQA_DATA_DIR"] = str(tmp_path / "data")

    where = run(
        bin_dir / "python", "-c",
        "import json, assistant, healthqa, index, ingest; "
        "print(json.dumps([m.__file__ for m in (assistant, healthqa, index, ingest)]))",
        cwd=tmp_path, env=env,
    )  # fmt: skip
    for module_file in json.loads(where):
        assert Path(module_file).is_relative_to(site_packages), module_file

    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    index = tmp_path / "index"

    report = json.loads(
        run(bin_dir / "healthqa", "ingest", articles, "--index", index, "--json",
            cwd=tmp_path, env=env)
    )  # fmt: skip
    assert report["added"] == len(ARTICLES), report
    assert not report["failed"], report

    answer = json.loads(
        run(bin_dir / "healthqa", "ask", "What causes gout?", "--index", index, "--json",
            cwd=tmp_path, env=env)
    )  # fmt: skip
    assert not answer["abstained"], answer
    assert answer["citations"], answer
    cited = {Path(c["doc_id"]).name for c in answer["citations"]}  # ids are absolute paths
    assert cited <= ARTICLES.keys(), answer["citations"]
    assert "gout.md" in cited
