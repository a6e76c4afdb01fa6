"""HealthQA foundation: the settings object and the error hierarchy every package shares."""
