"""The companies behind jobs: who they are across sources (identity), what their public pages say
(pages, crawler), who works there and how to reach them (contacts, addresses)."""
