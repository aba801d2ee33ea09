"""Postings that are not what they seem: text addressed to an AI rather than a person, a request
for the applicant's money, or text hidden from human readers. Such a posting is flagged
`suspicious` with its reasons and is not drafted until the person clears the flag
(service.actions.clear_suspicious). Words a real posting uses ("payments team", "our AI
assistant product", "competitive pay") are not reasons: each pattern needs the applicant or an
AI to be the one addressed.
"""

import re
from typing import Any

from pipeline.records import Job

TO_AN_AI = re.compile(
    r"\b(?:if|when) you are an? (?:ai|bot|language model|llm|chatbot|assistant)\b|"
    r"\bignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts?)\b|"
    r"\b(?:note|message|instructions?) (?:to|for) (?:any )?(?:ai|llms?|bots?|chatgpt|language models?|"
    r"(?:ai )?(?:writing )?assistants?)\b|"
    r"\b(?:ai|llm|gpt|chatgpt|language model|writing) (?:assistants?|models?|agents?|tools?|bots?) "
    r"(?:reading|processing|summari[sz]ing|writing|parsing|applying)\b|"
    r"\bdear (?:ai|chatgpt|bot|assistant|language model)\b|"
    r"\bas an ai\b.{0,40}\b(?:you|must|should)\b", re.I)
ASKS_FOR_MONEY = re.compile(
    r"\b(?:application|processing|registration|training|onboarding|background[- ]check|administration|admin|"
    r"placement|equipment|starter[- ]kit|certification|visa) (?:fee|charge|deposit)s?\b|"
    r"\b(?:refundable|security) deposit\b|"
    r"\b(?:you|applicants?|candidates?|new hires?) (?:must|will|need to|needs to|are required to|is required to|"
    r"should|have to|has to) (?:first )?(?:pay|purchase|buy|deposit|send|transfer)\b|"
    r"\bpay (?:a|the|an|us|our)\b.{0,30}\b(?:fee|deposit|charge)\b|\bpay (?:us|me)\b|"
    r"\b(?:wire|send|transfer) (?:us |me )?(?:the )?(?:money|payment|funds|deposit)\b|"
    r"\bgift ?cards?\b|\bwestern union\b|\bmoneygram\b|\b(?:send|share) (?:us )?your bank (?:account )?details\b", re.I)
HIDDEN_WORDS = 5  # hidden text shorter than this is layout (an icon's label), not a message


def _quote(match: re.Match[str], text: str) -> str:
    start, end = max(0, match.start() - 20), min(len(text), match.end() + 30)
    snippet = re.sub(r"\s+", " ", text[start:end]).strip()
    return f"{'…' if start else ''}{snippet}{'…' if end < len(text) else ''}"


def reasons(job: Job) -> list[str]:
    """Why the posting is suspicious, each with the words that show it; empty when it is not."""
    text = f"{job.title}\n{job.description}"
    found = []
    for pattern, why in ((TO_AN_AI, "addresses an AI, not a person"), (ASKS_FOR_MONEY, "asks the applicant for money")):
        match = pattern.search(text)
        if match:
            found.append(f"{why}: \"{_quote(match, text)}\"")
    hidden = str(job.extra.get("hidden_text") or (job.data.get("detail") or {}).get("hidden_text") or "")
    if len(hidden.split()) >= HIDDEN_WORDS:
        found.append(f"hides text from its readers: \"{hidden[:80]}{'…' if len(hidden) > 80 else ''}\"")
    return found


def flag(job: Job, at: str) -> dict[str, Any] | None:
    """The `suspicious` record for job.data, or None when the posting is clean or the person cleared
    it (a cleared flag stays cleared until the posting's text changes)."""
    found = reasons(job)
    previous = job.data.get("suspicious") or {}
    if not found:
        return None
    if previous.get("cleared_at") and previous.get("reasons") == found:
        return {**previous}
    return {"reasons": found, "at": at}


def held(flagged: dict[str, Any] | None) -> bool:
    """A flag that holds the job back: set and not cleared by the person."""
    return bool(flagged and flagged.get("reasons") and not flagged.get("cleared_at"))
