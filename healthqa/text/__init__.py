"""Text utilities every stage shares: `sentences.split_sentences` (sentence spans) and `words`
(tokens, Snowball stems, stopwords)."""
