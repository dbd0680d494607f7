"""Exports: one module per output format (RDF, diagrams, interchange formats)."""
