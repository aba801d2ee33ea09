"""The reply classifier's evals: replies to outreach labelled by hand (interview, rejection, other,
auto_reply, bounce), each with its reason, in English, German, French, Spanish and Dutch (and, in
the probes, Portuguese and Italian), near-misses included. The floors (precision >= 0.95 for
interview and rejection, recall >= 0.9) are asserted on each file.

Tuning data, all of it seen and tuned on, so regression checks only (a rule written for a row
says nothing about the next mail):
- tests/evals/replies.jsonl (198 rows, rounds 1-3);
- tests/evals/replies_round4.jsonl (180 rows): written blind and split by hash; its held-back half
  was measured once and reported, after which all of it became tuning data;
- tests/evals/replies_round5.jsonl (203 rows): written blind by someone who never saw the
  classifier, measured once and reported (interview precision 58/59, recall 58/63; rejection
  precision 53/54, recall 53/62), after which all of it became tuning data;
- tests/evals/replies_probes.jsonl: written by the person tuning the rules, after reading them,
  to probe structure (long footers, quoted threads in several mail clients' formats, ATS
  templates, near-misses) and phrasings; each batch was written before it was run, then tuned on.

The held-back test is round 6 (tests/evals/replies_round6.jsonl), written blind by someone else
and never read by whoever tunes the rules: `test_round6_held_back_at_the_floors` is skipped until
that file exists and then asserts the floors on all of it, never weaker, and that its rows are
unseen. Measured once when it landed (227 rows, 7 languages): interview precision 60/61, recall
60/66; rejection precision 63/64, recall 63/67.

`.venv/bin/python -m pytest tests/test_reply_evals.py -s` prints the figures;
`python bench/eval_replies.py --file ...` prints them per language."""

import hashlib
import json
import textwrap
from collections import Counter
from collections.abc import Callable

import pytest

from pipeline.mailbox.classify import classify
from pipeline.mailbox.labels import INTERVIEW, LABELS, REJECTION
from pipeline.mailbox.message import addresses, own_text
from tests.conftest import ROOT

FLOOR_PRECISION, FLOOR_RECALL = 0.95, 0.9
EVALS = ROOT / "tests/evals"
ROUND6 = EVALS / "replies_round6.jsonl"  # the held-back round: added by the lead, never tuned on


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (EVALS / name).read_text().splitlines() if line.strip()]


CASES = load("replies.jsonl")
ROUND4 = load("replies_round4.jsonl")
ROUND5 = load("replies_round5.jsonl")
PROBES = load("replies_probes.jsonl")
TUNING = {"older": CASES, "round4": ROUND4, "round5": ROUND5, "probes": PROBES}


def decide(case: dict) -> str:
    found = addresses([case["from"]])
    sender = found[0][1] if found else case["from"]
    headers = {k.lower(): v for k, v in case["headers"].items()}
    return classify(headers, sender, case["subject"], own_text(case["body"])).label


def figures(cases: list[dict]) -> dict[str, tuple[int, int, int]]:
    """label -> (true positives, predicted, actual)."""
    pairs = Counter((case["label"], decide(case)) for case in cases)
    return {label: (pairs[(label, label)], sum(pairs[(x, label)] for x in LABELS),
                    sum(pairs[(label, x)] for x in LABELS)) for label in LABELS}


def report(cases: list[dict], title: str, capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[int, int, int]]:
    """The figures per label, printed with those of interview and rejection per language."""
    found = figures(cases)
    with capsys.disabled():
        print(f"\n{title} ({len(cases)} cases):")
        for label, (tp, predicted, actual) in found.items():
            print(f"  {label:10} precision {tp}/{predicted}  recall {tp}/{actual}")
        for lang in sorted({c["lang"] for c in cases}):
            by_lang = figures([c for c in cases if c["lang"] == lang])
            said = [f"{label} precision {tp}/{predicted} recall {tp}/{actual}"
                    for label, (tp, predicted, actual) in by_lang.items() if label in (INTERVIEW, REJECTION)]
            print(f"  {lang}: " + ";  ".join(said))
    return found


