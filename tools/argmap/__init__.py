"""argmap: an annotated argument-map knowledge base."""

__version__ = "0.1.0"
