"""A real Dovecot for the mailbox tests (tests/helpers/dovecot.py), a project per test with a
mailbox of its own, and jobs at a company with drafts to file."""

import os
import shutil
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

import pytest

from pipeline import constants as c
from pipeline.config.catalog import stage_states
from pipeline.config.loading import Config, load_config
from pipeline.outreach import review
from pipeline.states import State
from pipeline.store import JobStore, NewJob, open_store
from tests.conftest import ROOT
from tests.helpers import dovecot as dovecot_helper
from tests.helpers.project import write_config

USERS = 80


@pytest.fixture(scope="session")
def certificates(tmp_path_factory) -> dict[str, Path]:
    return dovecot_helper.make_certificates(tmp_path_factory.mktemp("certs"))


def new_dovecot(certificates: dict[str, Path], users: int = USERS) -> dovecot_helper.Dovecot:
    if not dovecot_helper.available():
        if os.environ.get("CI"):
            pytest.fail("dovecot is not installed: scripts/run_tests.sh installs dovecot-imapd")
        pytest.skip("dovecot is not installed (scripts/run_tests.sh installs dovecot-imapd)")
    server = dovecot_helper.Dovecot(tls=certificates)
    for n in range(users):
        server.add_user(f"user{n}", f"app-password-{n}-x7")
    server.start()
    return server


@pytest.fixture(scope="session")
def dovecot(certificates):
    server = new_dovecot(certificates)
    yield server
    server.close()


@dataclass
class Project:
    path: Path
    config: Config
    store: JobStore
    user: str
    password: str
    server: dovecot_helper.Dovecot

    def reload(self, **mailbox: Any) -> Config:
        """The config again, with mailbox settings changed."""
        import yaml

        data = yaml.safe_load(self.path.read_text())
        data["mailbox"].update(mailbox)
        self.path.write_text(yaml.safe_dump(data))
        self.config = load_config(str(self.path))
        return self.config

    def imap(self):
        return self.server.client(self.user)


def make_project(tmp_path: Path, server: dovecot_helper.Dovecot, monkeypatch, **mailbox: Any) -> Project:
    monkeypatch.delenv(c.ENV_MONGODB_URI, raising=False)
    monkeypatch.delenv(c.ENV_OPENROUTER_KEY, raising=False)
    user, password = server.next_user()
    monkeypatch.setenv(c.ENV_IMAP_PASSWORD, password)
    directory = tmp_path / "project"
    directory.mkdir(exist_ok=True)
    shutil.copy(ROOT / "profile.example.yaml", directory / "profile.yaml")
    settings = {"host": "127.0.0.1", "port": server.port, "user": user, "security": "plain", **mailbox}
    path = write_config(directory, {"mailbox": settings})
    config = load_config(str(path))
    return Project(path, config, open_store(config), user, password, server)


@pytest.fixture
def project(tmp_path, dovecot, monkeypatch) -> Project:
    return make_project(tmp_path, dovecot, monkeypatch)


def email_draft(to: str = "jo@acme.example", name: str = "Jo Weber", subject: str = "Backend engineer at Acme",
                state: str = review.APPROVED) -> dict[str, Any]:
    draft = {"channel": "email", "subject": subject,
             "body": "Hi Jo,\n\nI build data pipelines in Python and would like to talk about the role.\n\nAlex",
             "recipient": {"name": name, "role": "CTO", "address": to, "address_status": "published",
                           "profile_url": ""},
             "template": True, "cost": 0.0, "created_at": "2026-11-23T10:00:00Z"}
    if state != review.NEW:
        draft["review"] = {"state": state, "at": "2026-11-23T10:05:00Z"}
    return draft


def linkedin_note() -> dict[str, Any]:
    return {"channel": "linkedin", "subject": "", "body": "Hi Jo, I'd like to connect about the backend role.",
            "recipient": {"name": "Jo Weber", "role": "CTO", "address": "", "address_status": ""},
            "template": True, "review": {"state": review.APPROVED, "at": "2026-11-23T10:05:00Z"}}


COMPANY = {"name": "Acme", "domain": "acme.example",
           "people": [{"name": "Jo Weber", "role": "CTO", "source": "https://acme.example/team"},
                      {"name": "Sam Lee", "role": "Engineering Manager", "source": "https://acme.example/team"}],
           "emails": {"published": [{"address": "jo.weber@acme.example", "status": "published",
                                     "source": "https://acme.example/team"},
                                    {"address": "careers@acme.example", "status": "published",
                                     "source": "https://acme.example/contact"}],
                      "guesses": {}, "mx": "ok"}}


def add_job(store: JobStore, n: int = 0, drafts: list[dict[str, Any]] | None = None, company: str = "Acme",
            domain: str = "acme.example") -> str:
    """A drafted job at a company with a record (aliases: its domain and name)."""
    store.upsert_job(NewJob(source="test", source_id=f"{company}-{n}", url=f"https://jobs.example.org/{company}/{n}",
                            title="Backend Engineer", company=company, company_url=f"https://{domain}",
                            status=State.ENRICHED))
    job = store.claim(stage_states(c.DRAFT), "w", 60)
    company_id = f"name:{company.lower()}"
    if store.find_company([company_id]) is None:
        token = store.lock_company(company_id, "w", 60)
        record = {**COMPANY, "name": company, "domain": domain}
        store.save_company(company_id, token, record, [company_id, f"domain:{domain}"])
    store.complete(job.id, job.lease_token, stage_states(c.DRAFT),
                   {"drafts": drafts if drafts is not None else [email_draft(), linkedin_note()],
                    "company_id": company_id}, {"company_id": company_id})
    return job.id


def mail(sender: str, subject: str, body: str, *, to: str = "alex@example.org", in_reply_to: str = "",
         headers: dict[str, str] | None = None, message_id: str = "", attachment: bytes = b"") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(__import__("datetime").datetime.now(__import__("datetime").UTC))
    message["Message-ID"] = message_id or make_msgid(domain=sender.rpartition("@")[2].strip(">"))
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    for key, value in (headers or {}).items():
        message[key] = value
    message.set_content(body)
    if attachment:
        message.add_attachment(attachment, maintype="application", subtype="octet-stream", filename="big.bin")
    return bytes(message)


def deliver(project: Project, folder: str, raw: bytes, flags: tuple[bytes, ...] = ()) -> None:
    client = project.imap()
    try:
        client.append(folder, raw, flags=flags)
    finally:
        client.logout()


def folder_messages(project: Project, folder: str) -> dict[int, dict[bytes, Any]]:
    client = project.imap()
    try:
        client.select_folder(folder, readonly=True)
        uids = client.search(["ALL"])
        return client.fetch(uids, [b"FLAGS", b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID SUBJECT TO)]"]) if uids else {}
    finally:
        client.logout()
