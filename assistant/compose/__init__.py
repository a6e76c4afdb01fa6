"""Writing the answer from retrieved passages: `extractive` (the default, quotes sentences),
`llm` (optional chat model, checked sentence by sentence), `units` (quotable sentence groups)
and `citations` (the one citation checker)."""
