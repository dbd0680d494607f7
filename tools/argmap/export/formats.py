"""The RDF serialisations argmap writes, and their file extensions.

Kept apart from ``argmap.export.rdf`` so that the CLI can offer them (``argmap rdf --format``)
without importing rdflib at start-up, which costs more than the rest of ``argmap --help``.
"""

RDF_FORMATS = {"turtle": "ttl", "json-ld": "jsonld", "nt": "nt", "xml": "rdf", "trig": "trig"}
