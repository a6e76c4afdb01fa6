"""The articles `make run` indexes when none are given: the seed article plus two small MedQuAD
collections, read in place from ../shared/data, or else fetched from MedQuAD's GitHub repository.

Sized for a first start of about two minutes on two cores: measured 2,624 chunks (seed 4, CDC 679
from 59 documents, NIHSeniorHealth 1,941 from 48 documents), about 65 s at ~40 chunks/s, plus
loading the model and reading the files.

    python -m ingest.sample [--shared DIR] [--download-to DIR]   # prints one path per line
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.request
from collections.abc import Sequence
from pathlib import Path

SEED_ARTICLE = Path("seed/second-opinion-guide.txt")
MEDQUAD_COLLECTIONS = ("9_CDC_QA", "7_SeniorHealth_QA")
MEDQUAD_API = "https://api.github.com/repos/abachaa/MedQuAD/contents/{collection}"
MEDQUAD_LICENCE = "https://raw.githubusercontent.com/abachaa/MedQuAD/master/LICENSE.txt"


def local_sample(shared: Path) -> list[Path] | None:
    """The sample inside the shared data folder, or None when any part of it is missing."""
    paths = [shared / SEED_ARTICLE] + [shared / "medquad" / c for c in MEDQUAD_COLLECTIONS]
    return paths if all(p.exists() for p in paths) else None


def download_sample(target: Path, *, timeout: float = 30) -> list[Path]:
    """MedQuAD's sample collections under `target` (kept between runs; only missing files are
    fetched). MedQuAD is CC BY 4.0; its licence is saved beside the files."""
    target.mkdir(parents=True, exist_ok=True)
    _fetch(MEDQUAD_LICENCE, target / "LICENSE.txt", timeout)
    folders = []
    for collection in MEDQUAD_COLLECTIONS:
        folder = target / collection
        folder.mkdir(exist_ok=True)
        with urllib.request.urlopen(  # noqa: S310 (a fixed https URL)
            MEDQUAD_API.format(collection=collection), timeout=timeout
        ) as response:
            listing = json.load(response)
        for entry in listing:
            if entry.get("type") == "file" and str(entry.get("name", "")).endswith(".xml"):
                _fetch(str(entry["download_url"]), folder / Path(entry["name"]).name, timeout)
        folders.append(folder)
    return folders


def _fetch(url: str, destination: Path, timeout: float) -> None:
    if destination.exists():
        return
    if not url.startswith("https://"):
        raise ValueError(f"refusing to fetch {url!r}: only https URLs are used")
    partial = destination.with_suffix(destination.suffix + ".part")
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (checked above)
        partial.write_bytes(response.read())
    partial.replace(destination)  # a half-downloaded file never looks complete


def default_sample(shared: Path, download_to: Path) -> list[Path]:
    return local_sample(shared) or download_sample(download_to)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--download-to", type=Path, default=Path("data/sample"))
    args = parser.parse_args(argv)
    try:
        paths = default_sample(args.shared, args.download_to)
    except OSError as error:
        print(f"Error: could not fetch the MedQuAD sample ({error}).", file=sys.stderr)
        return 1
    print("\n".join(str(p) for p in paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
