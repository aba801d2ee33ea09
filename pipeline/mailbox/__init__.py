"""The person's own mailbox over IMAP (issue #24): approved drafts filed in their Drafts folder,
the Sent folder read to notice what was sent, replies matched to jobs and sorted.

imap       the imapclient wrapper: connect (TLS by default), folders by special use, read-only reads
message    what a mail says, decoded and sanitised: headers, addresses, the reply's own text, a snippet;
           and the draft as a MIME message with its Message-ID and resume
classify   interview | rejection | other | auto_reply | bounce, heuristics first, an LLM for the rest
cues       the words classify reads: families of cues (invitation, ask for times, decline, ...) per language
match      which job a message belongs to, and how sure that is
push       approved e-mail drafts into Drafts, once each, replaced after an edit
outcomes   what mail does to the store: a draft sent, a reply recorded, a job moved, an address bad
sync       one whole sync: push, Sent, replies; reads everything first, then writes
run        the daemon's scheduled sync: a run record, outages paused, a wrong password loud

Nothing here ever sends mail: there is no SMTP anywhere in the pipeline.
"""
