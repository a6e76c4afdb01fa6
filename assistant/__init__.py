"""The assistant: one message in, one checked answer out (`service.Assistant`).

Stages, in order: `triage/` (crisis, emergency, dose requests) -> `understanding/` (follow-ups,
spelling, what the question asks) -> `retrieval/` (dense + BM25, fused; abstention) ->
`compose/` (extractive or LLM answer, citations). `answer.Answer` is what every caller gets.
"""
