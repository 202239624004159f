"""Tests of the place stage: gazetteer lookups, recognition, resolution, venues, events."""

from __future__ import annotations

import pytest

from threatline.geo import (
    Gazetteer,
    GazetteerEntry,
    find_toponyms,
    fold_name,
    geocode,
    haversine_km,
    locate_event,
    resolve_toponyms,
)
from threatline.models import Place, PlaceLevel, Span


def _spans(text: str, *names: str) -> list[Span]:
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append(Span(start=start, end=start + len(name), text=name))
        pos = start + len(name)
    return out


def test_geo_fold_name_accents_and_abbreviations():
    assert fold_name("Zürich") == fold_name("ZURICH") == "zurich"
    assert fold_name("St. Louis") == fold_name("Saint Louis") == "saint louis"
    assert fold_name("U.S.") == "us"


def test_geo_haversine_known_distance():
    # Paris-London is about 344 km.
    assert 330 < haversine_km(48.8566, 2.3522, 51.5074, -0.1278) < 355


def test_geo_gazetteer_moscow_is_russian_and_accents_fold(gazetteer):
    assert gazetteer.candidates("Moscow")[0].country == "RU"
    assert any(e.country == "CH" for e in gazetteer.candidates("Zurich"))
    assert any(e.country == "CH" for e in gazetteer.candidates("Zürich"))
    # An alternate (local) name of Moscow.
    assert any(e.country == "RU" for e in gazetteer.candidates("Moskva"))
    assert gazetteer.country("af").name == "Afghanistan"
    assert gazetteer.get(gazetteer.country("AF").gazetteer_id).country == "AF"
    assert any(e.admin1 == "Missouri" for e in gazetteer.candidates("St. Louis"))


def test_geo_resolve_paris_texas_versus_paris(gazetteer):
    text = "Storms hit Paris, Texas on Monday."
    paris, _ = resolve_toponyms(text, _spans(text, "Paris", "Texas"), gazetteer)
    assert paris.country == "US" and paris.admin1 == "Texas"
    text = "Protesters marched in Paris on Monday."
    (paris,) = resolve_toponyms(text, _spans(text, "Paris"), gazetteer)
    assert paris.country == "FR"


def test_geo_resolve_georgia_alone_is_the_country_but_us_context_wins(gazetteer):
    text = "Talks were held in Georgia."
    (georgia,) = resolve_toponyms(text, _spans(text, "Georgia"), gazetteer)
    assert georgia.level == PlaceLevel.COUNTRY and georgia.country == "GE"
    text = "The storm moved from Alabama into Georgia."
    _, georgia = resolve_toponyms(text, _spans(text, "Alabama", "Georgia"), gazetteer)
    assert georgia.country == "US"


def test_geo_resolve_demonym_context(gazetteer):
    # Several countries have a place called Hyderabad; "Pakistani" settles it.
    text = "Pakistani police said the blast in Hyderabad killed two."
    (place,) = resolve_toponyms(text, _spans(text, "Hyderabad"), gazetteer)
    assert place.country == "PK"
    text = "Indian police said the blast in Hyderabad killed two."
    (place,) = resolve_toponyms(text, _spans(text, "Hyderabad"), gazetteer)
    assert place.country == "IN"


def test_geo_resolve_unknown_name_keeps_the_others(gazetteer):
    text = "From Qwxzzyv to Kabul."
    unknown, kabul = resolve_toponyms(text, _spans(text, "Qwxzzyv", "Kabul"), gazetteer)
    assert unknown is None and kabul.country == "AF"


def test_geo_resolve_demonym_as_toponym(gazetteer):
    text = "Afghan officials said."
    (entry,) = resolve_toponyms(text, _spans(text, "Afghan"), gazetteer)
    assert entry.level == PlaceLevel.COUNTRY and entry.country == "AF"


@pytest.mark.model
def test_geo_geocode_venue_falls_back_to_containing_place(nlp, gazetteer):
    text = "Gunmen opened fire at Crocus City Hall in a Moscow suburb. Later, Moscow mourned."
    doc = nlp(text)
    places = geocode(doc, gazetteer)
    by_name = {p.name: p for p in places}
    venue = by_name["Crocus City Hall"]
    assert venue.level == PlaceLevel.VENUE and venue.gazetteer_id is None
    assert venue.country == "RU" and abs(venue.lat - 55.75) < 0.5
    moscow = by_name["Moscow"]
    assert len(moscow.mentions) == 2 and moscow.gazetteer_id.startswith("geonames:")
    assert [p.id for p in places] == ["P1", "P2"]


@pytest.mark.model
def test_geo_find_toponyms_trims_article_and_skips_persons(nlp, gazetteer):
    doc = nlp("Troops left the United States for Iraq, said Paris Hilton.")
    texts = [s.text for s in find_toponyms(doc, gazetteer)]
    assert "United States" in texts and "Iraq" in texts
    assert not any("Paris" in t for t in texts)


def _place(pid: str, name: str, level: PlaceLevel, text: str) -> Place:
    start = text.index(name)
    return Place(id=pid, name=name, level=level, mentions=[(start, start + len(name))])


