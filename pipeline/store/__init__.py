"""Open the store the config asks for: MongoDB when MONGODB_URI is set, else embedded SQLite."""

from pipeline.config.loading import Config
from pipeline.records import Job, NewJob, RunRecord
from pipeline.store.base import JobStore

__all__ = ["Job", "JobStore", "NewJob", "RunRecord", "open_store"]


def open_store(config: Config) -> JobStore:
    """The configured store; MongoDB connects lazily, so this never blocks on the network."""
    if config.storage.backend == "mongodb":
        from pipeline.store.mongo import MongoStore

        assert config.mongodb_uri
        return MongoStore(config.mongodb_uri, config.storage.mongodb_database, config.storage.timeout_seconds)
    from pipeline.store.sqlite import SQLiteStore

    return SQLiteStore(config.storage.sqlite_path)
