"""Template drafts, for when no LLM key is configured: a message the person would send as is.

Each draft is written for its reader: a hiring manager or founder hears about the work (the hook
that links the company to the person's proof, the skills the role requires), a recruiter about
the application, a peer is asked about the team, a shared inbox is greeted as the team and asked
to pass the message on. The person's voice: their short name signs informal messages, the
headline is never pasted, legal suffixes stay out, the subject is the proof or the hook, never
"<title> at <company>". An e-mail body is 60-120 words in paragraphs; a LinkedIn note at most
300 characters with the proof and a sign-off. Limits are met by leaving out whole parts, never
by cutting a sentence. Every part of every language follows the same rules (outreach.phrases).
No link is ever taken from web text: titles and names lose any link, facts with one are never
candidates, and the finished draft passes the same link check as a model's.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from nameparser import HumanName

from pipeline.companies.addresses import first_name
from pipeline.config.profile import Profile
from pipeline.config.settings import DraftSettings
from pipeline.fit.requirements import Asked, asked, spoken_list
from pipeline.outreach import hooks
from pipeline.outreach.drafts import NOTE_CHARS, PHONE, URL, check_plain
from pipeline.outreach.phrases import LANGUAGES, NAMES
from pipeline.outreach.recipients import (
    EMAIL,
    FOUNDER_KIND,
    MANAGER_KIND,
    PEER,
    RECRUITER,
    ROLE,
    TEAM,
    Recipient,
)
from pipeline.outreach.voice import (
    achievement_clause,
    company_name,
    lower_first,
    pick,
    proof_phrase,
    role_title,
    sentence,
    short_name,
)
from pipeline.records import Job

MIN_WORDS, MAX_WORDS, SUBJECT_MAX = 60, 120, 60


def language_of(profile: Profile) -> tuple[str, str]:
    """(template language, note): a language without templates falls back to English, said so."""
    found = NAMES.get(profile.language.strip().lower())
    return (found, "") if found else ("english", f"no template for {profile.language}: written in English")


def formal(profile: Profile) -> bool:
    tone = (profile.tone or "").lower()
    return bool(re.search(r"formal|förmlich|\bsie\b", tone)) and "informal" not in tone


def _plain(text: str) -> str:
    """A title or name from the web with any link or address taken out (#26: no link from web text)."""
    return re.sub(r"\s{2,}", " ", URL.sub("", EMAIL.sub("", text or ""))).strip(" -–|,:")


@dataclass
class Context:
    """Everything one template draft is made of, worked out once per job and reader."""

    profile: Profile
    job: Job
    recipient: Recipient | None
    language: str
    formal: bool
    company: str
    role: str
    asked: Asked
    achievement: str
    hook: hooks.Hook | None
    other_roles: list[str] = field(default_factory=list)
    seed: str = ""

    def say(self, key: str, **values: Any) -> str:
        """One phrasing of a part (its formal form with a formal tone), filled in."""
        table = LANGUAGES[self.language]
        options = table[f"{key}_formal"] if self.formal and f"{key}_formal" in table else table[key]
        return pick(options, self.seed, key).format(**values)

    @property
    def audience(self) -> str:
        if self.recipient is None or not self.recipient.name:
            return TEAM
        return self.recipient.audience


def ranked_achievements(profile: Profile, job: Job, skills: list[str]) -> list[tuple[int, str]]:
    """The achievements by the words (and skills) they share with the job, best first."""
    from pipeline.fit.scorer import mentions

    words = set(re.findall(r"[a-z]{4,}", f"{job.title} {job.description}".lower()))

    def overlap(item: str) -> int:
        return len(words & set(re.findall(r"[a-z]{4,}", item.lower()))) + 3 * sum(mentions(s, item) for s in skills)
    return sorted(((overlap(a), a) for a in profile.achievements), key=lambda t: -t[0])


def context(profile: Profile, job: Job, company: dict[str, Any] | None, recipient: Recipient | None,
            other_roles: list[str] | None = None, seed: str = "") -> Context:
    """The parts of a draft: the hook and the achievement are chosen together, so that the fact
    said links to the proof that follows it."""
    language, _ = language_of(profile)
    polite = formal(profile)
    found = asked(profile.skills, job.title, job.description)
    legal = _plain((company or {}).get("name") or job.company)
    name = company_name(_plain(job.company) or legal)
    best: tuple[float, str, hooks.Hook | None] = (-1e9, "", None)
    ranked = ranked_achievements(profile, job, found.required + found.plus + found.mentioned)
    for overlap, achievement in ranked[:3]:
        hook = hooks.choose(company, job.title, job.description, job.url, legal, achievement, [*profile.skills],
                            language, polite)
        total = overlap + (hook.score + 2.0 * hook.near if hook else 0.0)
        if total > best[0]:
            best = (total, achievement, hook)
    _, achievement, hook = best
    return Context(profile, job, recipient, language, polite, name, role_title(_plain(job.title), job.location),
                   found, achievement, hook, [role_title(_plain(r)) for r in other_roles or []],
                   seed or f"{job.id}:{recipient.name if recipient else ''}")


def _greeting(ctx: Context) -> str:
    to = ctx.recipient
    if ctx.audience == TEAM or (to and to.address_status == ROLE):
        return ctx.say("greet_team", company=ctx.company)
    assert to is not None
    parsed = HumanName(to.name)
    formal_name = f"{parsed.title} {parsed.last}".strip() if parsed.title and parsed.last else to.name
    return ctx.say("greet", first=first_name(to.name), formal_name=formal_name)


def _opening(ctx: Context) -> str:
    to = ctx.recipient
    forward = ""
    if to and to.name and to.address_status == ROLE:
        forward = ctx.say("forward", name=to.name, person_role=to.role) + " "
    if ctx.other_roles:
        text = ctx.say("open_two", role=ctx.role, other=ctx.other_roles[0], company=ctx.company)
    else:
        inbox = ctx.audience == TEAM or bool(to and to.address_status == ROLE)  # nobody reads it "directly"
        key = "open_inbox" if inbox else {RECRUITER: "open_recruiter", PEER: "open_peer"}.get(ctx.audience, "open")
        text = ctx.say(key, role=ctx.role, company=ctx.company)
    if forward and ctx.language == "english":
        return forward + text
    if forward:  # German: the first paragraph starts in lower case after the greeting's comma
        return forward + text[:1].upper() + text[1:]
    return text


def _proof(ctx: Context, near: bool) -> str:
    clause = achievement_clause(ctx.achievement, ctx.language)
    if clause and near:
        return ctx.say("proof_near_verb", proof=clause)
    if clause:
        return ctx.say("proof_verb", proof=clause)
    return ctx.say("proof_noun", achievement=ctx.achievement.strip().rstrip(".")) if ctx.achievement else ""


def _work(ctx: Context, with_hook: bool) -> str:
    """The hook in the person's voice, how it links to their work, and their proof."""
    if not (with_hook and ctx.hook):
        return _proof(ctx, near=False)
    hook = ctx.say("hook_colon" if hooks.needs_colon(ctx.hook, ctx.company) else "hook", fact=ctx.hook.text)
    near = ctx.hook.near and bool(ctx.achievement)
    if not ctx.achievement:
        return f"{hook} {ctx.say('link_far')}"
    if near:
        link = ctx.say("link_near")
        proof = _proof(ctx, near=link.endswith(":"))
        if not link.endswith(":") or not achievement_clause(ctx.achievement, ctx.language):
            link = link.rstrip(":") + "."
            proof = _proof(ctx, near=False) if not achievement_clause(ctx.achievement, ctx.language) else proof
        return f"{hook} {link} {proof}"
    return f"{hook} {ctx.say('link_far')} {_proof(ctx, near=False)}"


def _count(ctx: Context, n: int) -> str:
    return ctx.say(f"count_{n}" if n in (2, 3, 4) else "count_n")


def _skills(ctx: Context, with_optional: bool) -> str:
    """What the role requires that the person has, in the posting's order (alternatives as the
    posting offers them: 'Go or Python'); a plus named as a plus."""
    conj = ctx.say("and")
    required = ctx.asked.required_phrases(ctx.say("or"))[:4]
    optional = ctx.asked.plus[:2] if with_optional else []
    one = "1" if len(optional) == 1 else "n"
    parts = []
    if required:
        soft = any(s[:1].islower() for s in ctx.asked.required)  # hiring, coaching: asked as experience
        key = "required_soft" if soft else "required_1" if len(required) == 1 else "required_n"
        count = _count(ctx, len(required)) if len(required) > 1 else ctx.say("that_1")
        parts.append(ctx.say(key, skills=spoken_list(required, conj), count=count))
        if optional:
            parts.append(ctx.say("optional_add", skills=spoken_list(optional, conj), that=ctx.say(f"that_{one}")))
    elif optional:
        parts.append(ctx.say("optional_only", skills=spoken_list(optional, conj), that=ctx.say(f"that_{one}")))
    elif ctx.asked.mentioned and not ctx.asked.has_section:
        mentioned = ctx.asked.mentioned[:3]
        that = ctx.say("that_1") if len(mentioned) == 1 else _count(ctx, len(mentioned))
        parts.append(ctx.say("mentioned", skills=spoken_list(mentioned, conj), that=that))
    return " ".join(parts)


def _ask(ctx: Context) -> str:
    return ctx.say({RECRUITER: "ask_recruiter", PEER: "ask_peer", TEAM: "ask_team"}.get(ctx.audience, "ask"))


def _sign(ctx: Context) -> str:
    signature = ctx.profile.signature.strip() or ctx.profile.name
    return ctx.say("sign", short=short_name(ctx.profile), signature=signature)


def _paragraphs(ctx: Context, level: int) -> list[str]:
    """The e-mail's paragraphs at a level of detail: 0 everything, higher levels leave out the
    profile link, then the plus skills, then the skills, then the hook."""
    hook_first = ctx.audience in (MANAGER_KIND, FOUNDER_KIND, TEAM)
    work = _work(ctx, with_hook=hook_first and level < 4)
    skills = _skills(ctx, with_optional=level < 2) if level < 3 else ""
    middle = [work, skills] if hook_first else [skills, work] if ctx.audience == RECRUITER else [work]
    link = ctx.say("link", link=ctx.profile.links[0]) if ctx.profile.links and level < 1 else ""
    return [p for p in [_greeting(ctx), _opening(ctx), *middle, link, _ask(ctx), _sign(ctx)] if p]


def _subject(ctx: Context) -> str:
    """The proof (or the role and the proof), at most 60 characters, never '<title> at <company>'."""
    proof = proof_phrase(ctx.achievement).rstrip(".") if ctx.achievement else ""
    key = "subject_two" if ctx.other_roles else "subject"
    if proof:
        table = LANGUAGES[ctx.language][key]
        first = ctx.say(key, role=ctx.role, other=(ctx.other_roles or [""])[0], proof=proof,
                        proof_lower=lower_first(proof))
        for text in (first, *(t.format(role=ctx.role, other=(ctx.other_roles or [""])[0], proof=proof,
                                       proof_lower=lower_first(proof)) for t in table)):
            if len(text) <= SUBJECT_MAX:
                return text
    for text in LANGUAGES[ctx.language]["subject_short"]:
        if len(done := text.format(role=ctx.role)) <= SUBJECT_MAX:
            return done
    return ctx.role[:SUBJECT_MAX].rsplit(" ", 1)[0]


def _summary(ctx: Context) -> str:
    summary = ctx.profile.summary.strip()
    if not summary or PHONE.search(summary) or EMAIL.search(summary):
        return ""
    return ctx.say("summary", summary=sentence(lower_first(summary) if ctx.language == "english" else summary))


def email(ctx: Context, max_words: int) -> dict[str, Any]:
    """An e-mail of 60 to 120 words (or fewer, down to max_words): parts left out from the least
    telling while it is too long; the person's own summary added while it is too short."""
    limit = min(MAX_WORDS, max_words)
    for level in range(5):
        paragraphs = _paragraphs(ctx, level)
        if len("\n\n".join(paragraphs).split()) <= limit:
            break
    if len("\n\n".join(paragraphs).split()) < MIN_WORDS and (summary := _summary(ctx)):
        longer = [*paragraphs[:2], summary, *paragraphs[2:]]
        if len("\n\n".join(longer).split()) <= limit:
            paragraphs = longer
    return {"subject": _subject(ctx), "body": "\n\n".join(paragraphs)}


def note(ctx: Context) -> dict[str, Any]:
    """A LinkedIn note: who, why (the proof), a sign-off; at most 300 characters, no phone."""
    to = ctx.recipient
    first = first_name(to.name) if to and to.name else ""
    parsed = HumanName(to.name if to else "")
    formal_name = f"{parsed.title} {parsed.last}".strip() if parsed.title and parsed.last else (to.name if to else "")
    key = "note_open_recruiter" if ctx.audience == RECRUITER else "note_open"
    opening = ctx.say(key, first=first, formal_name=formal_name, role=ctx.role, company=ctx.company)
    proof = achievement_clause(proof_phrase(ctx.achievement), ctx.language) or \
        (ctx.say("note_proof", proof=sentence(proof_phrase(ctx.achievement))) if ctx.achievement else "")
    sign = ctx.say("note_sign", short=short_name(ctx.profile))
    for parts in ([opening, proof, ctx.say("note_close"), sign], [opening, proof, sign], [opening, sign]):
        body = " ".join(p for p in parts if p)
        if len(body) <= NOTE_CHARS and not PHONE.search(body):
            return {"subject": "", "body": body}
    return {"subject": "", "body": f"{opening.split('.')[0][:NOTE_CHARS - len(sign) - 2]}. {sign}"}


def template_draft(profile: Profile, job: Job, company: dict[str, Any] | None, recipient: Recipient | None,
                   channel: str, settings: DraftSettings, other_roles: list[str] | None = None,
                   avoid: set[str] | frozenset[str] = frozenset(), allowed: set[str] | None = None) -> dict[str, Any]:
    """A deterministic draft for when no LLM key is configured; marked as a template. `avoid`
    holds the bodies already written to others at this company: another phrasing is chosen
    rather than send anyone the same text. With `allowed`, every link in the draft must be one."""
    base = f"{job.id}:{recipient.name if recipient else ''}:{channel}"
    made: dict[str, Any] = {}
    ctx = context(profile, job, company, recipient, other_roles, base)
    for attempt in range(8):
        ctx.seed = base if attempt == 0 else f"{base}#{attempt}"
        made = note(ctx) if channel == "linkedin" else email(ctx, settings.max_words)
        if made["body"] not in avoid:
            break
    if allowed is not None:
        check_plain(f"{made['subject']}\n{made['body']}", allowed)
    language, note_language = language_of(profile)
    hook = ctx.hook
    used = {"skills": {"required": ctx.asked.required, "plus": ctx.asked.plus,
                       "mentioned": ctx.asked.mentioned},
            "achievement": ctx.achievement, "language": language, "tone": "formal" if ctx.formal else "casual",
            "audience": ctx.audience, "variant": ctx.seed,
            "fact": {"text": hook.original, "said": hook.text, "source": hook.source, "score": hook.score,
                     "shared": list(hook.shared)} if hook and hook.text in made["body"] else None}
    return {**made, "used": used, **({"note_language": note_language} if note_language else {})}