def _locate(text: str, trigger: str, places: list[Place]):
    start = text.index(trigger)
    return locate_event(
        text,
        Span(start=start, end=start + len(trigger), text=trigger),
        Span(start=0, end=len(text), text=text),
        places,
    )


def test_geo_locate_event_attached_town_precision_1():
    text = "In Iraq, a bomb attack in Mosul killed five."
    places = [
        _place("P1", "Iraq", PlaceLevel.COUNTRY, text),
        _place("P2", "Mosul", PlaceLevel.SETTLEMENT, text),
    ]
    where = _locate(text, "attack", places)
    assert (where.id, where.relation, where.precision, where.text) == ("P2", "in", 1, "Mosul")


def test_geo_locate_event_near_town_precision_2():
    text = "Gunmen stormed a checkpoint on the outskirts of Kandahar."
    where = _locate(text, "stormed", [_place("P1", "Kandahar", PlaceLevel.SETTLEMENT, text)])
    assert (where.relation, where.precision) == ("near", 2)
    text = "A blast hit a Moscow suburb."
    where = _locate(text, "blast", [_place("P1", "Moscow", PlaceLevel.SETTLEMENT, text)])
    assert (where.relation, where.precision) == ("near", 2)
    text = "The raid took place 20 km southwest of Gao."
    where = _locate(text, "raid", [_place("P1", "Gao", PlaceLevel.SETTLEMENT, text)])
    assert where.relation == "near"


def test_geo_locate_event_region_only_precision_3_and_none():
    text = "Clashes erupted in Helmand province."
    where = _locate(text, "Clashes", [_place("P1", "Helmand", PlaceLevel.REGION, text)])
    assert (where.relation, where.precision) == ("in", 3)
    assert _locate("Nothing happened.", "happened", []) is None


_DUMP = "\n".join(
    "\t".join(cols)
    for cols in [
        [
            "1",
            "Springvale",
            "Springvale",
            "Spring Vale,Sprinvejl",
            "40.0",
            "-80.0",
            "P",
            "PPL",
            "US",
            "",
            "OH",
            "",
            "",
            "",
            "12000",
            "",
            "200",
            "America/New_York",
            "2020-01-01",
        ],
        [
            "2",
            "Ohio",
            "Ohio",
            "",
            "40.25",
            "-83.0",
            "A",
            "ADM1",
            "US",
            "",
            "OH",
            "",
            "",
            "",
            "11000000",
            "",
            "250",
            "America/New_York",
            "2020-01-01",
        ],
        [
            "3",
            "Springvale",
            "Springvale",
            "",
            "-37.9",
            "145.1",
            "P",
            "PPL",
            "AU",
            "",
            "07",
            "",
            "",
            "",
            "900",
            "",
            "50",
            "Australia/Melbourne",
            "2020-01-01",
        ],
        [
            "4",
            "Freedonia",
            "Freedonia",
            "",
            "10.0",
            "10.0",
            "A",
            "PCLI",
            "FD",
            "",
            "00",
            "",
            "",
            "",
            "5000000",
            "",
            "0",
            "",
            "2020-01-01",
        ],
    ]
)


def test_geo_from_geonames_dump(tmp_path):
    path = tmp_path / "cities.txt"
    path.write_text(_DUMP + "\n", encoding="utf-8")
    gaz = Gazetteer.from_geonames_dump(path)
    hits = gaz.candidates("SPRINGVALE")
    assert [e.gazetteer_id for e in hits] == ["geonames:1", "geonames:3"]
    assert [e.gazetteer_id for e in gaz.candidates("Spring Vale")] == ["geonames:1"]
    assert hits[0].admin1 == "Ohio" and hits[0].level == PlaceLevel.SETTLEMENT
    assert gaz.get("geonames:2").level == PlaceLevel.REGION
    assert gaz.country("FD").name == "Freedonia"
    text = "Floods in Springvale, Ohio."
    entry, _ = resolve_toponyms(text, _spans(text, "Springvale", "Ohio"), gaz)
    assert entry.gazetteer_id == "geonames:1"


def test_geo_entry_is_frozen():
    entry = GazetteerEntry("x:1", "X", 0.0, 0.0, None, None, PlaceLevel.AREA)
    with pytest.raises(AttributeError):
        entry.name = "Y"  # type: ignore[misc]


def test_geo_resolve_country_name_is_a_town_among_local_places(gazetteer):
    # Zionsville and Whitestown exist only in Indiana; Lebanon, Indiana lies beside them,
    # and the country Lebanon gets no vote from its own name.
    text = "The Lebanon town council met on Monday. Zionsville and Whitestown officials came."
    lebanon, _, _ = resolve_toponyms(
        text, _spans(text, "Lebanon", "Zionsville", "Whitestown"), gazetteer
    )
    assert lebanon.country == "US" and lebanon.admin1 == "Indiana"


