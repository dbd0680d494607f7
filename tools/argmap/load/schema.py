"""Checking a document's shape against its JSON Schema, with findings at the right node.

The schemas in ``schema/`` are the contract editors see; this module turns jsonschema's
errors into findings a contributor can act on: the line of the offending key or value,
a plain message (a schema node may carry its own in ``x-message``, and its rule id in ``x-rule``), and a "did you mean"
hint for misspelt keys and enum values.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Iterator

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ..config import SCHEMA_DIR
from ..findings import Finding, did_you_mean, error
from .yaml_reader import Document

SPECIAL_FILES = {"sources": "sources", "people": "people", "tags": "tags"}


def file_kind(doc: Document) -> str:
    """Which schema a file follows, by its name: sources, people, tags, or a topic file."""
    return SPECIAL_FILES.get(doc.path.stem, "claims")


@lru_cache(maxsize=None)
def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@lru_cache(maxsize=None)
def fast_validator(kind: str):
    """A compiled validator for the common case (valid data), about 20x faster than jsonschema.

    fastjsonschema implements draft 7; the schemas use only keywords whose meaning is the same
    in 2020-12. It answers only "valid or not"; jsonschema then explains what is wrong.
    """
    schema = dict(validator(kind).schema)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(schema)


def _described(value) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _field(path) -> str:
    names = [p for p in path if isinstance(p, str)]
    return f"'{names[-1]}'" if names else "the file"


def _findings_for(err: ValidationError, doc: Document) -> Iterator[Finding]:
    path = tuple(err.absolute_path)
    custom = err.schema.get("x-message") if isinstance(err.schema, dict) else None
    kw = err.validator
    if kw == "additionalProperties":
        allowed = set(err.schema.get("properties", {}))
        for key in sorted(set(err.instance) - allowed):
            yield error(
                "unknown-key",
                f"unknown key '{key}'",
                doc.loc((*path, key), key=True),
                hint=did_you_mean(key, allowed) or f"allowed keys here: {', '.join(sorted(allowed))}",
            )
    elif kw == "required":
        missing = [k for k in err.validator_value if isinstance(err.instance, dict) and k not in err.instance]
        for key in missing:
            yield error("missing-field", f"missing required field '{key}'", doc.loc(path))
    elif kw == "type":
        expected = err.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        yield error("wrong-type", f"{_field(path)} must be {_article(expected)} {expected}, not {_described(err.instance)}", doc.loc(path))
    elif kw == "enum":
        yield error(
            "bad-value",
            f"{_field(path)} is {_described(err.instance)}; expected one of: {', '.join(map(str, err.validator_value))}",
            doc.loc(path),
            hint=did_you_mean(err.instance, map(str, err.validator_value)),
        )
    elif kw in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        yield error("out-of-range", f"{_field(path)} is {err.instance}; {err.message.split(' is ', 1)[-1]}", doc.loc(path))
    elif kw == "pattern":
        is_id = path and path[-1] in ("id", "by", "source", "thread", "supports", "rebuts", "questions", "relates", "author") or (len(path) >= 2 and path[-2] in ("tags", "about"))
        yield error("bad-id" if is_id else "bad-value", f"{_field(path)} is {_described(err.instance)}: {custom or err.message}", doc.loc(path))
    elif kw == "oneOf":
        yield error(err.schema.get("x-rule", "schema"), custom or err.message, doc.loc(path))
    elif kw == "uniqueItems":
        yield error("duplicate-item", f"{_field(path)} lists the same item twice", doc.loc(path))
    else:
        yield error("schema", custom or err.message, doc.loc(path))


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def check_shape(doc: Document) -> list[Finding]:
    """All schema findings for one document."""
    kind = file_kind(doc)
    try:
        fast_validator(kind)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    errors = validator(kind).iter_errors(doc.data)
    findings: list[Finding] = []
    for err in errors:
        findings.extend(_findings_for(err, doc))
    return findings