def assert_floors(found: dict[str, tuple[int, int, int]], where: str) -> None:
    for label in (INTERVIEW, REJECTION):
        tp, predicted, actual = found[label]
        assert predicted and tp / predicted >= FLOOR_PRECISION, f"{where}: {label} precision {tp}/{predicted}"
        assert actual and tp / actual >= FLOOR_RECALL, f"{where}: {label} recall {tp}/{actual}"


def split_of(case_id: str) -> str:
    return "tune" if int(hashlib.sha256(case_id.encode()).hexdigest()[:8], 16) % 2 == 0 else "held"


def well_formed(cases: list[dict], least: int, per_language: int) -> None:
    assert len(cases) >= least
    languages = Counter(c["lang"] for c in cases)
    assert len(languages) >= 5 and min(languages.values()) >= per_language, languages
    assert len({c["id"] for c in cases}) == len(cases)
    for case in cases:
        assert case["label"] in LABELS and case["reason"], case["id"]


@pytest.mark.parametrize("cases, least, per_language", [(CASES, 100, 0), (ROUND4, 150, 20)], ids=["older", "round4"])
def test_each_blind_set_is_large_varied_and_was_split_once_by_hash(cases, least, per_language):
    well_formed(cases, least, per_language)
    for case in cases:
        assert case["split"] == split_of(case["id"]), f"{case['id']}: the split is by hash, never moved by hand"


def test_the_probes_say_who_wrote_them():
    well_formed(PROBES, 100, 15)
    assert all("tuner" in case["source"] for case in PROBES), "probes are the tuner's own: never evidence"


def test_round5_is_large_and_varied():
    well_formed(ROUND5, 200, 35)


@pytest.mark.parametrize("cases", [ROUND4, ROUND5], ids=["round4", "round5"])
def test_blind_rows_say_where_their_wording_comes_from(cases):
    assert all(case["source"].strip() for case in cases)


@pytest.mark.parametrize("name", list(TUNING))
def test_tuning_rows_stay_at_the_floors(name, capsys):
    """Regression: every row of these files was seen and tuned on; a change must not lose them."""
    assert_floors(report(TUNING[name], f"{name} (tuning data, regression)", capsys), name)


# -- the structure of real mail: the same reply, sent another way, is sorted the same ---------------

FOOTER = {  # a confidentiality notice under the message, without a sign-off line before it
    "en": "This e-mail and any attachments are confidential and intended solely for the addressee. If you are not the "
          "intended recipient, please notify the sender and do not copy, forward or take any action based on it.",
    "de": "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie "
          "bitte den Absender und löschen Sie diese Mail. Die Weitergabe ist nicht gestattet.",
    "fr": "Ce message et ses pièces jointes sont confidentiels. Si vous n'êtes pas le destinataire, merci de ne pas le "
          "transférer et de le supprimer.",
    "es": "Este mensaje es confidencial. Si no es usted el destinatario, no lo reenvíe y elimínelo. Sus datos "
          "personales serán tratados conforme al RGPD.",
    "nl": "Dit bericht is vertrouwelijk en uitsluitend bestemd voor de geadresseerde. Bent u niet de geadresseerde, "
          "stuur het dan niet door en verwijder het.",
    "pt": "Esta mensagem e os seus anexos são confidenciais e destinam-se exclusivamente ao destinatário. Se não for o "
          "destinatário, por favor informe o remetente e elimine esta mensagem. Os seus dados pessoais são tratados de "
          "acordo com a LGPD.",
    "it": "Questo messaggio e i suoi allegati sono riservati e destinati esclusivamente al destinatario. Se non è il "
          "destinatario, la preghiamo di avvisare il mittente e di cancellarlo. I dati personali sono trattati ai "
          "sensi del GDPR."}
