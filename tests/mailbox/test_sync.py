"""The mailbox against a real Dovecot: drafts filed once and replaced after an edit, Sent noticed,
replies matched and sorted, bounces, a changed UIDVALIDITY, nothing marked read."""

import email

from pipeline.cli.app import main
from pipeline.mailbox.run import run_sync
from pipeline.mailbox.sync import Sync
from pipeline.outreach import review
from pipeline.states import State
from tests.mailbox.conftest import add_job, deliver, email_draft, folder_messages, linkedin_note, mail


def sync(project):
    outcome = run_sync(project.config, project.store)
    assert outcome.record.error is None, outcome.record.error
    return outcome.report


def drafts_of(project, job_id):
    return project.store.get(job_id).data["drafts"]


def test_push_twice_files_one_message_with_the_draft_flag_and_never_a_linkedin_note(project):
    job_id = add_job(project.store)
    first = sync(project)
    assert first.pushed.filed == [(job_id, 1)] and first.folders["drafts"] == "Drafts"
    draft = drafts_of(project, job_id)[0]
    assert review.state_of(draft) == review.FILED
    assert draft["filed"]["folder"] == "Drafts" and draft["filed"]["uid"] and draft["message_id"].startswith("<")
    assert review.state_of(drafts_of(project, job_id)[1]) == review.APPROVED, "the LinkedIn note stays as it was"
    again = sync(project)
    assert again.pushed.filed == [] and again.pushed.replaced == []
    messages = folder_messages(project, "Drafts")
    assert len(messages) == 1, "filed once, whatever the number of syncs"
    (data,) = messages.values()
    assert b"\\Draft" in data[b"FLAGS"]
    headers = data[b"BODY[HEADER.FIELDS (MESSAGE-ID SUBJECT TO)]"].decode()
    assert draft["message_id"] in headers and "jo@acme.example" in headers


def test_a_retry_after_a_crash_between_append_and_store_files_nothing_twice(project):
    job_id = add_job(project.store)
    sync(project)
    drafts = drafts_of(project, job_id)
    drafts[0].pop("filed")
    drafts[0]["review"]["state"] = review.APPROVED  # as if the store write after APPEND never happened
    project.store.annotate(job_id, State.DRAFT_GENERATED, {"drafts": drafts}, {})
    report = sync(project)
    assert report.pushed.filed == [(job_id, 1)]
    assert len(folder_messages(project, "Drafts")) == 1, "the Message-ID search found the copy already filed"


def test_a_sync_held_by_another_daemon_on_the_store_is_skipped_and_files_nothing(project):
    """Two machines on one MongoDB fire on the same cron minute: only the one holding the store's
    mailbox lease syncs; the other skips with a clear reason, and the next tick syncs."""
    job_id = add_job(project.store)
    box = project.config.mailbox
    name = f"mailbox:{box.user}@{box.host}:sync"
    token = project.store.take_lease(name, "other-machine:4242", 600)
    skipped = run_sync(project.config, project.store)
    assert skipped.kind == "busy" and "another daemon" in skipped.record.error
    assert folder_messages(project, "Drafts") == {}
    assert review.state_of(drafts_of(project, job_id)[0]) == review.APPROVED
    project.store.drop_lease(name, token)
    assert sync(project).pushed.filed == [(job_id, 1)]
    assert project.store.take_lease(name, "other-machine:4242", 600), "the sync gave its lease back"


def test_an_edit_after_filing_replaces_the_filed_copy(project):
    job_id = add_job(project.store)
    sync(project)
    old_id = drafts_of(project, job_id)[0]["message_id"]
    edited = review.edit(drafts_of(project, job_id), 1, "Backend engineer at Acme (edited)", "Hi Jo,\n\nShorter.")
    project.store.annotate(job_id, State.DRAFT_GENERATED, {"drafts": edited}, {})
    report = sync(project)
    assert report.pushed.replaced == [(job_id, 1)]
    draft = drafts_of(project, job_id)[0]
    assert draft["message_id"] != old_id and old_id in draft["old_message_ids"]
    messages = list(folder_messages(project, "Drafts").values())
    assert len(messages) == 1, "the old copy is deleted"
    headers = messages[0][b"BODY[HEADER.FIELDS (MESSAGE-ID SUBJECT TO)]"].decode()
    assert "(edited)" in headers and draft["message_id"] in headers


