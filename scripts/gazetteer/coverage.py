#!/usr/bin/env python3
"""How many places found in a corpus carry a GeoNames id and coordinates.

    newsdesk parse --answers ../shared/corpus/dev/*.txt > /tmp/dev.json
    python3 scripts/gazetteer/coverage.py /tmp/dev.json

Counts the location entities of every article whose subtype is a country, a city or an administrative
division (country, city, state, province, county, district); prints the share that carry `geonamesId`, the
share that carry `coordinates`, the share with both, and the places that lack them.
"""
import json
import sys
from collections import Counter

KINDS = {"country", "city", "state", "province", "county", "district"}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    answers = json.load(open(sys.argv[1], encoding="utf-8"))
    articles = answers if isinstance(answers, list) else answers.get("articles", answers)
    if isinstance(articles, dict):
        articles = list(articles.values())
    total = with_id = with_point = both = 0
    lacking = Counter()
    for article in articles:
        for e in article.get("entities", []):
            if e.get("type") != "location" or e.get("subtype") not in KINDS:
                continue
            total += 1
            has_id, has_point = e.get("geonamesId") is not None, e.get("coordinates") is not None
            with_id += has_id
            with_point += has_point
            both += has_id and has_point
            if not (has_id and has_point):
                lacking[f"{e['name']} ({e['subtype']})"] += 1
    share = lambda n: n / total if total else 0.0
    for name, n in lacking.most_common(20):
        print(f"  lacking: {name} x{n}")
    print(f"places={total} geonamesId={share(with_id):.3f} coordinates={share(with_point):.3f} both={share(both):.3f}")


if __name__ == "__main__":
    main()
