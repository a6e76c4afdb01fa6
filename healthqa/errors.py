"""The error hierarchy. Each message is one plain sentence a user can act on; the CLI and the app
print it as is, without a traceback."""


class HealthQAError(Exception):
    """Base of every error the product reports in words."""


class SettingsError(HealthQAError):
    """A HEALTHQA_* setting has a value that cannot be used."""


class IngestError(HealthQAError):
    """One input file could not be turned into an article; the rest of a batch goes on."""


class UnsupportedFormat(IngestError):
    """The file's extension or content is not a format HealthQA reads."""


class IndexNotBuilt(HealthQAError):
    """No index exists at the configured location yet."""


class IndexMismatch(HealthQAError):
    """The index was built with another embedding model or chunking than the settings ask for."""


class IndexCorrupt(HealthQAError):
    """The index files exist but cannot be read back consistently."""


class ComposerError(HealthQAError):
    """The LLM composer failed (timeout, bad output); callers fall back to the extractive one."""


class EvaluationError(HealthQAError):
    """An evaluation dataset or golden file is malformed."""
