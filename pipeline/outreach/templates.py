"""Template drafts, for when no LLM key is configured: personal from what the pipeline knows.

A template draft names the role and the company, the skills the job asks for that the person
has (the fit score's matched skills when there are some), one fact about the company from its
own pages (kept with its source), and the person's achievement that best matches the job; in the
profile's language (English and German; others fall back to English, said in the draft's note)
and tone (formal, or not). Length limits are met by leaving out optional parts, never by
cutting a sentence or the signature.
"""

import re
from typing import Any

from pipeline.companies.addresses import first_name
from pipeline.config.profile import Profile
from pipeline.config.settings import DraftSettings
from pipeline.fit.scorer import mentions
from pipeline.outreach.drafts import NOTE_CHARS, PHONE, SUBJECT_CHARS, DraftRejected, Recipient, check_summary
from pipeline.records import Job

TEXTS: dict[str, dict[str, str]] = {
    "english": {
        "hi": "Hi {first},", "dear": "Dear {name},", "hello": "Hello,", "dear_team": "Dear hiring team,",
        "opening": "I came across the {title} role at {company} and wanted to reach out directly.",
        "me": "I'm {name}, {headline}.",
        "skills": "The role asks for {skills}: that is what I work with every day.",
        "fact": "I read on your site: \"{fact}\" That is the kind of work I want to do next.",
        "achievement": "One thing I'm proud of: {achievement}.",
        "ask": "Would you be open to a short conversation about the role?",
        "ask_formal": "Would you be available for a short conversation about the position?",
        "note": "{greeting} I saw the {title} role at {company} and would like to connect.",
        "at": "at", "and": "and",
    },
    "german": {
        "hi": "Hallo {first},", "dear": "Guten Tag {name},", "hello": "Hallo,",
        "dear_team": "Sehr geehrtes Recruiting-Team,",
        "opening": "ich habe die Stelle als {title} bei {company} gesehen und melde mich direkt bei Ihnen.",
        "opening_casual": "ich habe die Stelle als {title} bei {company} gesehen und melde mich direkt bei dir.",
        "me": "Ich bin {name}, {headline}.",
        "skills": "Die Stelle verlangt {skills}: damit arbeite ich jeden Tag.",
        "fact": "Auf Ihrer Website habe ich gelesen: „{fact}“ Genau an solchen Aufgaben möchte ich arbeiten.",
        "fact_casual": "Auf eurer Website habe ich gelesen: „{fact}“ Genau an solchen Aufgaben möchte ich arbeiten.",
        "achievement": "Ein Ergebnis, auf das ich stolz bin: {achievement}.",
        "ask": "Hättest du Zeit für ein kurzes Gespräch über die Stelle?",
        "ask_formal": "Hätten Sie Zeit für ein kurzes Gespräch über die Stelle?",
        "note": "{greeting} ich habe die Stelle als {title} bei {company} gesehen und würde mich gern vernetzen.",
        "at": "bei", "and": "und",
    },
}
LANGUAGES = {"english": "english", "en": "english", "englisch": "english", "german": "german", "de": "german",
             "deutsch": "german"}


def language_of(profile: Profile) -> tuple[str, str]:
    """(template language, note): a language without templates falls back to English, said so."""
    wanted = profile.language.strip().lower()
    found = LANGUAGES.get(wanted)
    return (found, "") if found else ("english", f"no template for {profile.language}: written in English")


def formal(profile: Profile) -> bool:
    tone = (profile.tone or "").lower()
    return bool(re.search(r"formal|förmlich|\bsie\b", tone)) and "informal" not in tone


def matched_skills(profile: Profile, job: Job) -> list[str]:
    """The job's skills that the person has: the fit score's when it found some, else the profile's
    skills the posting mentions."""
    fit = job.data.get("fit") or {}
    found = [s for s in fit.get("matched") or [] if isinstance(s, str)]
    text = f"{job.title}\n{job.description}"
    return found or [s for s in profile.skills if mentions(s, text)]


