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


class FileLimitExceeded(IngestError):
    """A file is larger, longer, slower or hungrier to load than the ingest limits allow."""


class IndexNotBuilt(HealthQAError):
    """No index exists at the configured location yet."""


class IndexMismatch(HealthQAError):
    """The index was built with another embedding model or chunking than the settings ask for."""


class IndexCorrupt(HealthQAError):
    """The index files exist but cannot be read back consistently."""


class IndexTransferError(HealthQAError):
    """An index cannot be copied where asked: onto itself, or over an index already there."""


class IndexWriteError(HealthQAError):
    """The index could not be written; the live generation is left as it was."""


class IndexDiskFull(IndexWriteError):
    """No space left on the device that holds the index."""


class IndexFileTooLarge(IndexWriteError):
    """A file of the index would exceed the largest file the system allows this process."""


class IndexReadOnly(IndexWriteError):
    """The index folder is on a read-only file system."""


class IndexPermissionDenied(IndexWriteError):
    """This user may not write in the index folder."""


class ComposerError(HealthQAError):
    """The LLM composer failed (timeout, bad output); callers fall back to the extractive one."""


class EvaluationError(HealthQAError):
    """An evaluation dataset or golden file is malformed."""
