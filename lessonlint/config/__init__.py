"""Configuration: the option table, loading and checking config files (TOML with key lines), the settings of a run."""