def test_a_filed_draft_rejected_is_taken_out_of_drafts(project):
    job_id = add_job(project.store)
    sync(project)
    rejected = review.change(drafts_of(project, job_id), 1, review.REJECTED, "changed my mind")
    project.store.annotate(job_id, State.DRAFT_GENERATED, {"drafts": rejected}, {})
    assert sync(project).pushed.removed == [(job_id, 1)]
    assert folder_messages(project, "Drafts") == {}


def test_the_tailored_resume_is_attached_when_it_exists(project):
    job_id = add_job(project.store)
    resume = project.config.root / "data" / "resumes" / "acme.pdf"
    resume.parent.mkdir(parents=True, exist_ok=True)
    resume.write_bytes(b"%PDF-1.4 a resume")
    project.store.annotate(job_id, State.DRAFT_GENERATED, {"resume": {"path": "data/resumes/acme.pdf",
                                                                      "fingerprint": "f1", "pages": 1}}, {})
    sync(project)
    client = project.imap()
    client.select_folder("Drafts", readonly=True)
    (raw,) = [d[b"BODY[]"] for d in client.fetch(client.search(["ALL"]), [b"BODY.PEEK[]"]).values()]
    client.logout()
    message = email.message_from_bytes(raw)
    names = [part.get_filename() for part in message.walk() if part.get_filename()]
    assert names == ["Alex Example - Resume.pdf"], "export's attachment, named for the sender"
    assert b"X-Pipeline" not in raw and b"X-Unsent" not in raw, "nothing of ours goes out with the mail"


def test_a_sent_copy_makes_the_draft_sent_and_the_job_contacted(project):
    job_id = add_job(project.store)
    sync(project)
    draft = drafts_of(project, job_id)[0]
    deliver(project, "Sent", mail("Alex Example <alex@example.org>", draft["subject"], draft["body"],
                                  to="jo@acme.example", message_id=draft["message_id"]), flags=(b"\\Seen",))
    report = sync(project)
    assert [s["job_id"] for s in report.sent] == [job_id]
    assert review.state_of(drafts_of(project, job_id)[0]) == review.SENT
    job = project.store.get(job_id)
    assert job.status == State.CONTACTED
    assert project.store.events(job_id)[-1]["event"] == "sent"


def test_a_sent_copy_with_a_new_message_id_is_matched_by_recipient_and_subject(project):
    job_id = add_job(project.store)
    sync(project)
    draft = drafts_of(project, job_id)[0]
    deliver(project, "Sent", mail("alex@example.org", draft["subject"], "as sent", to="Jo <jo@acme.example>"))
    report = sync(project)
    assert report.sent and report.sent[0]["how"] == "recipient and subject"
    assert project.store.get(job_id).status == State.CONTACTED
    assert drafts_of(project, job_id)[0]["sent"]["message_id"], "the sent copy's id is kept: replies thread to it"


def sent_job(project, **draft):
    job_id = add_job(project.store, drafts=[email_draft(**draft)])
    sync(project)
    sent = drafts_of(project, job_id)[0]
    deliver(project, "Sent", mail("alex@example.org", sent["subject"], "x", to=sent["recipient"]["address"],
                                  message_id=sent["message_id"]))
    sync(project)
    assert project.store.get(job_id).status == State.CONTACTED
    return job_id, sent["message_id"]


def test_a_reply_with_in_reply_to_moves_the_job_to_replied(project, capsys):
    job_id, message_id = sent_job(project)
    deliver(project, "INBOX", mail("Jo Weber <jo.w@elsewhere.example>", "Re: Backend engineer at Acme",
                                   "Hi Alex,\n\nthanks, let me check with the team and come back to you.\n\nJo",
                                   in_reply_to=message_id))
    report = sync(project)
    assert [(r["label"], r["match"], r["moved_to"]) for r in report.replies] == [("other", "thread", "replied")]
    job = project.store.get(job_id)
    assert job.status == State.REPLIED
    (entry,) = job.data["mail"]
    assert entry["from"] == "jo.w@elsewhere.example" and entry["subject"] == "Re: Backend engineer at Acme"
    assert entry["label"] == "other" and 0 < entry["confidence"] <= 1 and len(entry["snippet"]) <= 300
    last = project.store.events(job_id)[-1]
    assert last["event"] == "reply" and last["detail"]["label"] == "other" and last["detail"]["from"]
    assert main(["--config", str(project.path), "show", job_id]) == 0
    assert "other (0.60) from jo.w@elsewhere.example: Re: Backend engineer at Acme" in capsys.readouterr().out


