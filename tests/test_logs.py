"""Logs: JSON lines, secrets redacted everywhere, tracebacks without local variables."""

import json

import structlog

from pipeline.logs import get_logger, setup_logging
from pipeline.redaction import mask_uri, redact, register_secret


def test_redact_uri_passwords_keys_and_registered_secrets():
    register_secret("plain-secret-value")
    text = redact("mongodb://app:hunter2@db:27017/x, Authorization: Bearer abcdefghijkl, "
                  "key sk-or-v1-abcdef0123456789 and plain-secret-value")
    assert "hunter2" not in text and "abcdefghijkl" not in text and "abcdef0123456789" not in text
    assert "plain-secret-value" not in text and "mongodb://app:***@db:27017/x" in text
    assert mask_uri("mongodb://db:27017/x") == "mongodb://db:27017/x"


def test_json_log_lines_redacted_and_without_locals(tmp_path):
    log_file = tmp_path / "logs" / "pipeline.log"
    setup_logging("INFO", log_file, console=False)
    try:
        log = get_logger("test")
        with structlog.contextvars.bound_contextvars(run_id="r1", stage="enrich", job_id="j1"):
            log.info("connecting", uri="mongodb://app:hunter2@db:27017/x")
            try:
                api_key = "sk-live-0123456789abcdef"  # noqa: F841 - a local the traceback must not show
                raise RuntimeError("request failed")
            except RuntimeError:
                log.exception("boom")
    finally:
        setup_logging("WARNING", None, console=False)
    text = log_file.read_text()
    lines = [json.loads(line) for line in text.splitlines()]
    assert all(line["run_id"] == "r1" and line["job_id"] == "j1" for line in lines)
    assert "hunter2" not in text and "0123456789abcdef" not in text
    frames = lines[1]["exception"][0]["frames"]
    assert frames and all("locals" not in frame for frame in frames) and "api_key" not in text
    assert lines[1]["exception"][0]["exc_type"] == "RuntimeError"


def test_log_lines_mask_credentials_in_any_url():
    from pipeline.redaction import redact

    line = ("fetch https://tok3nValue@api.example/x?api_key=qK3y99&page=2 then mongodb://app:p@ss@db.example/j"
            "?tlsCertificateKeyFilePassword=k3y and https://medium.com/@someone/post")
    masked = redact(line)
    for secret in ("tok3nValue", "qK3y99", "p@ss", "k3y&", "=k3y"):
        assert secret not in masked + "&", (secret, masked)
    assert "page=2" in masked and "https://medium.com/@someone/post" in masked, "what is not a secret stays"