def company_fact(company: dict[str, Any] | None) -> dict[str, str] | None:
    """One plain sentence the company's own pages say about it, with its source: checked like a
    summary (no link, address, orders, refusal, money or placeholder), no phone number, at most
    180 characters."""
    facts = (company or {}).get("facts") or {}
    for key in ("site_description", "description", "excerpt", "about_excerpt"):
        fact = facts.get(key) or {}
        text = re.sub(r"\s+", " ", str(fact.get("value") or "")).strip()
        sentence = re.split(r"(?<=[.!?])\s", text)[0] if text else ""
        if not 30 <= len(sentence) <= 180 or sentence[-1:] not in ".!?" or PHONE.search(sentence):
            continue
        try:
            check_summary(sentence, sentence)
        except DraftRejected:
            continue
        return {"text": sentence, "source": str(fact.get("source") or ""), "fact": key}
    return None


def best_achievement(profile: Profile, job: Job, skills: list[str]) -> str:
    """The achievement sharing most words (and skills) with the job."""
    words = set(re.findall(r"[a-z]{4,}", f"{job.title} {job.description}".lower()))

    def overlap(item: str) -> int:
        return len(words & set(re.findall(r"[a-z]{4,}", item.lower()))) + 3 * sum(mentions(s, item) for s in skills)
    return max(profile.achievements, key=overlap, default="")


def subject(job: Job, words: dict[str, str]) -> str:
    """'{title} at {company}', the title shortened at a word when the whole would not fit."""
    tail = f" {words['at']} {job.company}"
    if len(job.title) + len(tail) <= SUBJECT_CHARS:
        return job.title + tail
    room = SUBJECT_CHARS - len(tail) - 1
    if room < 15:
        return job.title[:SUBJECT_CHARS].rsplit(" ", 1)[0]
    return job.title[:room].rsplit(" ", 1)[0].rstrip(" ,-–(") + "…" + tail


def template_draft(profile: Profile, job: Job, company: dict[str, Any] | None, recipient: Recipient | None,
                   channel: str, settings: DraftSettings) -> dict[str, Any]:
    """A deterministic draft for when no LLM key is configured; marked as a template."""
    language, note = language_of(profile)
    words, polite = TEXTS[language], formal(profile)
    if recipient:
        greeting = words["dear" if polite else "hi"].format(first=first_name(recipient.name), name=recipient.name)
    else:
        greeting = words["dear_team" if polite else "hello"]
    skills = matched_skills(profile, job)[:3]
    skill_text = f" {words['and']} ".join([", ".join(skills[:-1]), skills[-1]]) if len(skills) > 1 else \
        "".join(skills)
    fact = company_fact(company)
    achievement = best_achievement(profile, job, skills)
    headline = "" if PHONE.search(profile.headline or "") else profile.headline
    values = {"title": job.title, "company": job.company, "name": profile.name, "headline": headline,
              "skills": skill_text, "achievement": achievement.rstrip("."), "fact": fact["text"] if fact else ""}
    used = {"skills": skills, "achievement": achievement, "fact": fact, "language": language,
            "tone": "formal" if polite else "casual"}
    if channel == "linkedin":
        parts = [words["note"].format(greeting=greeting, **values)]
        for key in ("me", "skills"):
            if values["headline" if key == "me" else "skills"]:
                candidate = " ".join([*parts, words[key].format(**values)])
                if len(candidate) <= NOTE_CHARS:
                    parts.append(words[key].format(**values))
        body = " ".join(parts)
        if len(body) > NOTE_CHARS:  # a very long title: the shortest note that still says who and why
            body = f"{greeting} {profile.name}."
        return {"subject": "", "body": body, "used": used, **({"note_language": note} if note else {})}

    def casual(key: str) -> str:  # German says du / euch to a casual reader
        return f"{key}_casual" if not polite and f"{key}_casual" in words else key
    fixed_top = [greeting, "", words[casual("opening")].format(**values)]
    fixed_end = [words["ask_formal" if polite else "ask"], "", profile.signature.strip() or profile.name]
    optional = [words["me"].format(**values) if headline else "",
                words["skills"].format(**values) if skills else "",
                words[casual("fact")].format(**values) if fact else "",
                words["achievement"].format(**values) if achievement else ""]
    chosen: list[str] = []
    for part in (p for p in optional if p):  # most telling first; a part that does not fit is left out
        if len(" ".join([*fixed_top, *chosen, part, *fixed_end]).split()) <= settings.max_words:
            chosen.append(part)
    body = "\n".join([*fixed_top[:2], " ".join([fixed_top[2], *chosen[:1]]), *chosen[1:], *fixed_end])
    return {"subject": subject(job, words), "body": body, "used": used, **({"note_language": note} if note else {})}
