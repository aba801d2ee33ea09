"""How well a job fits the person: the heuristic score (scorer) and an optional LLM opinion
(llm_opinion) for jobs the heuristic cannot decide."""
