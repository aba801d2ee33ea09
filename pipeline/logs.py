"""structlog on top of stdlib logging: JSON lines to a rotated file, readable lines on a terminal.

Every value is passed through redact() before it is written, and tracebacks never carry local
variables (they could hold API keys or page contents).
"""

import logging
import logging.handlers
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import structlog
from structlog.typing import Processor

from pipeline.redaction import redact


def _redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: _redact_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_redact_value(v) for v in value]
    return value


def redact_event(_logger: Any, _name: str, event_dict: MutableMapping[str, Any]) -> dict[str, Any]:
    """structlog processor: secrets out of every field, including formatted tracebacks."""
    return {k: _redact_value(v) for k, v in event_dict.items()}


class FallbackFileHandler(logging.handlers.RotatingFileHandler):
    """The log file, until it cannot be written (a full disk, a file gone read-only): then one line
    says so on standard error, and every later line goes there (or nowhere more, when the console
    already has them), instead of a `--- Logging error ---` traceback per line."""

    def __init__(self, path: Path, fallback: logging.Handler | None, **kwargs: Any) -> None:
        super().__init__(path, delay=True, **kwargs)
        self.fallback, self.failed = fallback, False

    def emit(self, record: logging.LogRecord) -> None:
        if self.failed:
            if self.fallback is not None:
                self.fallback.handle(record)
            return
        super().emit(record)

    def close(self) -> None:
        try:
            super().close()
        except OSError:  # the same full disk, flushing at close: already said once
            self.failed = True

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if self.failed:
            return
        self.failed = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        sys.stderr.write(f"logging: cannot write {self.baseFilename} ({reason}); logging to standard error from "
                         "now on\n")
        if self.fallback is not None:
            self.fallback.handle(record)


def setup_logging(level: str = "INFO", log_file: Path | None = None, console: bool = True,
                  max_bytes: int = 5_000_000, backups: int = 5) -> None:
    """Route structlog and stdlib loggers to the file (JSON) and/or stderr (console format)."""
    shared: list[Processor] = [structlog.contextvars.merge_contextvars, structlog.processors.add_log_level,
              structlog.processors.TimeStamper(fmt="iso", utc=True)]
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger, cache_logger_on_first_use=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    foreign: list[Processor] = [structlog.stdlib.add_logger_name, *shared]
    if log_file:
        json_lines = structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=foreign,
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                        structlog.processors.ExceptionRenderer(
                            structlog.tracebacks.ExceptionDictTransformer(show_locals=False)),
                        redact_event, structlog.processors.JSONRenderer()])
        fallback = None if console else logging.StreamHandler(sys.stderr)
        if fallback is not None:
            fallback.setFormatter(json_lines)
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            if log_file.is_dir():
                raise IsADirectoryError(21, "is a folder, not a file")
            file_handler: logging.Handler = FallbackFileHandler(log_file, fallback, maxBytes=max_bytes,
                                                                backupCount=backups)
        except OSError as exc:
            sys.stderr.write(f"logging: cannot write {log_file} ({exc.strerror or exc}); logging to standard error\n")
            file_handler = fallback or logging.NullHandler()
        file_handler.setFormatter(json_lines)
        root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=foreign,
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                        structlog.processors.format_exc_info, redact_event,
                        structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty(),
                                                      exception_formatter=structlog.dev.plain_traceback)]))
        root.addHandler(stream)
    root.setLevel(level)
    for noisy in ("apscheduler", "pymongo", "httpx", "httpcore", "openai", "imapclient"):  # imapclient: mail text
        logging.getLogger(noisy).setLevel(logging.WARNING)


def get_logger(name: str = "pipeline") -> structlog.stdlib.BoundLogger:
    logger: structlog.stdlib.BoundLogger = structlog.get_logger(name)
    return logger
