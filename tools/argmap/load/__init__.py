"""Load: YAML files and source texts in, a knowledge-base model (with positions) out."""
