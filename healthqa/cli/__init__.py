"""The `healthqa` command: ingest, index and docs, ask and chat, eval."""
