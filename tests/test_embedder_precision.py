"""Embedding precision: `auto` picks bf16 only on native-bf16 CPUs; bf16 vectors match fp32 ones
closely enough that an index built in either precision is searched correctly with the other."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.service import build_assistant
from healthqa.errors import SettingsError
from healthqa.evaluation.golden import load_golden
from healthqa.evaluation.golden_run import run_golden
from healthqa.evaluation.indexes import GOLDEN_DIR, ensure_index, golden_paths
from healthqa.settings import Settings, default_embedding_model
from index.embedder import Precision, SentenceTransformerEmbedder, cpu_flags, resolve_precision
from index.reader import IndexReader
from tests.support.kb import build_index
from tests.support.known_failures import KNOWN_GOLDEN_FAILURES

CPUINFO_WITHOUT_BF16 = """processor\t: 0
vendor_id\t: GenuineIntel
model name\t: Intel(R) Xeon(R) CPU E5-2680 v4
flags\t\t: fpu vme de pse tsc msr pae sse sse2 ssse3 sse4_1 sse4_2 avx avx2 fma avx512f avx512bw
"""
CPUINFO_WITH_BF16 = CPUINFO_WITHOUT_BF16.replace("avx512bw", "avx512bw avx512_bf16")

PASSAGES = [
    "Gout is a form of arthritis. It causes sudden attacks of pain and swelling in the big toe.",
    "Shingles is a painful rash caused by the chickenpox virus waking up years later.",
    "People with diabetes should check their feet every day for cuts and blisters.",
    "Asthma inhalers come in two kinds: controllers taken daily and relievers for attacks.",
]
SPANS = [
    [(0, 27), (28, len(PASSAGES[0]))],
    [(0, len(PASSAGES[1]))],
    [(0, len(PASSAGES[2]))],
    [(0, 42), (43, len(PASSAGES[3]))],
]


def test_auto_falls_back_to_fp32_on_a_cpu_without_native_bf16() -> None:
    flags = cpu_flags(CPUINFO_WITHOUT_BF16)
    assert "avx512f" in flags
    assert resolve_precision("auto", flags) == "fp32"
    assert resolve_precision("bf16", flags) == "bf16"  # asked for explicitly: emulated, but used
    assert resolve_precision("fp32", cpu_flags(CPUINFO_WITH_BF16)) == "fp32"
    assert resolve_precision("auto", cpu_flags("")) == "fp32"
    assert resolve_precision("auto", cpu_flags(CPUINFO_WITH_BF16)) in {"bf16", "fp32"}
    assert resolve_precision("auto", {"amx_bf16", "amx_tile"}) in {"bf16", "fp32"}


def test_precision_setting_is_read_and_checked() -> None:
    assert Settings.from_env({}).embedding_precision == "auto"
    env = {"HEALTHQA_EMBEDDING_PRECISION": "fp32"}
    assert Settings.from_env(env).embedding_precision == "fp32"
    with pytest.raises(SettingsError, match="HEALTHQA_EMBEDDING_PRECISION is 'int8'"):
        Settings.from_env({"HEALTHQA_EMBEDDING_PRECISION": "int8"})


@pytest.fixture(scope="module")
def both(embedder: SentenceTransformerEmbedder) -> dict[str, SentenceTransformerEmbedder]:
    """The session's model in its own precision plus one instance in the other."""
    other: Precision = "fp32" if embedder.precision == "bf16" else "bf16"
    return {
        embedder.precision: embedder,
        other: SentenceTransformerEmbedder(default_embedding_model(), precision=other),
    }


@pytest.mark.slow
def test_bf16_vectors_match_fp32_passages_sentences_and_queries(
    both: dict[str, SentenceTransformerEmbedder],
) -> None:
    fp32, bf16 = both["fp32"], both["bf16"]
    assert (fp32.precision, bf16.precision) == ("fp32", "bf16")
    passages32, sentences32 = fp32.embed_passages(PASSAGES, SPANS)
    passages16, sentences16 = bf16.embed_passages(PASSAGES, SPANS)
    assert passages16.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages16, axis=1), 1.0, atol=1e-5)
    assert (passages32 * passages16).sum(axis=1).min() >= 0.9995
    for ours, theirs, spans in zip(sentences32, sentences16, SPANS, strict=True):
        assert ours.shape == theirs.shape == (len(spans), fp32.dimension)
        assert (ours * theirs).sum(axis=1).min() >= 0.999
    questions = ["what causes gout?", "is shingles contagious", "how do I look after my feet"]
    queries32, queries16 = fp32.embed_queries(questions), bf16.embed_queries(questions)
    assert (queries32 * queries16).sum(axis=1).min() >= 0.9995
    # Either precision's query finds the same passage first among the other precision's vectors.
    best = (queries32 @ passages32.T).argmax(axis=1)
    assert ((queries16 @ passages32.T).argmax(axis=1) == best).all()
    assert ((queries32 @ passages16.T).argmax(axis=1) == best).all()


@pytest.mark.slow
def test_the_traced_model_gives_the_vectors_sentence_transformers_gives(
    both: dict[str, SentenceTransformerEmbedder],
) -> None:
    """The forward pass runs as TorchScript; the reference is the library's own `encode`,
    on texts of different lengths in one batch (so padding is exercised)."""
    import torch
    from sentence_transformers import SentenceTransformer

    fp32 = both["fp32"]
    assert isinstance(fp32._transformer, torch.jit.ScriptModule)
    texts = ["gout", *PASSAGES, " ".join(PASSAGES * 6)]  # 1 word to past the 256-token cut
    reference = SentenceTransformer(default_embedding_model(), device="cpu").encode(
        texts, normalize_embeddings=True, convert_to_numpy=True
    )
    ours = fp32.embed_queries(texts)
    assert (ours * reference).sum(axis=1).min() >= 0.9999


@pytest.mark.slow
def test_an_index_built_in_one_precision_is_searched_with_the_other(
    tmp_path, both: dict[str, SentenceTransformerEmbedder]
) -> None:
    settings = build_index(tmp_path, both["bf16"], [])
    for precision in ("fp32", "bf16"):
        assistant = build_assistant(settings, embedder=both[precision])  # manifest accepts it
        passages = assistant.retriever.retrieve("what is gout?")
        assert Path(passages[0].doc_id).name == "gout.md", precision
    with IndexReader.open(settings.index_dir) as reader:
        assert reader.manifest.model_name == both["fp32"].model_name


@pytest.mark.slow
@pytest.mark.shared_data
def test_ingest_in_bf16_then_answer_the_golden_questions(
    tmp_path, shared_data, both: dict[str, SentenceTransformerEmbedder]
) -> None:
    golden_file = GOLDEN_DIR / "second-opinion.jsonl"
    settings = Settings(
        data_dir=tmp_path, index_dir=tmp_path / "golden", embedding_precision="bf16"
    )
    assert ensure_index(golden_paths(golden_file, shared_data), settings, both["bf16"])
    report = run_golden(
        build_assistant(settings, embedder=both["bf16"]), load_golden(golden_file), name="bf16"
    )
    failures = [
        f"{row.case.id}: {'; '.join(row.reasons)}"
        for row in report.failures
        if row.case.id not in KNOWN_GOLDEN_FAILURES  # failing in fp32 too, for the same reason
    ]
    assert not failures, "\n".join(failures)
    assert report.metrics["citation_precision"] == 1.0
