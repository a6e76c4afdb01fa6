"""Articles uploaded on the Editor page: checked by size and content, saved under plain names.

Uploads never silently replace each other: a file whose name is already taken by a different
earlier upload waits for the editor's decision (replace it, or keep both), and two files of one
batch with the same name are both kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from healthqa.errors import HealthQAError
from ingest.discover import sniff_format


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


class Choice(Enum):
    REPLACE = "replace"
    KEEP_BOTH = "keep both"
    SKIP = "skip"


@dataclass(frozen=True)
class Planned:
    upload: Upload
    saved_as: str  # a plain file name inside the uploads folder
    note: str = ""  # why it is saved under another name, if it is


@dataclass(frozen=True)
class UploadPlan:
    ready: tuple[Planned, ...]  # new names, or the same bytes as the file already there
    conflicts: tuple[Planned, ...]  # the name holds a different earlier upload: ask first
    rejected: tuple[str, ...]  # one sentence each: too big, or not an article type


def safe_name(filename: str) -> str:
    """A plain file name: no folders, no hidden files, only unremarkable characters."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(filename).name).strip(".-")
    return name or "upload"


def free_name(name: str, taken: set[str]) -> str:
    """`name`, or `stem-2.ext`, `stem-3.ext`, ... whichever is not in `taken`."""
    if name not in taken:
        return name
    path = Path(name)
    number = 2
    while f"{path.stem}-{number}{path.suffix}" in taken:
        number += 1
    return f"{path.stem}-{number}{path.suffix}"


def plan_uploads(uploads: Sequence[Upload], folder: Path, limit: int) -> UploadPlan:
    """Checks each upload by size and content and decides where it would be saved."""
    existing = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
    in_batch: set[str] = set()
    ready: list[Planned] = []
    conflicts: list[Planned] = []
    rejected: list[str] = []
    for upload in uploads:
        if len(upload.data) > limit:
            rejected.append(
                f"{upload.name} is {len(upload.data) / 1e6:.1f} MB; "
                f"the limit is {limit / 1e6:.1f} MB."
            )
            continue
        try:
            sniff_format(upload.data, upload.name)
        except HealthQAError as error:
            rejected.append(str(error))
            continue
        name = safe_name(upload.name)
        if name in in_batch:
            other = free_name(name, existing | in_batch)
            note = f"saved as {other}: another file of this upload is also named {name}"
            ready.append(Planned(upload, other, note))
            in_batch.add(other)
        elif name in existing and (folder / name).read_bytes() != upload.data:
            conflicts.append(Planned(upload, name))
            in_batch.add(name)
        else:
            ready.append(Planned(upload, name))
            in_batch.add(name)
    return UploadPlan(tuple(ready), tuple(conflicts), tuple(rejected))


def save_plan(
    plan: UploadPlan, folder: Path, choices: Mapping[str, Choice]
) -> tuple[list[Path], list[str]]:
    """Saves what the plan and the editor's choices (by file name, for each conflict) allow;
    returns the saved paths and a note for each file saved under another name or skipped."""
    folder.mkdir(parents=True, exist_ok=True)
    taken = {p.name for p in folder.iterdir()} | {p.saved_as for p in plan.ready}
    saved: list[Path] = []
    notes = [f"{p.upload.name}: {p.note}" for p in plan.ready if p.note]
    for planned in plan.ready:
        saved.append(_write(folder / planned.saved_as, planned.upload.data))
    for planned in plan.conflicts:
        choice = choices.get(planned.saved_as, Choice.SKIP)
        if choice is Choice.REPLACE:
            saved.append(_write(folder / planned.saved_as, planned.upload.data))
        elif choice is Choice.KEEP_BOTH:
            other = free_name(planned.saved_as, taken)
            taken.add(other)
            saved.append(_write(folder / other, planned.upload.data))
            notes.append(f"{planned.upload.name}: saved as {other}, beside the earlier upload")
        else:
            notes.append(f"{planned.upload.name}: not saved; the earlier upload was kept")
    return saved, notes


def _write(path: Path, data: bytes) -> Path:
    partial = path.with_name(f".{path.name}.part")
    partial.write_bytes(data)
    partial.replace(path)  # a half-written upload never looks complete
    return path

