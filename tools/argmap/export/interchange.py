"""The interchange exports by name: one place that knows how to make each, for the CLI and the site."""

from __future__ import annotations

import json

from .selection import Selection

FORMATS = {
    "argdown": "Argdown text (statements, support/attack relations, undercuts of arguments, sections)",
    "aif-json": "AIF JSON in the AIFdb layout (I-, RA-, CA-, L- and YA-nodes, locutions, participants)",
    "graphml": "GraphML (claims with text, kind, topic, asserter, status; links typed), for yEd, Gephi, networkx",
    "json": "plain JSON of the model (schema/export.schema.json), with each claim's status and reason",
}
FILE_NAMES = {"argdown": "argmap.argdown", "aif-json": "argmap-aif.json", "graphml": "argmap.graphml", "json": "argmap.json"}


def render(sel: Selection, fmt: str, labelling=None) -> str:
    """The selected claims in ``fmt``. GraphML and JSON carry statuses: pass the labelling when the
    caller has one (it is computed over the whole knowledge base, whatever the selection)."""
    if fmt == "argdown":
        from .argdown import to_argdown

        return to_argdown(sel)
    if fmt == "aif-json":
        from .aif import to_aif

        return json.dumps(to_aif(sel), ensure_ascii=False, indent=1) + "\n"
    if labelling is None:
        from ..model.graph import ArgumentGraph
        from ..model.semantics import label

        labelling = label(ArgumentGraph.of(sel.kb))
    status = {c: s.value for c, s in labelling.status.items()}
    if fmt == "graphml":
        from .graphml import to_graphml

        return to_graphml(sel, status)
    if fmt == "json":
        from .model_json import to_json

        return json.dumps(to_json(sel, status, labelling.reasons), ensure_ascii=False, indent=1) + "\n"
    raise ValueError(f"unknown format {fmt!r}")