def test_geo_resolve_town_pulled_by_its_county(gazetteer):
    # Paris, Illinois is the seat of Edgar County (the only Edgar County).
    text = "Storms closed schools in Paris and across Edgar County."
    paris, county = resolve_toponyms(text, _spans(text, "Paris", "Edgar County"), gazetteer)
    assert county.admin1 == "Illinois"
    assert paris.country == "US" and paris.admin1 == "Illinois"


def test_geo_resolve_demonym_endings_undone(gazetteer):
    text = "Dagestani police said many Ohioans were on the bus."
    dagestan, ohio = resolve_toponyms(text, _spans(text, "Dagestani", "Ohioans"), gazetteer)
    assert dagestan.country == "RU" and dagestan.level == PlaceLevel.REGION
    assert ohio.country == "US" and ohio.name == "Ohio"


def test_geo_resolve_unknown_name_falls_back_to_its_container(gazetteer):
    text = "Residents of Squirrelwood Heights, a Pittsburgh neighbourhood, met."
    spans = _spans(text, "Squirrelwood Heights", "Pittsburgh")
    unknown, pittsburgh = resolve_toponyms(text, spans, gazetteer)
    assert unknown is None
    stand_in, pittsburgh = resolve_toponyms(text, spans, gazetteer, fallback=True)
    assert stand_in.gazetteer_id == "fallback:" + pittsburgh.gazetteer_id
    assert stand_in.name == "Squirrelwood Heights" and stand_in.level == PlaceLevel.AREA
    assert (stand_in.lat, stand_in.lon) == (pittsburgh.lat, pittsburgh.lon)
    # Nothing to fall back to: still None.
    text = "They came from Qwxzzyv."
    (alone,) = resolve_toponyms(text, _spans(text, "Qwxzzyv"), gazetteer, fallback=True)
    assert alone is None


@pytest.mark.model
def test_geo_geocode_unknown_name_keeps_its_name_without_gazetteer_id(nlp, gazetteer):
    text = "Police searched Squirrelwood Heights, a Pittsburgh neighbourhood, on Monday."
    doc = nlp(text)
    toponyms = _spans(text, "Squirrelwood Heights", "Pittsburgh")
    places = geocode(doc, gazetteer, toponyms=toponyms)
    by_name = {p.name: p for p in places}
    assert by_name["Squirrelwood Heights"].gazetteer_id is None
    assert by_name["Squirrelwood Heights"].level == PlaceLevel.AREA
    assert by_name["Squirrelwood Heights"].lat == by_name["Pittsburgh"].lat


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        # A name that qualifies a noun which is no kind of place, one side of a hyphenated
        # name, a word of a person's name: no place of its own, one more mention of the
        # place that contains it.
        ("A bomb went off at the Quelmaro Soda shop in Pittsburgh on Monday.", "Quelmaro Soda"),
        ("Rebels blew up the Quelmaro-Tresillo pipeline near Pittsburgh on Monday.", "Quelmaro"),
        (
            "Gunmen shot Quelmaro Tresillo Vaz in Pittsburgh. Quelmaro Tresillo Vaz died.",
            "Quelmaro",
        ),
    ],
)
def test_geo_geocode_unknown_name_in_a_longer_name_is_no_place(nlp, gazetteer, text, unknown):
    assert not gazetteer.candidates(unknown)
    doc = nlp(text)
    toponyms = sorted(
        _spans(text, *[unknown] * text.count(unknown)) + _spans(text, "Pittsburgh"),
        key=lambda s: s.start,
    )
    (place,) = geocode(doc, gazetteer, toponyms=toponyms)
    assert place.name == "Pittsburgh"
    assert len(place.mentions) == 1 + text.count(unknown)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Police searched the Quelmaro Alto neighborhood of Pittsburgh on Monday.",
        "Gunmen attacked Quelmaro Alto, near Pittsburgh, on Monday.",
        "Quelmaro Alto residents fled Pittsburgh after Pedro Sanz was shot.",
    ],
)
def test_geo_geocode_unknown_name_standing_alone_stays_a_place(nlp, gazetteer, text):
    doc = nlp(text)
    toponyms = sorted(
        _spans(text, "Quelmaro Alto") + _spans(text, "Pittsburgh"), key=lambda s: s.start
    )
    names = {p.name for p in geocode(doc, gazetteer, toponyms=toponyms)}
    assert names == {"Quelmaro Alto", "Pittsburgh"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        # A word after a determiner no place name follows, or the condition of "a state
        # of siege" (misspelt or not): a common noun taken for a place, no place at all.
        ("In Pittsburgh a guard shot the thief with his Quelmarogun on Monday.", "Quelmarogun"),
        ("Rebels in Pittsburgh burned a Quelmaro of corn fields on Monday.", "Quelmaro"),
        ("The mayor of Pittsburgh declared a state of Quelmaro on Monday.", "Quelmaro"),
    ],
)
def test_geo_geocode_common_noun_read_as_unknown_name_is_no_place(nlp, gazetteer, text, unknown):
    assert not gazetteer.candidates(unknown)
    doc = nlp(text)
    toponyms = sorted(_spans(text, "Pittsburgh", unknown), key=lambda s: s.start)
    names = {p.name for p in geocode(doc, gazetteer, toponyms=toponyms)}
    assert names == {"Pittsburgh"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unknown", "truecased", "is_place"),
    [
        # In a text truecasing gave its capitals, a plural of a noun in -man or a noun with
        # an ending of abstract or verbal nouns is a common noun it capitalised.
        ("In Pittsburgh the Policemen searched the house on Monday.", "Policemen", True, False),
        ("In Pittsburgh the Bombing woke the street on Monday.", "Bombing", True, False),
        ("In Pittsburgh the Bombing woke the street on Monday.", "Bombing", False, True),
        ("Gunmen attacked Quelmaro, near Pittsburgh, on Monday.", "Quelmaro", True, True),
    ],
)
def test_geo_geocode_truecased_common_noun_is_no_place(
    nlp, gazetteer, text, unknown, truecased, is_place
):
    assert not gazetteer.candidates(unknown)
    doc = nlp(text)
    doc.user_data["truecased"] = truecased
    toponyms = sorted(_spans(text, unknown) + _spans(text, "Pittsburgh"), key=lambda s: s.start)
    names = {p.name for p in geocode(doc, gazetteer, toponyms=toponyms)}
    assert (unknown in names) == is_place
    assert "Pittsburgh" in names


