"""Schemathesis hooks for Newsdesk: the rules between query parameters that OpenAPI cannot state.

API.md makes these requests 400s although each parameter on its own is valid:
- `date` together with `from` or `to`;
- `from` after `to`;
- `q` or `speaker` without a letter or digit (the schema's pattern only rules out ASCII punctuation,
  spaces and controls: a pattern naming every Unicode letter would be unreadable);
- any query parameter on `GET /articles/{id}` when `{id}` is an article id, not a date.
Positive (schema-valid) cases are adjusted to respect them, so that `positive_data_acceptance` keeps
meaning "valid requests are accepted". Negative cases are left alone.

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
    present = lambda name: isinstance(query.get(name), str) and query[name] != ""
    if present("date"):
        query.pop("from", None)
        query.pop("to", None)
    if present("from") and present("to") and query["from"] > query["to"]:
        query["from"], query["to"] = query["to"], query["from"]
    for name in ("q", "speaker"):
        if present(name) and not _has_word(query[name]):
            query[name] += " a"
    if case.operation.path == "/articles/{id}" and not _is_date((case.path_parameters or {}).get("id")):
        query.clear()
    return case
