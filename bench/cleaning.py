"""What ingest cleaning does to real collections: per rule, how many passages it changes, their
sentences before and after, and the seconds it takes; plus the cost of sentence splitting.

    .venv/bin/python -m bench.cleaning [--medquad DIR] [--mediqa FILE] [--pysbd-sample 300]

A passage is a MedQuAD answer (one section) or a MEDIQA corpus record. The per-rule figures come
from one pass of the rules in order (each rule sees the previous rules' output), the totals from
`clean_article` itself (all passes, duplicates across an article's sections). Seconds are CPU
seconds of this process, so other work on a shared machine does not inflate them.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pysbd

from bench.common import MEDIQA, SHARED
from healthqa.errors import IngestError
from healthqa.text.sentences import split_sentences
from ingest.beir import load_beir
from ingest.cleaning import DEFAULT_WORDS, RULE_NAMES, clean_article
from ingest.cleaning.clean import RULES
from ingest.cleaning.edits import SectionContext
from ingest.medquad import load_medquad
from ingest.model import Article


@dataclass
class RuleFigures:
    changed: int = 0
    sentences_before: int = 0
    sentences_after: int = 0
    seconds: float = 0.0


@dataclass
class CollectionFigures:
    name: str
    articles: int = 0
    passages: int = 0
    sentences_before: int = 0
    sentences_after: int = 0
    passages_changed: int = 0
    passages_dropped: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    clean_seconds: float = 0.0
    split_seconds: float = 0.0
    rules: dict[str, RuleFigures] = field(
        default_factory=lambda: {name: RuleFigures() for name in RULE_NAMES}
    )


def load_medquad_articles(root: Path) -> list[Article]:
    articles = []
    for path in sorted(root.rglob("*.xml")):
        try:
            articles.append(load_medquad(path))
        except IngestError:
            continue  # the loader's own tests cover the files it refuses
    return articles


def measure(name: str, articles: list[Article]) -> CollectionFigures:
    figures = CollectionFigures(name, articles=len(articles))
    texts = [section.text for article in articles for section in article.sections]
    figures.passages = len(texts)
    started = time.process_time()
    figures.sentences_before = sum(len(split_sentences(text)) for text in texts)
    figures.split_seconds = time.process_time() - started

    started = time.process_time()
    cleaned = [clean_article(article) for article in articles]
    figures.clean_seconds = time.process_time() - started
    for article, stats in cleaned:
        figures.passages_changed += stats.sections_changed
        figures.passages_dropped += stats.sections_dropped
        figures.dropped.update(drop.reason for drop in stats.dropped)
        figures.sentences_after += sum(len(split_sentences(s.text)) for s in article.sections)

    for article in articles:
        for section in article.sections:
            _one_pass(section.text, section.heading, figures.rules)
    return figures


def _one_pass(text: str, heading: str, rules: dict[str, RuleFigures]) -> None:
    context = SectionContext(heading=heading, words=DEFAULT_WORDS)
    for name, rule in RULES:
        started = time.process_time()
        result, _ = rule(text, context)
        figures = rules[name]
        figures.seconds += time.process_time() - started
        if result != text:
            figures.changed += 1
            figures.sentences_before += len(split_sentences(text))
            figures.sentences_after += len(split_sentences(result))
            text = result


def pysbd_everywhere_seconds(articles: list[Article], sample: int) -> tuple[float, int]:
    """Seconds pysbd alone takes over the paragraphs of `sample` passages, and their sentences."""
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    texts = [s.text for a in articles for s in a.sections][:sample]
    started = time.process_time()
    sentences = sum(
        len(segmenter.segment(paragraph))
        for text in texts
        for paragraph in text.split("\n")
        if paragraph.strip()
    )
    return time.process_time() - started, sentences


def report(figures: CollectionFigures) -> None:
    print(f"\n## {figures.name}: {figures.articles} articles, {figures.passages} passages\n")
    print("| rule | passages changed | sentences before | sentences after | CPU s |")
    print("|---|---:|---:|---:|---:|")
    for name, rule in figures.rules.items():
        print(
            f"| {name} | {rule.changed} | {rule.sentences_before} | {rule.sentences_after} "
            f"| {rule.seconds:.2f} |"
        )
    print(
        f"\nclean_article: {figures.passages_changed} passages changed, "
        f"{figures.passages_dropped} dropped whole; removed: {dict(figures.dropped)}; "
        f"{figures.clean_seconds:.1f} s"
    )
    print(
        f"sentences: {figures.sentences_before} before, {figures.sentences_after} after; "
        f"split_sentences over every passage: {figures.split_seconds:.2f} s "
        f"({figures.sentences_before / max(figures.split_seconds, 1e-9):,.0f} sentences/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--medquad", type=Path, default=SHARED / "medquad")
    parser.add_argument("--mediqa", type=Path, default=MEDIQA / "corpus.jsonl")
    parser.add_argument("--pysbd-sample", type=int, default=300)
    args = parser.parse_args()
    medquad = load_medquad_articles(args.medquad)
    report(measure("MedQuAD", medquad))
    report(measure("MEDIQA", list(load_beir(args.mediqa).articles)))
    seconds, sentences = pysbd_everywhere_seconds(medquad, args.pysbd_sample)
    print(
        f"\npysbd on every paragraph of the first {args.pysbd_sample} MedQuAD passages: "
        f"{sentences} sentences in {seconds:.2f} s ({sentences / max(seconds, 1e-9):,.0f}/s)"
    )


if __name__ == "__main__":
    main()
