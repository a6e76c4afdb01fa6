"""Finding passages: `hybrid.HybridRetriever` (dense + BM25 + type and focus votes, fused with
`fusion`), `abstain` (when nothing found is close enough) and a LangChain retriever adapter."""
