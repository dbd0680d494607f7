"""Site: the MkDocs plugin and the page renderers that publish the knowledge base."""
