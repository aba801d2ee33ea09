"""Configuration: the settings declared once (settings), the stage and source tables (catalog),
pipeline_config.yaml and .env read and checked (loading, yamlfile), and the person's profile."""
