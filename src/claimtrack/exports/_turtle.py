"""RDF Turtle text: literals escaped for any input, statements grouped by subject.

Terms are handled as their Turtle text, because a graph of 100,000 claims has
millions of them and text is what is written in the end; building no object
per triple also keeps the garbage collector out of the way. A name is a
prefixed name (``claim:c1``) or a full IRI in angle brackets; a literal is
made by `literal` or `typed`, a blank node by `blank`; ``true`` and ``false``
are booleans. A subject's statements are lines of a predicate and its
objects (``ct:kind "fact"``, or ``a prov:Entity,`` and more by `objects`).

`write` lays them out in rdflib's layout: prefixes, then one block per
subject, but with the subjects and each subject's lines in plain text order
(``a`` first, then ``ct:``, ``prov:`` and ``rdfs:`` terms), which costs no
sort key per line. The same statements always give the same text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

from ._text import CONTROL

__all__ = ["blank", "literal", "objects", "typed", "write"]


def __dir__() -> list[str]:
    return list(__all__)


# Turtle strings may hold any character but the quote, the backslash and the
# line breaks. Controls are escaped too, so that no file holds a raw NUL or
# terminal escape, and so are the Unicode line and paragraph separators,
# which editors and terminals take for line breaks. Each literal is then on
# one line.
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_ESCAPED = re.compile(r'["\\\u2028\u2029]|' + CONTROL.pattern)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    escape = _ESCAPES.get(char)
    if escape is not None:
        return escape
    if "\ud800" <= char <= "\udfff":
        # A lone surrogate is no character, so no escape can name it; text is
        # written with U+FFFD in its place everywhere (`_text.writable`).
        return "\ufffd"
    return f"\\u{ord(char):04X}"


def literal(text: str, language: str | None = None) -> str:
    """Return the Turtle text of a string literal, tagged with *language* if any."""
    body = _ESCAPED.sub(_escape, text)
    return f'"{body}"' if language is None else f'"{body}"@{language}'


def typed(lexical: str, datatype: str) -> str:
    """Return the Turtle text of a literal of *datatype*, a name (``xsd:int``)."""
    return f"{literal(lexical)}^^{datatype}"


def blank(pairs: Iterable[tuple[str, str]]) -> str:
    """Return the Turtle text of a blank node with *pairs* of predicate and object."""
    return "[ " + " ; ".join(f"{predicate} {term}" for predicate, term in pairs) + " ]"


_NEXT_OBJECT = ",\n        "
_NEXT_LINE = " ;\n    "


def objects(terms: Iterable[str], *, first: str | None = None) -> str:
    """Return an object list: the distinct *terms* in text order, after *first*."""
    distinct = set(terms)
    if first is None:
        return _NEXT_OBJECT.join(sorted(distinct))
    distinct.discard(first)
    return _NEXT_OBJECT.join((first, *sorted(distinct)))


def write(
    prefixes: Mapping[str, str],
    statements: Mapping[str, Collection[str]],
) -> str:
    """Return Turtle for *statements*, each subject's lines of predicate and objects.

    Every prefix in *prefixes* is declared, in the order of their names. A
    line given twice for a subject is written once.
    """
    if not statements:
        return "\n"
    header = "".join(
        f"@prefix {prefix}: <{prefixes[prefix]}> .\n" for prefix in sorted(prefixes)
    )
    blocks = [
        subject + " " + _NEXT_LINE.join(sorted(set(statements[subject]))) + " .\n"
        for subject in sorted(statements)
    ]
    return header + "\n" + "\n".join(blocks) + "\n"
