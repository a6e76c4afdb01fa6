"""The first start of `make run`: a small sample indexed first so the chat answers within about a
minute, then the rest of the default collection in the background, one index generation per
batch, with progress in a status file the chat page reads.

`plan` splits the sample into batches, `job` indexes them (in a background process started by
`launch`), `status` is the JSON file between the job and the page.
"""