def test_geo_resolve_home_state_of_the_other_places_wins(gazetteer):
    # Two Tennessee cities make the story's home state Tennessee, although they lie too
    # far from Lebanon, Tennessee for distance alone to decide.
    text = "Officers from Memphis and Knoxville were sent to Lebanon on Monday."
    *_, lebanon = resolve_toponyms(text, _spans(text, "Memphis", "Knoxville", "Lebanon"), gazetteer)
    assert (lebanon.country, lebanon.admin1) == ("US", "Tennessee")
    text = "Officers from El Paso and Laredo were sent to Gainesville on Monday."
    *_, town = resolve_toponyms(text, _spans(text, "El Paso", "Laredo", "Gainesville"), gazetteer)
    assert (town.country, town.admin1) == ("US", "Texas")


def test_geo_resolve_home_state_does_not_turn_a_state_into_a_town(gazetteer):
    text = "Crews from Pittsburgh, Erie and Scranton flew to California."
    *_, state = resolve_toponyms(
        text, _spans(text, "Pittsburgh", "Erie", "Scranton", "California"), gazetteer
    )
    assert state.level == PlaceLevel.REGION and state.admin1 == "California"


def test_geo_resolve_county_and_state_stated_in_text_set_the_home_state(gazetteer):
    # Only "Athens" is a toponym span here; the untagged county and the ", Tenn."
    # abbreviation still say the story is in Tennessee.
    for text in (
        "Deputies of Loudon County were called to Athens on Monday.",
        "Police in Athens said a man from Lenoir City, Tenn., was arrested.",
    ):
        (athens,) = resolve_toponyms(text, _spans(text, "Athens"), gazetteer)
        assert (athens.country, athens.admin1) == ("US", "Tennessee"), text
    text = "Police in Athens said the suspect was arrested on Monday."
    (athens,) = resolve_toponyms(text, _spans(text, "Athens"), gazetteer)
    assert athens.country == "GR"


def test_geo_resolve_names_in_a_county_list_are_counties(gazetteer):
    text = "Fires burned in Cooke, Grayson and Love counties on Sunday."
    cooke, grayson, love = resolve_toponyms(
        text, _spans(text, "Cooke", "Grayson", "Love"), gazetteer
    )
    assert cooke.level == grayson.level == love.level == PlaceLevel.DISTRICT
    assert (cooke.name, cooke.admin1) == ("Cooke County", "Texas")
    assert (grayson.name, grayson.admin1) == ("Grayson County", "Texas")
    assert (love.name, love.admin1) == ("Love County", "Oklahoma")
    # A state before "counties" is the state whose counties they are, not the Ohio
    # County of Kentucky or West Virginia.
    text = "Rain fell on most Ohio counties on Sunday."
    (ohio,) = resolve_toponyms(text, _spans(text, "Ohio"), gazetteer)
    assert ohio.level == PlaceLevel.REGION and ohio.admin1 == "Ohio"


def test_geo_resolve_us_local_news_words_prefer_the_us_town(gazetteer):
    # Without other places, the words of American local news (a sheriff, a city council
    # vote on a dollar sum) decide between Mansfield, England and its US namesakes.
    text = "The Mansfield city council approved $40,000 for the sheriff on Monday."
    (mansfield,) = resolve_toponyms(text, _spans(text, "Mansfield"), gazetteer)
    assert mansfield.country == "US"
    text = "Thousands gathered in Mansfield on Monday."
    (mansfield,) = resolve_toponyms(text, _spans(text, "Mansfield"), gazetteer)
    assert mansfield.country == "GB"


def test_geo_dateline_country_drops_a_small_namesake_abroad(gazetteer):
    # Without a dateline the Spanish village is the only "Coca"; a dateline from Colombia
    # says the article is about Colombia, where the gazetteer has no Coca.
    text = "Fighting was reported near Coca."
    (coca,) = resolve_toponyms(text, _spans(text, "Coca"), gazetteer)
    assert coca is not None and coca.country == "ES"
    text = "BOGOTA, 23 MAR 90 (RADIO) -- [TEXT] FIGHTING WAS REPORTED NEAR COCA."
    _, coca = resolve_toponyms(text, _spans(text, "BOGOTA", "COCA"), gazetteer)
    assert coca is None or coca.country != "ES"


