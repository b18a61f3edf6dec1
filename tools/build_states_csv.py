"""Regenerate tracker/data/states.csv (a one-off developer tool, not run by the app).

Source of ISO3, M49 codes, formal names and M49 sub-regions: the data file of the
`country_converter` package (pip install country_converter), filtered to UN members
and the two observer states. UN short names follow the UN M49 / UNTERM spelling.
Regional groups and the Special Rapporteur on defenders' regions are applied by the
rules written below (see shared/SOURCES.md section 5), then checked by the test suite
against the CC0 copy of the DGACM list in ../shared/samples/.

Usage: python tools/build_states_csv.py path/to/country_data.tsv > tracker/data/states.csv
"""

import csv
import sys

UN_SHORT = {
    "BOL": "Bolivia (Plurinational State of)", "VEN": "Venezuela (Bolivarian Republic of)",
    "IRN": "Iran (Islamic Republic of)", "FSM": "Micronesia (Federated States of)",
    "KOR": "Republic of Korea", "PRK": "Democratic People's Republic of Korea",
    "LAO": "Lao People's Democratic Republic", "MDA": "Republic of Moldova",
    "RUS": "Russian Federation", "SYR": "Syrian Arab Republic",
    "TZA": "United Republic of Tanzania",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "USA": "United States of America", "VNM": "Viet Nam", "CIV": "Côte d'Ivoire",
    "CZE": "Czechia", "MKD": "North Macedonia", "SWZ": "Eswatini", "TUR": "Türkiye",
    "NLD": "Netherlands (Kingdom of the)", "COD": "Democratic Republic of the Congo",
    "COG": "Congo", "CPV": "Cabo Verde", "BRN": "Brunei Darussalam", "GMB": "Gambia",
    "BHS": "Bahamas", "PSE": "State of Palestine", "VAT": "Holy See",
    "KNA": "Saint Kitts and Nevis", "LCA": "Saint Lucia",
    "VCT": "Saint Vincent and the Grenadines", "STP": "Sao Tome and Principe",
    "TLS": "Timor-Leste", "MMR": "Myanmar", "SDN": "Sudan", "SSD": "South Sudan",
    "CAF": "Central African Republic", "DOM": "Dominican Republic",
    "BIH": "Bosnia and Herzegovina", "ATG": "Antigua and Barbuda",
    "TTO": "Trinidad and Tobago", "GNB": "Guinea-Bissau", "GNQ": "Equatorial Guinea",
    "ARE": "United Arab Emirates", "SAU": "Saudi Arabia", "PNG": "Papua New Guinea",
    "MHL": "Marshall Islands", "SLB": "Solomon Islands", "LBY": "Libya",
    "EGY": "Egypt", "KGZ": "Kyrgyzstan", "SVK": "Slovakia", "CHN": "China",
}

SUBREGION = {  # coco's finest level -> (M49 region, M49 sub-region, intermediate region)
    "Northern Africa": ("Africa", "Northern Africa", ""),
    "Eastern Africa": ("Africa", "Sub-Saharan Africa", "Eastern Africa"),
    "Middle Africa": ("Africa", "Sub-Saharan Africa", "Middle Africa"),
    "Southern Africa": ("Africa", "Sub-Saharan Africa", "Southern Africa"),
    "Western Africa": ("Africa", "Sub-Saharan Africa", "Western Africa"),
    "Caribbean": ("Americas", "Latin America and the Caribbean", "Caribbean"),
    "Central America": ("Americas", "Latin America and the Caribbean", "Central America"),
    "South America": ("Americas", "Latin America and the Caribbean", "South America"),
    "Northern America": ("Americas", "Northern America", ""),
    "Central Asia": ("Asia", "Central Asia", ""),
    "Eastern Asia": ("Asia", "Eastern Asia", ""),
    "South-eastern Asia": ("Asia", "South-eastern Asia", ""),
    "Southern Asia": ("Asia", "Southern Asia", ""),
    "Western Asia": ("Asia", "Western Asia", ""),
    "Eastern Europe": ("Europe", "Eastern Europe", ""),
    "Northern Europe": ("Europe", "Northern Europe", ""),
    "Southern Europe": ("Europe", "Southern Europe", ""),
    "Western Europe": ("Europe", "Western Europe", ""),
    "Australia and New Zealand": ("Oceania", "Australia and New Zealand", ""),
    "Melanesia": ("Oceania", "Melanesia", ""),
    "Micronesia": ("Oceania", "Micronesia", ""),
    "Polynesia": ("Oceania", "Polynesia", ""),
}
# M49 places Sudan in Northern Africa.
SUBREGION_OVERRIDE = {"SDN": "Northern Africa"}

EEG_EXTRA = {"ALB", "BIH", "HRV", "MNE", "MKD", "SRB", "SVN", "EST", "LVA", "LTU",
             "GEO", "ARM", "AZE"}
CAUCASUS_ETC = {"ARM", "AZE", "GEO", "CYP", "TUR"}  # Western Asia, but not MENA


def un_group(iso3, region, sub):
    if region == "Africa":
        return "African Group"
    if sub == "Latin America and the Caribbean":
        return "GRULAC"
    if sub == "Eastern Europe" or iso3 in EEG_EXTRA:
        return "Eastern European Group"
    if iso3 in {"ISR", "TUR", "AUS", "NZL"} or region == "Europe" or sub == "Northern America":
        return "WEOG"
    return "Asia-Pacific Group"


def hrd_region(iso3, region, sub):
    if sub == "Sub-Saharan Africa":
        return "Africa"
    if sub == "Latin America and the Caribbean":
        return "Latin America and the Caribbean"
    arab_west_asia = sub == "Western Asia" and iso3 not in CAUCASUS_ETC
    if sub == "Northern Africa" or iso3 == "IRN" or arab_west_asia:
        return "Middle East and North Africa"
    if region == "Europe" or sub in {"Northern America", "Central Asia"} or iso3 in CAUCASUS_ETC:
        return "Europe, North America and Central Asia"
    return "Asia-Pacific"


def main(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["iso3", "m49", "name", "formal_name", "status", "member_since",
                  "m49_region", "m49_subregion", "m49_intermediate", "un_group",
                  "un_group_also", "hrd_region", "aliases"])
    for r in sorted(rows, key=lambda r: r["ISO3"]):
        iso3 = r["ISO3"]
        if not (r["UNmember"] or iso3 in {"VAT", "PSE"}):
            continue
        region, sub, inter = SUBREGION[SUBREGION_OVERRIDE.get(iso3, r["UNregion"])]
        name = UN_SHORT.get(iso3, r["name_short"])
        aliases = {r["name_short"], r["name_official"]} - {name}
        out.writerow([
            iso3, r["UNcode"].zfill(3), name, r["name_official"],
            "observer" if iso3 in {"VAT", "PSE"} else "member", r["UNmember"],
            region, sub, inter, un_group(iso3, region, sub),
            "Asia-Pacific Group" if iso3 == "TUR" else "",
            hrd_region(iso3, region, sub), "|".join(sorted(aliases)),
        ])


if __name__ == "__main__":
    main(sys.argv[1])
