"""What the sidebar and the chat page say about the articles in the index: whose they are.

The credit follows what is indexed, not what `make run` would index: an editor's own articles
are not credited to MedQuAD, and demo articles are never passed off as vetted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from index.records import DocumentRecord
from ingest.sample import is_demo_source

MEDQUAD_CREDIT = (
    "Sample articles from MedQuAD (Ben Abacha & Demner-Fushman, 2019; CC BY 4.0) are written "
    "by NIH institutes and the CDC."
)
DEMO_CREDIT = (
    "Demo articles were written by the HealthQA team to show how the app works; they are not "
    "vetted medical content."
)
DEMO_BANNER = (
    "You are trying HealthQA on a few demo articles the team wrote to show how it works: they "
    "are not vetted medical content. Add your vetted articles on the **Editor** page or with "
    "`make ingest ARTICLES=path/to/your/articles`."
)


@dataclass(frozen=True)
class Collection:
    medquad: bool  # MedQuAD documents are indexed
    demo: bool  # the team's demo articles are indexed

    @property
    def credits(self) -> list[str]:
        shown = ((MEDQUAD_CREDIT, self.medquad), (DEMO_CREDIT, self.demo))
        return [credit for credit, indexed in shown if indexed]


def collection_of(documents: Iterable[DocumentRecord]) -> Collection:
    medquad = demo = False
    for document in documents:
        medquad = medquad or document.doc_id.startswith("medquad/")
        demo = demo or is_demo_source(document.source)
    return Collection(medquad=medquad, demo=demo)