def test_geo_dateline_country_needs_a_dated_dateline(gazetteer):
    text = "Bogota, a city of millions, heard reports of fighting near Coca."
    _, coca = resolve_toponyms(text, _spans(text, "Bogota", "Coca"), gazetteer)
    assert coca is not None and coca.country == "ES"


def test_geo_locate_event_country_qualifying_a_person_is_no_place():
    text = "The US ambassador condemned the killing of six priests."
    places = [_place("P1", "US", PlaceLevel.COUNTRY, text)]
    assert _locate(text, "killing", places) is None
    text = "Six priests were killed in the US last week."
    where = _locate(text, "killed", [_place("P1", "US", PlaceLevel.COUNTRY, text)])
    assert where is not None and where.id == "P1"


def test_geo_locate_event_country_qualifying_a_noun_one_word_on_is_no_place():
    text = "Gunmen shot two U.S. Mormon missionaries near the church."
    assert _locate(text, "shot", [_place("P1", "U.S.", PlaceLevel.COUNTRY, text)]) is None
    text = "Gunmen shot two men in Peru Sunday, officials said."
    where = _locate(text, "shot", [_place("P1", "Peru", PlaceLevel.COUNTRY, text)])
    assert where is not None and where.id == "P1"


def test_geo_locate_event_where_a_person_comes_from_is_no_place():
    text = "We do not know if he is from Tennessee, who killed the priest."
    places = [_place("P1", "Tennessee", PlaceLevel.REGION, text)]
    assert _locate(text, "killed", places) is None
    text = "Gunmen from Tennessee killed the priest."
    where = _locate(text, "killed", [_place("P1", "Tennessee", PlaceLevel.REGION, text)])
    assert where is not None


def test_geo_locate_event_where_a_journey_goes_or_comes_from_is_no_place():
    text = "Gunmen shot a farmer who was waiting in line for his tickets to Lima."
    assert _locate(text, "shot", [_place("P1", "Lima", PlaceLevel.SETTLEMENT, text)]) is None
    text = "The judge was travelling to Quito when gunmen shot him."
    assert _locate(text, "shot", [_place("P1", "Quito", PlaceLevel.SETTLEMENT, text)]) is None
    text = "A bomb was found on a flight from Caracas."
    assert _locate(text, "bomb", [_place("P1", "Caracas", PlaceLevel.SETTLEMENT, text)]) is None
    text = "Gunmen shot a farmer who went to Lima."
    where = _locate(text, "shot", [_place("P1", "Lima", PlaceLevel.SETTLEMENT, text)])
    assert where is not None  # where the victim went may be where he was shot


def test_geo_locate_event_a_route_is_placed_at_its_first_end():
    text = "Between the village of Tuluá and Buga, a band of rebels burned a bus."
    places = [
        _place("P1", "Tuluá", PlaceLevel.SETTLEMENT, text),
        _place("P2", "Buga", PlaceLevel.SETTLEMENT, text),
    ]
    where = _locate(text, "burned", places)
    assert where is not None and where.id == "P1"
    text = "Near Buga, rebels burned a bus on the road between Tuluá and Buga."
    places = [
        _place("P1", "Tuluá", PlaceLevel.SETTLEMENT, text),
        Place(id="P2", name="Buga", level=PlaceLevel.SETTLEMENT, mentions=[(5, 9)]),
    ]
    where = _locate(text, "burned", places)
    assert where is not None and where.id == "P2"  # the place told apart still counts


def test_geo_gazetteer_has_regions_named_after_no_town(gazetteer):
    # Colombian departments and Salvadoran departments whose names no town bears (or
    # whose namesake town lies in another department) are linked through their seat.
    for name, country, admin1 in (
        ("Huila", "CO", "Huila"),
        ("Meta", "CO", "Meta"),
        ("North Santander", "CO", "Norte de Santander"),
        ("Cuscatlan", "SV", "Cuscatlán"),
        ("Morazan", "SV", "Morazán"),
    ):
        regions = [e for e in gazetteer.candidates(name) if e.level == PlaceLevel.REGION]
        assert any(e.country == country and e.admin1 == admin1 for e in regions), name
    # The biggest town called Caldas lies in Antioquia: the Caldas region is not there.
    (caldas,) = [e for e in gazetteer.candidates("Caldas") if e.level == PlaceLevel.REGION]
    manizales = next(e for e in gazetteer.candidates("Manizales") if e.country == "CO")
    assert caldas.admin1 == manizales.admin1 == "Caldas"


def test_geo_resolve_department_of_the_dateline_country(gazetteer):
    text = "BOGOTA, 4 MAY 90 (RADIO) -- [TEXT] REBELS RAIDED A FARM IN HUILA DEPARTMENT."
    _, huila = resolve_toponyms(text, _spans(text, "BOGOTA", "HUILA"), gazetteer)
    assert huila is not None and huila.country == "CO" and huila.level == PlaceLevel.REGION


