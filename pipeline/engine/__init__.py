"""The machinery every stage shares: where a job goes next (policy), the claim -> work -> complete
loop (runner), the day's LLM budget (spend) and the names of per-day counters (counters)."""
