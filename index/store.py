"""The index's public face: import the writer, the reader and the generation probes from here."""

from index.generations import current_generation, index_exists
from index.reader import IndexReader
from index.writer import IndexWriter

__all__ = ["IndexReader", "IndexWriter", "current_generation", "index_exists"]