QUOTED = {  # our own outreach quoted below the reply, as mail clients attribute it, without '>'
    "en": "From: Sam Lee <sam@example.org>\nSent: Monday, June 3, 2024 9:12 AM\nSubject: Backend role\n\nHi, would "
          "you be open to a short call next week? Tuesday at 10:00 works for me.\nSam",
    "de": "Am Mo., 3. Juni 2024 um 09:12 Uhr schrieb Sam Lee <sam@example.org>:\nHallo, hätten Sie nächste Woche Zeit "
          "für ein kurzes Gespräch? Dienstag um 10 Uhr würde passen.\nSam",
    "fr": "Le lun. 3 juin 2024 à 09:12, Sam Lee <sam@example.org> a écrit :\nBonjour, seriez-vous disponible mardi à "
          "10h pour un échange ?\nSam",
    "es": "El lun, 3 jun 2024 a las 9:12, Sam Lee (<sam@example.org>) escribió:\nHola, ¿te viene bien una llamada el "
          "martes a las 10:00?\nSam",
    "nl": "Op ma 3 jun 2024 om 09:12 schreef Sam Lee <sam@example.org>:\nHoi, zullen we dinsdag om 10.00 uur even "
          "bellen?\nSam",
    "pt": "Em seg., 3 de jun. de 2024 às 09:12, Sam Lee <sam@example.org> escreveu:\nOlá, você teria disponibilidade "
          "para uma conversa rápida na terça às 10h?\nSam",
    "it": "Il giorno lun 3 giu 2024 alle ore 09:12 Sam Lee <sam@example.org> ha scritto:\nCiao, saresti disponibile "
          "per una breve chiamata martedì alle 10?\nSam"}


def wrapped(body: str, width: int) -> str:
    return "\n".join("\n".join(textwrap.wrap(line, width)) if line.strip() else line for line in body.split("\n"))


RESENT: dict[str, Callable[[dict], str]] = {
    "hard-wrapped at 72 columns": lambda case: wrapped(case["body"], 72),
    "hard-wrapped at 50 columns": lambda case: wrapped(case["body"], 50),
    "doubled spaces and tabs (HTML to text)": lambda case: case["body"].replace(" ", "  ").replace(",  ", ",\t"),
    "*bold* words (HTML to text)": lambda case: " ".join(f"*{w}*" if i % 7 == 3 else w
                                                         for i, w in enumerate(case["body"].split(" "))),
    "CRLF line ends": lambda case: case["body"].replace("\n", "\r\n"),
    "no-break spaces": lambda case: case["body"].replace(" ", "\xa0"),
    "curly apostrophes": lambda case: case["body"].replace("'", "\u2019"),
    "a confidentiality footer": lambda case: f"{case['body']}\n\n{FOOTER[case['lang']]}",
    "our outreach quoted below": lambda case: f"{case['body']}\n\n{QUOTED[case['lang']]}",
}


@pytest.mark.parametrize("how", list(RESENT))
def test_a_reply_sent_another_way_is_sorted_the_same(how):
    """Wrapping, line ends, spaces, apostrophes, a footer or the quoted thread change no tuning row's
    label: the reply sent another way is decided as its hand label says."""
    changed = []
    for case in [c for rows in TUNING.values() for c in rows if c["label"] != "bounce"]:
        resent = decide({**case, "body": RESENT[how](case)})
        if resent != case["label"]:
            changed.append(f"{case['id']}: {case['label']} -> {resent}")
    assert not changed, changed


# -- the held-back round ---------------------------------------------------------------------------

@pytest.mark.skipif(not ROUND6.exists(), reason="tests/evals/replies_round6.jsonl (held back, written blind) "
                                                "is not here yet: the lead adds it and runs this once")
def test_round6_held_back_at_the_floors(capsys):
    """Round 6, written by someone who never saw the classifier and never tuned on: the floors
    hold on all of it (precision >= 0.95 for interview and rejection, recall >= 0.9), and none of
    its rows is a tuning row (same id or same body)."""
    cases = [json.loads(line) for line in ROUND6.read_text().splitlines() if line.strip()]
    well_formed(cases, 1, 0)
    tuning = [c for rows in TUNING.values() for c in rows]
    seen = {c["id"] for c in tuning} | {c["body"] for c in tuning}
    assert not [c["id"] for c in cases if c["id"] in seen or c["body"] in seen], "round 6 must be unseen rows"
    assert_floors(report(cases, "round 6, held back (never tuned on)", capsys), "round 6")