def test_a_german_rejection_from_the_company_domain_without_threading_headers_rejects(project):
    job_id, _ = sent_job(project)
    deliver(project, "INBOX", mail("Personalabteilung <bewerbung@mail.acme.example>", "Ihre Bewerbung",
                                   "Sehr geehrter Herr Example,\n\nvielen Dank für Ihr Interesse. Leider müssen wir "
                                   "Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.\n\n"
                                   "Mit freundlichen Grüßen\nAcme Personal"))
    report = sync(project)
    assert [(r["label"], r["match"], r["moved_to"]) for r in report.replies] == [("rejection", "domain", "rejected")]
    assert project.store.get(job_id).status == State.REJECTED


def test_an_interview_invitation_with_a_scheduling_link_moves_the_job_to_interview(project):
    job_id, _ = sent_job(project)
    deliver(project, "INBOX", mail("Jo Weber <jo@acme.example>", "Quick chat?",
                                   "Hi Alex,\n\ngreat background. Grab a slot here: https://calendly.com/jo-acme/30min"))
    report = sync(project)
    assert [(r["label"], r["match"]) for r in report.replies] == [("interview", "recipient")]
    assert project.store.get(job_id).status == State.INTERVIEW


def test_an_out_of_office_reply_moves_nothing(project):
    job_id, message_id = sent_job(project)
    deliver(project, "INBOX", mail("Jo Weber <jo@acme.example>", "Automatic reply: Backend engineer at Acme",
                                   "I am out of the office until Monday.", in_reply_to=message_id,
                                   headers={"Auto-Submitted": "auto-replied"}))
    report = sync(project)
    assert [(r["label"], r["state"], r["moved_to"]) for r in report.replies] == [("auto_reply", "noted", None)]
    assert project.store.get(job_id).status == State.CONTACTED


def dsn(original_message_id: str, failed: str) -> bytes:
    """A delivery status notification as Postfix writes one (RFC 3464), returning our headers."""
    boundary = "dsnboundary"
    return (f"From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\nTo: alex@example.org\r\n"
            f"Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn1@mx.example.net>\r\n"
            f"Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: multipart/report; report-type=delivery-status; boundary=\"{boundary}\"\r\n\r\n"
            f"--{boundary}\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could "
            f"not be delivered.\r\n\r\n<{failed}>: host mx.acme.example said: 550 5.1.1 User unknown\r\n\r\n"
            f"--{boundary}\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n"
            f"Final-Recipient: rfc822; {failed}\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
            f"--{boundary}\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: alex@example.org\r\nTo: {failed}\r\n"
            f"Subject: Backend engineer at Acme\r\nMessage-ID: {original_message_id}\r\n\r\n"
            f"--{boundary}--\r\n").encode()


def test_a_bounce_marks_the_address_bad_and_proposes_the_next_contact(project):
    job_id, message_id = sent_job(project, to="jo.weber@acme.example")
    deliver(project, "INBOX", dsn(message_id, "jo.weber@acme.example"))
    report = sync(project)
    assert [(r["label"], r["moved_to"]) for r in report.replies] == [("bounce", None)]
    job = project.store.get(job_id)
    assert job.status == State.CONTACTED, "a bounce moves no job"
    company = project.store.find_company([job.linked_company])
    assert "jo.weber@acme.example" in company["bad_addresses"]
    proposal = job.data["next_contact"]
    assert proposal["address"] and proposal["address"] != "jo.weber@acme.example"
    (entry,) = job.data["mail"]
    assert entry["bounced"] == "jo.weber@acme.example" and entry["next_contact"] == proposal


def test_a_changed_uidvalidity_rescans_without_duplicates(project):
    job_id, message_id = sent_job(project)
    deliver(project, "INBOX", mail("jo@acme.example", "Re: Backend engineer at Acme", "Thanks, noted.",
                                   in_reply_to=message_id))
    sync(project)
    assert len(project.store.get(job_id).data["mail"]) == 1
    project.server.set_uidvalidity(project.user, "INBOX", 777)
    report = sync(project)
    assert report.scanned["INBOX"] >= 1, "the folder was read again"
    assert len(project.store.get(job_id).data["mail"]) == 1, "and nothing was recorded twice"
    again = sync(project)
    assert again.scanned["INBOX"] == 0, "the new UIDVALIDITY is remembered"


def test_reading_marks_nothing_read(project):
    sent_job(project)
    deliver(project, "INBOX", mail("jo@acme.example", "Hello", "Are you free for a call on Tuesday?"))
    deliver(project, "INBOX", mail("news@shop.example", "Deals", "Buy now"))
    sync(project)
    flags = [d[b"FLAGS"] for d in folder_messages(project, "INBOX").values()]
    assert len(flags) == 2 and all(b"\\Seen" not in f for f in flags)


