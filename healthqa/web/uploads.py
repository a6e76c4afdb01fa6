"""Articles uploaded on the Editor page: checked by size and content, saved under plain names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from healthqa.errors import HealthQAError
from ingest.discover import sniff_format


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def safe_name(filename: str) -> str:
    """A plain file name: no folders, no hidden files, only unremarkable characters."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(filename).name).strip(".-")
    return name or "upload"


def save_uploads(
    uploads: Sequence[Upload], folder: Path, limit: int
) -> tuple[list[Path], list[str]]:
    """Checks each upload by size and content, saves the good ones; returns paths and errors."""
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    errors: list[str] = []
    for upload in uploads:
        if len(upload.data) > limit:
            errors.append(
                f"{upload.name} is {len(upload.data) / 1e6:.1f} MB; "
                f"the limit is {limit / 1e6:.1f} MB."
            )
            continue
        try:
            sniff_format(upload.data, upload.name)
        except HealthQAError as error:
            errors.append(str(error))
            continue
        path = folder / safe_name(upload.name)
        path.write_bytes(upload.data)
        saved.append(path)
    return saved, errors
