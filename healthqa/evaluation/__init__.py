"""Evaluation: retrieval benchmarks (BEIR, trec_eval metrics), answers a visitor reads, golden
conversations, reports; the data the team wrote lives in `data/`."""