def test_a_subject_only_match_waits_for_the_person_who_confirms_it(project, capsys):
    job_id, _ = sent_job(project)
    deliver(project, "INBOX", mail("Recruiting <no-reply@greenhouse.io>", "Your application to Acme",
                                   "Hi Alex, we would like to invite you to interview. Please pick a time."))
    report = sync(project)
    assert [(r["match"], r["state"], r["label"]) for r in report.replies] == [("subject", "waiting", "interview")]
    assert project.store.get(job_id).status == State.CONTACTED, "a weak match moves nothing by itself"
    cli = ["--config", str(project.path), "replies"]
    assert main(cli) == 0
    assert "1 waiting for you" in capsys.readouterr().out
    assert main([*cli, "confirm", job_id, "1"]) == 0
    assert project.store.get(job_id).status == State.INTERVIEW
    assert main([*cli, "confirm", job_id, "1"]) == 1, "no longer waiting"


def test_a_50_mb_message_is_read_by_its_headers_only(project):
    import time

    sent_job(project)
    huge = b"x" * (50 * 1024 * 1024)
    deliver(project, "INBOX", mail("Jo Weber <jo@acme.example>", "Slides for our call",
                                   "Hi Alex, are you free for a call on Thursday? Slides attached.", attachment=huge))
    deliver(project, "INBOX", mail("news@shop.example", "Catalogue", "see attachment", attachment=huge))
    time.sleep(0.2)
    before = project.server.bytes_sent(project.user)
    sync(project)
    time.sleep(0.5)  # Dovecot writes the session's byte count when it closes
    sent = project.server.bytes_sent(project.user) - before
    assert 0 < sent < 2 * 1024 * 1024, f"the sync downloaded {sent} bytes of two 50 MB messages"


def test_dovecot_stopped_mid_sync_changes_nothing_and_the_next_sync_completes(tmp_path, certificates, monkeypatch):
    import pytest

    from pipeline.mailbox.imap import ServerUnreachable
    from tests.mailbox.conftest import make_project, new_dovecot

    server = new_dovecot(certificates, users=1)
    try:
        project = make_project(tmp_path, server, monkeypatch)
        job_id = add_job(project.store)
        sync(project)
        draft = drafts_of(project, job_id)[0]
        deliver(project, "Sent", mail("alex@example.org", draft["subject"], "x", to="jo@acme.example",
                                      message_id=draft["message_id"]))
        deliver(project, "INBOX", mail("jo@acme.example", "Re: x", "No thanks, we decided to go with another "
                                       "candidate.", in_reply_to=draft["message_id"]))

        def stop_at_inbox(folder):
            if folder == "INBOX":
                server.stop()

        with pytest.raises(ServerUnreachable):
            Sync(project.config, project.store, on_read=stop_at_inbox).run()
        job = project.store.get(job_id)
        assert job.status == State.DRAFT_GENERATED and review.state_of(job.data["drafts"][0]) == review.FILED
        assert "mail" not in job.data
        assert project.store.quota_used(f"mailbox:{project.user}@127.0.0.1:Sent:last_uid") == 0, "cursor kept"
        outcome = run_sync(project.config, project.store)
        assert outcome.kind == "outage" and outcome.record.details["outage"]
        server.start()
        sync(project)
        assert project.store.get(job_id).status == State.REJECTED, "sent, then the rejection: both applied"
        assert [e["event"] for e in project.store.events(job_id)][-2:] == ["sent", "reply"]
    finally:
        server.close()


def test_a_linkedin_note_only_job_is_never_pushed(project):
    add_job(project.store, drafts=[linkedin_note()])
    report = sync(project)
    assert report.pushed.filed == [] and folder_messages(project, "Drafts") == {}


def test_drafts_push_files_one_job_by_hand(project, capsys):
    first = add_job(project.store)
    second = add_job(project.store, n=1, company="Beta", domain="beta.example")
    assert main(["--config", str(project.path), "drafts", "push", second]) == 0
    assert "filed 1" in capsys.readouterr().out
    assert review.state_of(drafts_of(project, second)[0]) == review.FILED
    assert review.state_of(drafts_of(project, first)[0]) == review.APPROVED, "only the job named"
    assert main(["--config", str(project.path), "drafts", "push", "nosuchjob"]) == 1
