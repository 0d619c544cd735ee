"""Schemathesis hooks for Newsdesk: the rules between query parameters that OpenAPI cannot state.

`/openapi.json` lists them per operation in `x-parameter-constraints` (a Swift test checks that the server
enforces exactly those); a request that breaks one is a 400 although each parameter on its own is valid:
- `exclusive` [a, b]: not both (`date` with `from` or `to`);
- `notAfter` [a, b]: the date a not after the date b (`from` after `to`);
- `letterOrDigit` [a]: search words need a letter or digit (the schema's pattern only rules out ASCII
  punctuation, spaces and controls: a pattern naming every Unicode letter would be unreadable);
- `noQueryUnlessDate` [p]: no query parameter unless the path parameter p is a date (`GET /articles/{id}`).
Positive (schema-valid) cases are adjusted to respect them, read from the document, so that
`positive_data_acceptance` keeps meaning "valid requests are accepted". Negative cases are left alone.
"""

import datetime

import schemathesis


def _is_date(text):
    try:
        return len(text) == 10 and datetime.date.fromisoformat(text).isoformat() == text
    except (TypeError, ValueError):
        return False


def _has_word(text):
    return any(c.isalpha() or c in "0123456789" for c in text)


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return case
    query = case.query
    if not isinstance(query, dict):
        return case
    rules = (case.operation.definition.raw or {}).get("x-parameter-constraints", [])
    present = lambda name: isinstance(query.get(name), str) and query[name] != ""
    for rule in rules:
        kind, names = rule["rule"], rule["parameters"]
        if kind == "exclusive" and present(names[0]):
            query.pop(names[1], None)
        elif kind == "notAfter" and present(names[0]) and present(names[1]) and query[names[0]] > query[names[1]]:
            query[names[0]], query[names[1]] = query[names[1]], query[names[0]]
        elif kind == "letterOrDigit" and present(names[0]) and not _has_word(query[names[0]]):
            query[names[0]] += " a"
        elif kind == "noQueryUnlessDate" and not _is_date((case.path_parameters or {}).get(names[0])):
            query.clear()
    return case
