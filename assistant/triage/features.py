"""What the triage model reads in a message: its sentence embedding, hashed character and word
n-grams, and cue phrases (`data/cues.yaml`) with the old screen's rules as extra evidence.

Everything here is a pure function of the text (n-grams are hashed, not looked up in a fitted
vocabulary), so training and run time compute the same numbers and only the weights are saved.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml
from scipy import sparse

from assistant.triage import screen

CUES_FILE = Path(__file__).resolve().parent / "data" / "cues.yaml"
SCREEN_KINDS = ("crisis", "emergency", "dosing", "diagnosis")

Floats = npt.NDArray[np.float32]


@dataclass(frozen=True)
class FeatureConfig:
    """How text becomes numbers; saved beside the weights so a mismatch is caught at load."""

    char_ngrams: tuple[int, int] = (2, 5)
    char_features: int = 2**17
    word_ngrams: tuple[int, int] = (1, 2)
    word_features: int = 2**16
    # Block scales: the trained weights are learned on scaled blocks, so the same scales apply.
    embedding_scale: float = 1.0
    char_scale: float = 1.0
    word_scale: float = 1.0
    cue_scale: float = 1.0


@dataclass(frozen=True)
class Cues:
    names: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    pairs: tuple[tuple[int, int], ...]

    @property
    def feature_names(self) -> tuple[str, ...]:
        joined = tuple(f"{self.names[a]}&{self.names[b]}" for a, b in self.pairs)
        return self.names + joined + tuple(f"screen:{k}" for k in SCREEN_KINDS)

    def hits(self, folded: str) -> dict[str, bool]:
        return {n: bool(p.search(folded)) for n, p in zip(self.names, self.patterns, strict=True)}

    def vector(self, folded: str, raw: str) -> Floats:
        hits = [bool(p.search(folded)) for p in self.patterns]
        joined = [hits[a] and hits[b] for a, b in self.pairs]
        notice = screen.screen(raw)
        kinds = [notice is not None and notice.kind == k for k in SCREEN_KINDS]
        return np.asarray(hits + joined + kinds, dtype=np.float32)


@cache
def read_cues(path: Path = CUES_FILE) -> Cues:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = tuple(data["cues"])
    patterns = tuple(re.compile("|".join(f"(?:{p})" for p in data["cues"][n])) for n in names)
    index = {name: i for i, name in enumerate(names)}
    pairs = tuple((index[a], index[b]) for a, b in data.get("pairs", []))
    return Cues(names=names, patterns=patterns, pairs=pairs)


_WORD = re.compile(r"\b\w+\b")  # one-letter words count: "i", "u", "yo", "me"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case without accents or apostrophes ("Can't" -> "cant", "está" -> "esta"), so that
    one cue or n-gram covers the spellings people actually type."""
    lowered = unicodedata.normalize("NFKD", text.lower().translate(_APOSTROPHES))
    plain = "".join(c for c in lowered if not unicodedata.combining(c))
    plain = plain.replace("'", "").replace("cannot", "cant")
    return _SPACES.sub(" ", plain).strip()


def hashed_ngrams(
    texts: Sequence[str], *, words: bool, ngrams: tuple[int, int], n_features: int
) -> sparse.csr_matrix:
    """Counts of n-grams hashed into `n_features` buckets (CRC-32, so stable across runs and
    machines), each row scaled to unit length. Character n-grams are taken inside words padded
    with a space ("cut" -> " c", "cu", ..., "t "); word n-grams over runs of letters and digits."""
    low, high = ngrams
    indptr, indices, values = [0], [], []
    for text in texts:
        if words:
            tokens = _WORD.findall(text)
            grams = [" ".join(tokens[i : i + n]) for n in range(low, high + 1)
                     for i in range(len(tokens) - n + 1)]
        else:
            grams = [padded[i : i + n] for padded in (f" {w} " for w in text.split())
                     for n in range(low, high + 1) for i in range(len(padded) - n + 1)]
        counts: dict[int, float] = {}
        for gram in grams:
            bucket = zlib.crc32(gram.encode("utf-8")) % n_features
            counts[bucket] = counts.get(bucket, 0.0) + 1.0
        norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
        for bucket in sorted(counts):
            indices.append(bucket)
            values.append(counts[bucket] / norm)
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.asarray(values, np.float32), np.asarray(indices, np.int32), np.asarray(indptr)),
        shape=(len(texts), n_features),
    )


@dataclass(frozen=True)
class Blocks:
    """The features of several texts, one row each, block by block (scales not yet applied)."""

    embedding: Floats
    cues: Floats
    chars: sparse.csr_matrix
    words: sparse.csr_matrix


def featurize(
    texts: Sequence[str], embeddings: Floats, config: FeatureConfig, cues: Cues
) -> Blocks:
    folded = [fold(t) for t in texts]
    chars = hashed_ngrams(
        folded, words=False, ngrams=config.char_ngrams, n_features=config.char_features
    )
    words = hashed_ngrams(
        folded, words=True, ngrams=config.word_ngrams, n_features=config.word_features
    )
    cue_rows = [cues.vector(f, t) for f, t in zip(folded, texts, strict=True)]
    cue_matrix = (
        np.stack(cue_rows) if cue_rows else np.zeros((0, len(cues.feature_names)), np.float32)
    )
    return Blocks(
        embedding=np.asarray(embeddings, dtype=np.float32),
        cues=cue_matrix,
        chars=chars,
        words=words,
    )


def design_matrix(blocks: Blocks, config: FeatureConfig) -> sparse.csr_matrix:
    """One scaled sparse matrix for training: embedding | cues | chars | words."""
    return sparse.hstack(
        [
            sparse.csr_matrix(blocks.embedding * config.embedding_scale),
            sparse.csr_matrix(blocks.cues * config.cue_scale),
            blocks.chars * config.char_scale,
            blocks.words * config.word_scale,
        ],
        format="csr",
    )