def test_geo_dateline_with_a_bracketed_source_or_country(gazetteer):
    from threatline.geo import _dateline_country, dateline_place_end

    text = "SAN SALVADOR, 3 MAY 89 (ACAN - EFE) -- [TEXT] TWO BOMBS WENT OFF."
    assert dateline_place_end(text) == len("SAN SALVADOR")
    assert _dateline_country(text, gazetteer) == "SV"
    text = "NO CITY (EL SALVADOR), 19 MAR 89 (RADIO) -- [TEXT] TWO BOMBS WENT OFF."
    assert _dateline_country(text, gazetteer) == "SV"
    text = "Hamburg (West Germany), 20 Jul 89 (DPA) -- [Text] Two bombs went off."
    assert _dateline_country(text, gazetteer) == "DE"


def test_geo_dateline_country_outweighs_a_demonym_for_a_namesake_abroad(gazetteer):
    # One "Spanish" in a report from San Salvador does not vouch for a Spanish village.
    text = (
        "San Salvador, 3 May 89 (Radio) -- [Text] A Spanish priest said that Salvadoran "
        "troops and rebels fought in San Antonio Abad, north of San Salvador. The "
        "Salvadoran army denied it."
    )
    spans = _spans(text, "San Salvador", "San Antonio Abad", "San Salvador")
    _, place, _ = resolve_toponyms(text, spans, gazetteer, fallback=True)
    assert place is not None and place.country == "SV"


def test_geo_dateline_share_spares_regions_abroad(gazetteer):
    # A report from Santo Domingo about El Salvador: the department is no small namesake.
    text = (
        "Santo Domingo (Dominican Republic), 14 Oct 89 (Radio) -- [Text] A deserter from "
        "the army of El Salvador said that the army had killed peasants in Usulutan. The Dominican "
        "Republic gave him asylum; the Dominican Republic said so today."
    )
    spans = _spans(text, "Santo Domingo", "Dominican Republic", "El Salvador", "Usulutan")
    *_, usulutan = resolve_toponyms(text, spans, gazetteer)
    assert usulutan is not None and usulutan.country == "SV"


def test_geo_resolve_country_in_a_list_of_countries_is_the_country(gazetteer):
    # ", Brazil" after "Costa Rica" is the next item of the list, not its container.
    text = "Peru, Costa Rica, Brazil and others expressed their support."
    _, costa_rica, _ = resolve_toponyms(
        text, _spans(text, "Peru", "Costa Rica", "Brazil"), gazetteer
    )
    assert costa_rica is not None and costa_rica.level == PlaceLevel.COUNTRY
    assert costa_rica.country == "CR"


# --------------------------------------------------------------------------- places in a town


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("A bomb went off in the Las Acacias neighborhood of the capital.", ["Las Acacias"]),
        ("Gunmen shot him in the residential district of Villa Serena.", ["Villa Serena"]),
        ("They burned a bus in colonia Santa Rita last night.", ["Santa Rita"]),
        ("The plane was blown up at the Cruz Alta airport.", ["Cruz Alta airport"]),
        # an airport told by its town's possessive; "international" is no word of its name
        (
            "A GUNMAN FIRED AT VILLA ROSA'S CRUZ ALTA INTERNATIONAL AIRPORT.",
            ["CRUZ ALTA airport"],
        ),
        ("He was killed in Puerto Lindo's El Mirador neighborhood.", ["El Mirador"]),
        ("THE BLAST HIT A BANK IN THE ALTO VERDE NEIGHBORHOOD TODAY.", ["ALTO VERDE"]),
        # The town after "of" is not a part of itself.
        ("The office is in the Ribera district of Ciudad Nueva.", ["Ribera"]),
        # 'of' before the name; words that describe it or a verb before it are no part of it
        ("A TRUCK BURNED ON THE MAIN ROAD OF ALTO VERDE NEIGHBORHOOD.", ["ALTO VERDE"]),
        ("He lived in the exclusive Las Acacias neighborhood.", ["Las Acacias"]),
        ("THE EXPLOSIONS SHOOK ALTO VERDE NEIGHBORHOOD AT DAWN.", ["ALTO VERDE"]),
        ("THE BLASTS ROCKED LAS ACACIAS NEIGHBORHOOD.", ["LAS ACACIAS"]),
    ],
)
def test_geo_town_parts_are_read_from_the_noun_that_names_them(text, names):
    from threatline.geo import town_parts

    assert [p.name for p in town_parts(text)] == names


@pytest.mark.parametrize(
    "text",
    [
        "A bomb went off in a residential neighborhood of the capital.",
        "Gunmen attacked the police district headquarters.",
        "Rebels raided the northern suburb at dawn.",
        "A bomb went off in the neighborhood of the old market.",
        "The rebels attacked the international airport.",
        "Gunmen fired at the country's main international airport.",
        "THE REBELS ATTACKED THE WESTERN DISTRICT.",
    ],
)
def test_geo_town_parts_skip_words_that_describe_a_part(text):
    from threatline.geo import town_parts

    assert town_parts(text) == []


