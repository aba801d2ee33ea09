"""The job states, the stages that move jobs between them, and which moves a person may make."""

from dataclasses import dataclass

from pipeline import constants as c

ALL_STATES = (
    c.PENDING, c.SCRAPING, c.SCRAPED, c.ENRICHING, c.ENRICHED,
    c.GENERATING, c.DRAFT_GENERATED, c.FAILED, c.DUPLICATE, c.SKIPPED, c.APPLIED,
)


@dataclass(frozen=True)
class StageStates:
    """A stage claims jobs in `input`, holds them in `working`, and leaves them in `output`."""

    name: str
    input: str
    working: str
    output: str


STAGE_STATES = {
    c.SCRAPE: StageStates(c.SCRAPE, c.PENDING, c.SCRAPING, c.SCRAPED),
    c.ENRICH: StageStates(c.ENRICH, c.SCRAPED, c.ENRICHING, c.ENRICHED),
    c.DRAFT: StageStates(c.DRAFT, c.ENRICHED, c.GENERATING, c.DRAFT_GENERATED),
}

WORKING_STATES = frozenset(s.working for s in STAGE_STATES.values())
# A person may put a job in any state a stage does not hold under a lease.
MARKABLE_STATES = tuple(s for s in ALL_STATES if s not in WORKING_STATES)

