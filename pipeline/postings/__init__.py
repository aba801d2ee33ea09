"""Postings as the pipeline keeps them: the same posting on two sources (matching, duplicates),
postings that close (expiry), and jobs imported from files (imports)."""
