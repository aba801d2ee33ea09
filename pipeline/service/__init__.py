"""The long-running side and what people act through: the scheduler and the daemon, and the
reads and writes the CLI and the review page share."""
