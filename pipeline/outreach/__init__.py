"""Messages a person sends: drafts and their checks (drafts), drafts without an LLM (templates),
the person's review of them (review) and files to send them from (export)."""
