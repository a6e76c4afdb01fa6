"""The articles `make run` indexes when none are given: the seed article plus two small MedQuAD
collections (CDC and NIHSeniorHealth, 107 documents, about 2,600 passages), read in place from
../shared/data, or, when asked (HEALTHQA_DOWNLOAD_SAMPLE=1, `--download`), fetched from MedQuAD's
GitHub repository. Otherwise a few demo
articles shipped in `ingest/demo/` (written by the team, marked "not vetted" in every citation)
let a fresh clone try the chat offline.

A first start indexes a small part first (`split_sample`: the seed article and a few dozen of the
shortest documents, about 200 passages) so the chat can answer within a minute, then the rest.

    python -m ingest.sample [--shared DIR] [--download [--download-to DIR]]   # one path a line
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from healthqa.errors import IngestError

SEED_ARTICLE = Path("seed/second-opinion-guide.txt")
MEDQUAD_COLLECTIONS = ("9_CDC_QA", "7_SeniorHealth_QA")
MEDQUAD_API = "https://api.github.com/repos/abachaa/MedQuAD/contents/{collection}"
MEDQUAD_LICENCE = "https://raw.githubusercontent.com/abachaa/MedQuAD/master/LICENSE.txt"
OFFLINE_HINT = (
    "To add articles without a network, run `make ingest ARTICLES=path/to/your/articles` "
    "or upload them on the Editor page."
)
DEMO_ARTICLES = Path(__file__).resolve().parent / "demo"
# Every demo article's front matter names this source, so every citation of one says so.
DEMO_SOURCE = "HealthQA demo article"
NO_DOWNLOAD_NOTE = (
    "HealthQA does not fetch articles from the network unless asked: set "
    "HEALTHQA_DOWNLOAD_SAMPLE=1 to download MedQuAD's sample from GitHub, or add your vetted "
    "articles on the Editor page or with `make ingest ARTICLES=path/to/your/articles`."
)
DEMO_NOTE = (
    "Meanwhile the chat answers from a few demo articles the HealthQA team wrote to show how it "
    "works; they are not vetted medical content."
)
# About 200 passages: embedded in 5 to 20 s on two busy cores.
FIRST_BYTES = 150_000
FIRST_DOCUMENTS = 36


class SampleUnavailable(IngestError):
    """The sample is neither in the shared data folder nor downloadable."""


@dataclass(frozen=True)
class Sample:
    first: tuple[Path, ...]  # the seed article and the shortest documents, indexed first
    rest: tuple[Path, ...]  # every other file of the sample, in a stable order

    @property
    def files(self) -> tuple[Path, ...]:
        return self.first + self.rest


def local_sample(shared: Path) -> list[Path] | None:
    """The sample inside the shared data folder, or None when any part of it is missing."""
    paths = [shared / SEED_ARTICLE] + [shared / "medquad" / c for c in MEDQUAD_COLLECTIONS]
    return paths if all(p.exists() for p in paths) else None


def download_sample(target: Path, *, timeout: float = 30) -> list[Path]:
    """MedQuAD's sample collections under `target` (kept between runs; only missing files are
    fetched). MedQuAD is CC BY 4.0; its licence is saved beside the files. Raises
    SampleUnavailable naming the URL that failed, why, and what works offline."""
    target.mkdir(parents=True, exist_ok=True)
    _fetch(MEDQUAD_LICENCE, target / "LICENSE.txt", timeout)
    folders = []
    for collection in MEDQUAD_COLLECTIONS:
        folder = target / collection
        folder.mkdir(exist_ok=True)
        listing_url = MEDQUAD_API.format(collection=collection)
        listing = _listing(listing_url, timeout)
        for entry in listing:
            if entry.get("type") == "file" and str(entry.get("name", "")).endswith(".xml"):
                name = Path(str(entry["name"])).name
                _fetch(str(entry["download_url"]), folder / name, timeout)
        folders.append(folder)
    return folders


def _listing(url: str, timeout: float) -> list[dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (fixed https)
            listing = json.load(response)
    except (OSError, ValueError) as error:
        raise SampleUnavailable(_failure(url, error, timeout)) from None
    if not isinstance(listing, list):
        raise SampleUnavailable(_failure(url, ValueError("the reply is not a file list"), timeout))
    return [entry for entry in listing if isinstance(entry, dict)]


def _fetch(url: str, destination: Path, timeout: float) -> None:
    if destination.exists():
        return
    if not url.startswith("https://"):
        raise SampleUnavailable(
            f"Refused to download {url}: only https addresses are used. {OFFLINE_HINT}"
        )
    partial = destination.with_suffix(destination.suffix + ".part")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (checked)
            partial.write_bytes(response.read())
    except OSError as error:
        raise SampleUnavailable(_failure(url, error, timeout)) from None
    partial.replace(destination)  # a half-downloaded file never looks complete


def _failure(url: str, error: Exception, timeout: float) -> str:
    return f"Could not download the sample articles from {url} ({_reason(error, timeout)}). " + (
        OFFLINE_HINT
    )


def _reason(error: Exception, timeout: float) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"the server answered HTTP {error.code} {error.reason}".rstrip()
    if isinstance(error, urllib.error.URLError):
        error = error.reason if isinstance(error.reason, Exception) else OSError(error.reason)
    if isinstance(error, TimeoutError):
        return f"no answer within {timeout:.0f} s"
    if isinstance(error, socket.gaierror):
        return "the name could not be resolved; is there a network?"
    if isinstance(error, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(error, ValueError):
        return f"the reply could not be read: {error}"
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def demo_articles() -> list[Path]:
    return sorted(DEMO_ARTICLES.glob("*.md"))


def is_demo_source(source: str | None) -> bool:
    return bool(source) and str(source).startswith(DEMO_SOURCE)


def default_sample(shared: Path, download_to: Path) -> list[Path]:
    return local_sample(shared) or download_sample(download_to)


def split_sample(
    roots: Sequence[Path], *, first_bytes: int = FIRST_BYTES, first_documents: int = FIRST_DOCUMENTS
) -> Sample:
    """The sample's files, with a small first part: every file given by name (the seed article),
    then the shortest documents of the folders while they fit in `first_bytes`."""
    named = [root for root in roots if root.is_file()]
    found = sorted(
        path for root in roots if root.is_dir() for path in root.rglob("*.xml") if path.is_file()
    )
    by_size = sorted(found, key=lambda p: (p.stat().st_size, p))
    first = list(named)
    used = sum(p.stat().st_size for p in first)
    for path in by_size:
        size = path.stat().st_size
        if len(first) >= first_documents or used + size > first_bytes:
            break
        first.append(path)
        used += size
    chosen = set(first)
    return Sample(first=tuple(first), rest=tuple(p for p in found if p not in chosen))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--download", action="store_true", help="fetch it from GitHub if absent")
    parser.add_argument("--download-to", type=Path, default=Path("data/sample"))
    args = parser.parse_args(argv)
    try:
        paths = (
            default_sample(args.shared, args.download_to)
            if args.download
            else local_sample(args.shared)
        )
    except SampleUnavailable as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    if paths is None:
        print(f"Error: there are no sample articles in {args.shared}. {NO_DOWNLOAD_NOTE}",
              file=sys.stderr)
        return 1
    print("\n".join(str(p) for p in paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