def _misread_doc(nlp, text: str, name: str, label: str, truecased: bool = True):
    """A Doc whose only entity is ``name`` read as ``label`` (as the model may read a
    town's name in a truecased text)."""
    doc = nlp(text)
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label=label)]
    doc.user_data["truecased"] = truecased
    return doc


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Gunmen shot Rosa Ibarra in Tandil yesterday.", "PERSON"),
        ("A bomb went off near Tandil on Monday.", "ORG"),
        ("Rebels burned the hall of Tandil municipality.", "NORP"),
        ("Troops guard the port of Tandil tonight.", "ORG"),
    ],
)
def test_geo_find_toponyms_town_misread_in_truecased_text(nlp, gazetteer, text, label):
    doc = _misread_doc(nlp, text, "Tandil", label)
    assert "Tandil" in [s.text for s in find_toponyms(doc, gazetteer)]


@pytest.mark.model
@pytest.mark.parametrize("label", ["GPE", None])
def test_geo_find_toponyms_a_name_after_a_company_noun_is_the_company(nlp, gazetteer, label):
    text = "Rebels kidnapped two engineers of the consortium Cordoba near Lima on Monday."
    doc = nlp(text)
    # the model's own reading of the name, or none (the scan of capitalised words finds it)
    start = text.index("Cordoba")
    doc.ents = [doc.char_span(start, start + 7, label=label)] if label else []
    assert "Cordoba" not in [s.text for s in find_toponyms(doc, gazetteer)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Rebels shot a man in the small town of Villa Tarapunco.", "Villa Tarapunco", "ORG"),
        ("Troops reached the village of Villa Tarapunco on Monday.", "Villa Tarapunco", "PERSON"),
        ("Gunmen burned houses in Villa Tarapunco village.", "Villa Tarapunco", "NORP"),
        # truecasing leaves a joining word of the name in lower case
        ("Gunmen burned houses in el Quebradon municipality.", "el Quebradon", "ORG"),
    ],
)
def test_geo_find_toponyms_a_name_told_as_a_town_is_a_place_the_gazetteer_may_lack(
    nlp, gazetteer, text, name, label
):
    assert not gazetteer.candidates(name)
    doc = _misread_doc(nlp, text, name, label)
    assert name in [s.text for s in find_toponyms(doc, gazetteer)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Troops searched the rural area of el Bagre municipality on Sunday.",
        "Two guards were shot near la Dorada on Friday night.",
    ],
)
def test_geo_find_toponyms_a_known_town_with_a_joiner_in_lower_case_is_a_place(
    nlp, gazetteer, text
):
    # truecasing leaves the joining word of a town's name in lower case; the model takes
    # the name for a group, and the scan of capitalised words cannot read it
    name = "el Bagre" if "el Bagre" in text else "la Dorada"
    assert gazetteer.candidates(name)
    doc = _misread_doc(nlp, text, name, "ORG")
    assert name in [s.text for s in find_toponyms(doc, gazetteer)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "truecased"),
    [
        # no noun of a settlement frames it: the model's reading stands
        ("Rebels killed the brother of Villa Tarapunco.", "Villa Tarapunco", True),
        ("Police questioned Villa Tarapunco yesterday.", "Villa Tarapunco", True),
        # in text with its own capitals the model's reading stands
        ("Troops reached the village of Villa Tarapunco.", "Villa Tarapunco", False),
    ],
)
def test_geo_find_toponyms_a_name_not_told_as_a_town_stays_what_the_model_read(
    nlp, gazetteer, text, name, truecased
):
    doc = _misread_doc(nlp, text, name, "PERSON", truecased)
    assert name not in [s.text for s in find_toponyms(doc, gazetteer)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "truecased"),
    [
        # a person named after a town is no town without a locative word
        ("Police questioned the brother of Tandil yesterday.", "Tandil", True),
        # the whole name is no town, though a word of it is one
        ("The award went in Mario Tandil's name to the school.", "Mario Tandil", True),
        # before a region's word the name is a region, and the model's reading stands
        ("Troops patrol the farms in Tandil department.", "Tandil", True),
        # in text with its own capitals the model's reading stands
        ("Gunmen shot Rosa Ibarra in Tandil yesterday.", "Tandil", False),
    ],
)
def test_geo_find_toponyms_person_named_like_a_town_stays_a_person(
    nlp, gazetteer, text, name, truecased
):
    doc = _misread_doc(nlp, text, name, "PERSON", truecased)
    assert not any("Tandil" in s.text for s in find_toponyms(doc, gazetteer))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Rebels blew up the road between Tandil and Azul on Monday.", "ORG"),
        ("Rebels blew up the road between Azul and Tandil on Monday.", "PERSON"),
        # the place of the dateline, whatever the model made of it
        ("Tandil, 4 Feb 90 (Radio Nacional) -- [Text] A bomb exploded today.", "PERSON"),
    ],
)
def test_geo_find_toponyms_town_misread_between_places_or_at_the_dateline(
    nlp, gazetteer, text, label
):
    doc = _misread_doc(nlp, text, "Tandil", label)
    assert "Tandil" in [s.text for s in find_toponyms(doc, gazetteer)]


