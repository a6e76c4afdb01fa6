"""HealthQA's hybrid retrieval as a LangChain retriever, so it plugs into LangChain chains.

The conversion to `Document` happens here and only here: the rest of the assistant passes
`Passage` dataclasses.
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.retrieval.hybrid import HybridRetriever, Passage


class HealthQARetriever(BaseRetriever):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: HybridRetriever
    k: int = 5

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun  # noqa: ARG002
    ) -> list[Document]:
        return [to_document(p) for p in self.retriever.retrieve(query, self.k)]


def to_document(passage: Passage) -> Document:
    chunk = passage.stored.chunk
    return Document(
        page_content=chunk.text,
        id=str(passage.chunk_id),
        metadata={
            "chunk_id": passage.chunk_id,
            "doc_id": chunk.doc_id,
            "title": chunk.title,
            "section": chunk.section,
            "url": chunk.url,
            "page": chunk.page,
            "source": passage.stored.source,
            "score": passage.score,
            "similarity": passage.similarity,
        },
    )
