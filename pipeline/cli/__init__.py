"""`python main.py ...`: argument parsing (app), what each command prints (commands, drafts,
display). Every write and every view goes through pipeline.service, as the review page's do."""
