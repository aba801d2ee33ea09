"""What crosses the network: HTTP with pacing and retries (http), the LLM client (llm), and reading
fetched HTML safely (html)."""
