"""Evaluation: retrieval benchmarks (BEIR, trec_eval metrics), golden conversations, reports; the data the team wrote lives in `data/`."""