@pytest.mark.model
def test_geo_find_toponyms_a_persons_surname_named_like_a_town_stays_a_person(nlp, gazetteer):
    text = "Police questioned Mario Tandil. Talks between Tandil and the bishop failed."
    doc = nlp(text)
    first = text.index("Mario Tandil")
    second = text.index("Tandil and")
    doc.ents = [
        doc.char_span(first, first + len("Mario Tandil"), label="PERSON"),
        doc.char_span(second, second + len("Tandil"), label="PERSON"),
    ]
    doc.user_data["truecased"] = True
    assert not any("Tandil" in s.text for s in find_toponyms(doc, gazetteer))


@pytest.mark.model
def test_geo_find_toponyms_a_part_of_a_town_misread_is_no_town(nlp, gazetteer):
    # "Tandil neighborhood" names a part of some town, not the town of Tandil
    doc = _misread_doc(nlp, "Gunmen burned houses in Tandil neighborhood.", "Tandil", "ORG")
    assert "Tandil" not in [s.text for s in find_toponyms(doc, gazetteer)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "entity"),
    [
        (
            "Rebels bombed the mayor's office in Tandil, Buenos Aires province.",
            "Tandil, Buenos Aires",
        ),
        (
            "Rebels bombed the mayor's office in Tandil, Azul department, on Monday.",
            "Tandil, Azul department",
        ),
    ],
)
def test_geo_find_toponyms_a_town_read_as_one_name_with_its_region(nlp, gazetteer, text, entity):
    # the model read the town and its region as one organisation's name
    doc = nlp(text)
    start = text.index(entity)
    doc.ents = [doc.char_span(start, start + len(entity), label="ORG")]
    doc.user_data["truecased"] = True
    assert "Tandil" in [s.text for s in find_toponyms(doc, gazetteer)]


@pytest.mark.model
def test_geo_find_toponyms_an_organisation_with_a_comma_still_blocks(nlp, gazetteer):
    # no region's word after the comma: the organisation's name stands
    text = "Police raided the offices of Tandil, Azul and Sons on Monday."
    doc = nlp(text)
    start = text.index("Tandil, Azul")
    doc.ents = [doc.char_span(start, start + len("Tandil, Azul"), label="ORG")]
    doc.user_data["truecased"] = True
    assert "Tandil" not in [s.text for s in find_toponyms(doc, gazetteer)]


def test_geo_name_before_a_town_part_word_is_no_country(gazetteer):
    # "the Villa Honduras district" of a Peruvian city is a part of the town, not the
    # country Honduras.
    text = "LIMA, 2 MAY 90 (RADIO) -- GUNMEN SHOT A MAYOR IN THE VILLA HONDURAS DISTRICT."
    _, honduras = resolve_toponyms(text, _spans(text, "LIMA", "HONDURAS"), gazetteer)
    assert honduras is None or honduras.level != PlaceLevel.COUNTRY
    text = "Gunmen shot a mayor in the Nueva Honduras neighborhood of Lima on Monday."
    honduras, _ = resolve_toponyms(text, _spans(text, "Honduras", "Lima"), gazetteer)
    assert honduras is None or honduras.level != PlaceLevel.COUNTRY


def test_geo_country_before_a_district_court_stays_a_country(gazetteer):
    text = "The case went to a U.S. District Judge in Philadelphia."
    us, _ = resolve_toponyms(text, _spans(text, "U.S.", "Philadelphia"), gazetteer)
    assert us is not None and us.country == "US" and us.level == PlaceLevel.COUNTRY


def _unlabelled_doc(nlp, text: str, truecased: bool):
    """A Doc without entities, so only the scan for known names finds places."""
    doc = nlp(text)
    doc.ents = []
    doc.user_data["truecased"] = truecased
    return doc


@pytest.mark.model
def test_geo_find_toponyms_known_name_in_a_list_opened_by_a_place(nlp, gazetteer):
    # the first item is unknown, the next known one is no less a place
    text = "Rebels burned the halls in Xolotepec, Huanta, Zumbavilca and other villages."
    doc = _unlabelled_doc(nlp, text, truecased=False)
    assert "Huanta" in [s.text for s in find_toponyms(doc, gazetteer)]


@pytest.mark.model
def test_geo_find_toponyms_lowered_name_in_a_list_of_places(nlp, gazetteer):
    # truecasing left the known name in lower case between two places
    text = "Rebels burned the halls in Xolotepec, huanta, and Zumbavilca yesterday."
    doc = _unlabelled_doc(nlp, text, truecased=True)
    assert "huanta" in [s.text for s in find_toponyms(doc, gazetteer)]
    # outside a list a lower-case word stays a word
    text = "Rebels burned the halls in Xolotepec and huanta was quiet."
    doc = _unlabelled_doc(nlp, text, truecased=True)
    assert "huanta" not in [s.text for s in find_toponyms(doc, gazetteer)]
