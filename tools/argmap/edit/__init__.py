"""Editing the YAML files in place: formatting, renaming, scaffolding (round-trip, comment-preserving)."""
