"""Writing the index fails in words (disk full, file too large, read-only, permission denied), the
live generation stays whole, and index files honour the umask."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from healthqa.errors import IndexFileTooLarge
from index.generations import CURRENT_FILE, TEMP_PREFIX, current_generation, generation_dir
from index.reader import IndexReader
from index.writer import IndexWriter
from tests.support.records import MANIFEST, build, sample, upsert

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# Run by a child process: ingest more into an existing index, print what the error said.
WRITE_MORE = """
import sys
from pathlib import Path
from healthqa.errors import HealthQAError
from index.writer import IndexWriter
from tests.support.records import MANIFEST, sample, upsert
try:
    with IndexWriter.open(Path(sys.argv[1]), MANIFEST) as writer:
        for n in range(int(sys.argv[2])):
            upsert(writer, sample(f"more{n}", 40))
        writer.commit()
except HealthQAError as error:
    print(type(error).__name__, error, sep="|")
else:
    print("committed")
"""


def assert_live_and_whole(index_dir: Path, generation: int, documents: int) -> None:
    assert current_generation(index_dir) == generation
    with IndexReader.open(index_dir) as reader:
        assert reader.stats().documents == documents
        chunks = sum(len(reader.chunks_of(d.doc_id)) for d in reader.documents())
        assert reader.stats().chunks == chunks


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize(
    ("mask", "folder", "file"), [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640)]
)
def test_index_files_honour_the_umask(
    tmp_path: Path, umask: None, mask: int, folder: int, file: int
) -> None:
    os.umask(mask)
    index_dir = tmp_path / "index"
    generation = build(index_dir, [sample("a"), sample("b")])
    live = generation_dir(index_dir, generation)
    assert live.stat().st_mode & 0o777 == folder
    for child in [*live.iterdir(), index_dir / CURRENT_FILE]:
        assert child.stat().st_mode & 0o777 == file, child


def test_file_too_large_is_one_sentence_and_the_index_stays(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    generation = build(index_dir, [sample(f"seed{n}") for n in range(3)])
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    writer = IndexWriter.open(index_dir, MANIFEST)

    def fill_and_commit() -> None:
        for n in range(200):
            upsert(writer, sample(f"big{n}", 40))
        writer.commit()

    try:
        # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG like a real one.
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, hard))
        with pytest.raises(IndexFileTooLarge, match=r"grew past the largest file.*unchanged"):
            fill_and_commit()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        writer.abort()
    assert_live_and_whole(index_dir, generation, 3)
    assert not [p for p in index_dir.iterdir() if p.name.startswith(TEMP_PREFIX)]


def _namespace_mount_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
         "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d && umount $d && rmdir $d"],
        capture_output=True, timeout=30, check=False,
    )  # fmt: skip
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(
    not _namespace_mount_works(), reason="needs unshare and tmpfs mounts in a user namespace"
)


# Run in a private mount namespace where index_dir is a small disk: a seed index fits, more
# does not; then the live generation is opened again.
FILL_DISK = """
import sys
from pathlib import Path
from healthqa.errors import HealthQAError
from index.reader import IndexReader
from index.writer import IndexWriter
from tests.support.records import MANIFEST, build, sample, upsert
index_dir = Path(sys.argv[1])
build(index_dir, [sample("seed0"), sample("seed1")])
try:
    with IndexWriter.open(index_dir, MANIFEST) as writer:
        for n in range(400):
            upsert(writer, sample(f"more{n}", 40))
        writer.commit()
    print("committed")
except HealthQAError as error:
    print(type(error).__name__, error, sep="|")
with IndexReader.open(index_dir) as reader:
    print("live", reader.stats().documents)
"""


def in_namespace(mounts: str, script: str, index_dir: Path) -> subprocess.CompletedProcess[str]:
    """Runs `script` with Python after `mounts` (a shell line) in a private mount namespace."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
         f'{mounts} && exec "$0" -c "$1" "$2"', sys.executable, script, str(index_dir)],
        capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, timeout=300, check=False,
    )  # fmt: skip


@needs_mounts
def test_disk_full_is_one_sentence_and_the_index_stays(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    run = in_namespace(f"mount -t tmpfs -o size=2m tmpfs {index_dir}", FILL_DISK, index_dir)
    assert run.returncode == 0, run.stderr
    error, live = run.stdout.strip().splitlines()
    assert error.startswith("IndexDiskFull|The disk holding the index at"), error
    assert error.endswith("(the index is unchanged).")
    assert live == "live 2"  # the earlier generation still opens, whole


@needs_mounts
def test_read_only_index_folder_is_one_sentence(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    build(index_dir, [sample("seed0")])
    mounts = f"mount --bind {index_dir} {index_dir} && mount -o remount,bind,ro {index_dir}"
    run = in_namespace(mounts, WRITE_MORE.replace("sys.argv[2]", "1"), index_dir)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("IndexReadOnly|The index folder"), run.stdout
    assert_live_and_whole(index_dir, 1, 1)


@needs_mounts
def test_permission_denied_is_one_sentence(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    build(index_dir, [sample("seed0")])
    index_dir.chmod(0o555)
    try:
        # An unmapped user namespace: the files are checked by their owner bits alone.
        run = subprocess.run(
            ["unshare", "--user", sys.executable, "-c", WRITE_MORE, str(index_dir), "1"],
            capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300, check=False,
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        )  # fmt: skip
    finally:
        index_dir.chmod(0o755)
    assert run.stdout.startswith("IndexPermissionDenied|This user may not write"), (
        run.stdout + run.stderr
    )
    assert_live_and_whole(index_dir, 1, 1)
