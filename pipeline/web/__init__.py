"""The review page: see, decide and act on jobs and drafts in a browser. It reads through
pipeline.service.views and writes through pipeline.service.actions, the same functions the CLI
calls; `security` keeps every other site and machine out."""
