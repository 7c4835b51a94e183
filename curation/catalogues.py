"""The sources and indicator catalogues, written by the curation into data/catalogue/."""

from __future__ import annotations

from curation import eurostat_zeros

# The upstream copies carry no download date; this is the day the project curated the extracts.
ACCESSED = "2026-11-27 (extract in shared/sources; upstream copy date not recorded)"

KOSOVO_IN_SERBIA = "UN DESA counts Kosovo inside Serbia: Serbia's figures include Kosovo."
DIOC_KOSOVO = "Kosovo has its own figure; Serbia's figure excludes Kosovo (unlike UN DESA)."
ABEL_COHEN_NOTES = ("Modelled estimate. Serbia and Montenegro appear together (SCG) before 2010. There are no "
                    "Kosovo rows: Serbia includes Kosovo, so Serbia's per-population rate uses the population "
                    "of Serbia and Kosovo together.")


def _derived_source(source_id: str, edition: str) -> dict:
    """The source of the figures curation/derived.py computes from one UN DESA edition."""
    return dict(id=source_id, short=f"Computed from UN DESA IMS {edition} and World Bank WDI", publisher="This dashboard",
                dataset=f"Indicators computed from UN DESA IMS {edition} and World Bank WDI population",
                edition=f"computed by curation/derived.py from the {edition} edition", url="",
                licence="CC BY 4.0 (inputs: CC BY 3.0 IGO and CC BY 4.0)",
                credit=f"Computed from UN DESA International Migrant Stock {edition} and World Bank WDI population.",
                notes="Definitions in the indicator catalogue. " + KOSOVO_IN_SERBIA)

SOURCES = [
    dict(id="un_desa_ims2024", short="UN DESA, International Migrant Stock 2024", publisher="UN DESA Population Division",
         dataset="International Migrant Stock 2024 (by destination, origin and sex; immigrants by age)",
         edition="2024 revision (released January 2025)",
         url="https://www.un.org/development/desa/pd/content/international-migrant-stock",
         licence="CC BY 3.0 IGO",
         credit="United Nations Department of Economic and Social Affairs, Population Division (2024). International Migrant Stock 2024.",
         notes="Taken from the per-destination files of the public repo kirillfandreev/migrantstock @ 6f8cd59 "
               "(International Migrant Stocks at a Glance, 13 April 2025). Revises every earlier year of the 2020 "
               "edition. " + KOSOVO_IN_SERBIA),
    dict(id="un_desa_ims2020", short="UN DESA, International Migrant Stock 2020", publisher="UN DESA Population Division",
         dataset="International Migrant Stock 2020 (by destination and origin; totals)",
         edition="2020 revision", url="https://www.un.org/development/desa/pd/content/international-migrant-stock",
         licence="CC BY 3.0 IGO",
         credit="United Nations Department of Economic and Social Affairs, Population Division (2020). International Migrant Stock 2020.",
         notes="Taken from the public repo X80110/migration-visualization @ cb840bd0. " + KOSOVO_IN_SERBIA),
    dict(id="wb_wdi_population", short="World Bank WDI", publisher="World Bank", dataset="World Development Indicators: Population, total (SP.POP.TOTL)",
         edition="WDI, series to 2024", url="https://data.worldbank.org/indicator/SP.POP.TOTL",
         licence="CC BY 4.0", credit="World Bank, World Development Indicators (SP.POP.TOTL).",
         notes="Via datasets/population @ 425fc447 (packaging ODC-PDDL)."),
    dict(id="wb_wdi", short="World Bank WDI", publisher="World Bank", dataset="World Development Indicators: net migration and personal remittances received",
         edition="WDI, series to 2024", url="https://databank.worldbank.org/source/world-development-indicators",
         licence="CC BY 4.0", credit="World Bank, World Development Indicators (SM.POP.NETM, BX.TRF.PWKR.CD.DT, BX.TRF.PWKR.DT.GD.ZS).",
         notes="Via open-numbers WDI @ 01a34e8b. Net migration comes from UN World Population Prospects; 2022 values are affected by refugees from Ukraine."),
    dict(id="knomad_2020", short="World Bank/KNOMAD, April 2020", publisher="World Bank / KNOMAD", dataset="Migrant remittance inflows (US$ million)",
         edition="April 2020 release", url="https://www.knomad.org/data/remittances",
         licence="CC BY 4.0", credit="World Bank / KNOMAD, Migrant remittance inflows, April 2020.",
         notes="Older edition kept for comparison; prefer the WDI series. 2019 values are estimates."),
    dict(id="abel_cohen_2019", short="Abel & Cohen (2019), modelled estimates", publisher="Abel, G. J. & Cohen, J. E.",
         dataset="Bilateral international migration flow estimates for 200 countries (closed, pseudo-Bayesian demographic accounting)",
         edition="Scientific Data 6:82 (2019); figshare 10.6084/m9.figshare.7731233", url="https://doi.org/10.6084/m9.figshare.7731233",
         licence="CC BY 4.0", credit="Abel, G. J. & Cohen, J. E. (2019). Bilateral international migration flow estimates for 200 countries. Scientific Data 6:82.",
         notes="Modelled estimates, not counts. Serbia and Montenegro appear together (SCG) before 2010."),
    dict(id="eurostat_migr_imm1ctz", short="Eurostat (migr_imm1ctz)", publisher="Eurostat", dataset="Immigration by age group, sex and citizenship (migr_imm1ctz)",
         edition="1998-2023 as in the processed copy", url="https://ec.europa.eu/eurostat/databrowser/view/migr_imm1ctz/default/table",
         licence="CC BY 4.0", credit="Eurostat.",
         notes="Via natix-x/Data-mining-in-Migration-Analysis @ 6934b51c; upstream sex/age filters not verified."),
    dict(id="eurostat_migr_resvalid", short="Eurostat (migr_resvalid)", publisher="Eurostat", dataset="All valid permits by reason, length of validity and citizenship on 31 December (most likely migr_resvalid)",
         edition="2008-2023 as in the processed copy", url="https://ec.europa.eu/eurostat/databrowser/view/migr_resvalid/default/table",
         licence="CC BY 4.0", credit="Eurostat.",
         notes="Via natix-x/Data-mining-in-Migration-Analysis @ 6934b51c; the exact dataset code is not confirmed."),
    dict(id="eurostat_migr_pop1ctz", short="Eurostat (migr_pop1ctz)", publisher="Eurostat", dataset="Population on 1 January by citizenship (migr_pop1ctz)",
         edition="2015-2024 as in the processed copy", url="https://ec.europa.eu/eurostat/databrowser/view/migr_pop1ctz/default/table",
         licence="CC BY 4.0", credit="Eurostat.", notes="Via natix-x/Data-mining-in-Migration-Analysis @ 6934b51c."),
    dict(id="eurostat_migr_asyappctza", short="Eurostat (migr_asyappctza)", publisher="Eurostat", dataset="Asylum applicants by citizenship (migr_asyappctza), all citizenships",
         edition="2013-2018", url="https://ec.europa.eu/eurostat/databrowser/view/migr_asyappctza/default/table",
         licence="CC BY 4.0", credit="Eurostat.", notes="Via rory81/eurostat-migration-db; summed over sex and age."),
    _derived_source("derived", "2024"),
    _derived_source("derived_ims2020", "2020"),
    dict(id="oecd_dioc_2015_16", short="OECD, DIOC 2015/16", publisher="OECD",
         dataset="Database on Immigrants in OECD and non-OECD Countries (DIOC) 2015/16, File A_2 (by country of birth, all OECD countries of residence)",
         edition="2015/16 (census round 2015/16)", url="https://www.oecd.org/els/mig/dioc.htm",
         licence="OECD data, free to reuse with attribution", credit="OECD, DIOC 2015/16.",
         notes="Taken from the public copy priya51096/ETC5513-Assignment-4- (data/DIOC_2015_16_File_A_2.csv), "
               "read with the OECD's code book (Methodology_public.pdf). " + DIOC_KOSOVO),
    dict(id="natural_earth", short="Natural Earth", publisher="Natural Earth", dataset="Admin 0 countries and admin 1 states, 1:10m",
         edition="v5.1.1, German point of view", url="https://www.naturalearthdata.com/",
         licence="Public domain", credit="Made with Natural Earth.", notes="Simplified for the screen by curation/geometry.py."),
    dict(id="gisco_nuts2024", short="Eurostat GISCO NUTS 2024", publisher="Eurostat GISCO", dataset="NUTS 2024, 1:20 million", edition="NUTS_RG_20M_2024_4326",
         url="https://ec.europa.eu/eurostat/web/gisco/geodata/statistical-units/territorial-units-statistics",
         licence="EuroGeographics terms; commercial use needs EuroGeographics' permission",
         credit="© EuroGeographics for the administrative boundaries.", notes=""),
]

STOCK, FLOW, RATE = "stock", "flow", "rate"
FIVE_YEARLY = "mid-year, every five years"
PERIOD = "five-year period ending in the year shown"

INDICATORS = [
    dict(id="emigrant_stock", label="Emigrants (born in the country, living abroad)",
         definition="People born in the country (or, where birth is unknown, its citizens) who live in another country at mid-year. Partner = country of residence; an empty partner means all destinations. Emigrants are not the same as the diaspora, which also counts descendants.",
         unit="persons", migration_type="Emigration", measure=STOCK, source_id="un_desa_ims2024", estimate="no",
         time_basis=FIVE_YEARLY, min_value="0", denominator="population", notes=KOSOVO_IN_SERBIA),
    dict(id="immigrant_stock", label="Immigrants (living in the country, born abroad)",
         definition="People living in the country at mid-year who were born in another country. Partner = country of birth; an empty partner means all origins, including unknown ones, so partners may not add up to the total.",
         unit="persons", migration_type="Immigration", measure=STOCK, source_id="un_desa_ims2024", estimate="no",
         time_basis=FIVE_YEARLY, min_value="0", denominator="population", notes=KOSOVO_IN_SERBIA),
    dict(id="population", label="Population", definition="All residents regardless of legal status or citizenship, mid-year.",
         unit="persons", migration_type="Population (context)", measure=STOCK, source_id="wb_wdi_population", estimate="no",
         time_basis="mid-year, annual", min_value="0"),
    dict(id="net_migration", label="Net migration", definition="Immigrants minus emigrants during the year, citizens and non-citizens together. A negative value means more people left than arrived.",
         unit="persons per year", migration_type="Net migration", measure=FLOW, source_id="wb_wdi", estimate="yes",
         time_basis="calendar year", denominator="population",
         notes="Modelled by UN World Population Prospects. 2022 values are affected by refugees from Ukraine."),
    dict(id="remittances_usd", label="Personal remittances received (US$)", definition="Personal transfers and compensation of employees received from abroad, in current US dollars.",
         unit="current US$", migration_type="Remittances", measure=FLOW, source_id="wb_wdi", estimate="no",
         time_basis="calendar year", min_value="0", denominator="population"),
    dict(id="remittances_pct_gdp", label="Personal remittances received (% of GDP)", definition="Personal remittances received as a share of gross domestic product.",
         unit="% of GDP", migration_type="Remittances", measure=RATE, source_id="wb_wdi", estimate="no",
         time_basis="calendar year", min_value="0", max_value="100"),
    dict(id="remittances_usd_knomad2020", label="Migrant remittance inflows, KNOMAD April 2020 (US$ million)",
         definition="Migrant remittance inflows as published in the April 2020 KNOMAD release. An older edition, kept to compare with WDI.",
         unit="US$ million", migration_type="Remittances", measure=FLOW, source_id="knomad_2020", estimate="no",
         time_basis="calendar year", min_value="0", notes="2019 values are flagged as estimates by the publisher. Montenegro 2019 (1,376) disagrees with WDI (584)."),
    dict(id="emigration_flow_5yr", label="People leaving the country over five years (estimate)",
         definition="Modelled number of all people who moved from the country to the partner country during the five-year period, whatever their country of birth. An empty partner is the sum over partners.",
         unit="persons per five years", migration_type="Emigration", measure=FLOW, source_id="abel_cohen_2019", estimate="yes",
         time_basis=PERIOD, min_value="0", denominator="population", notes=ABEL_COHEN_NOTES),
    dict(id="native_outflow_5yr", label="People born in the country leaving it over five years (estimate)",
         definition="Modelled number of people born in the country who left it for the partner country during the five-year period. An empty partner is the sum over partners.",
         unit="persons per five years", migration_type="Emigration", measure=FLOW, source_id="abel_cohen_2019", estimate="yes",
         time_basis=PERIOD, min_value="0", denominator="population", notes=ABEL_COHEN_NOTES),
    dict(id="immigration_flow_5yr", label="People arriving in the country over five years (estimate)",
         definition="Modelled number of all people who moved into the country from the partner country during the five-year period, returning natives included. An empty partner is the sum over partners.",
         unit="persons per five years", migration_type="Immigration", measure=FLOW, source_id="abel_cohen_2019", estimate="yes",
         time_basis=PERIOD, min_value="0", denominator="population", notes=ABEL_COHEN_NOTES),
    dict(id="return_flow_5yr", label="People returning to their country of birth over five years (estimate)",
         definition="Modelled number of people born in the country who moved back to it from the partner country during the five-year period. An empty partner is the sum over partners.",
         unit="persons per five years", migration_type="Return", measure=FLOW, source_id="abel_cohen_2019", estimate="yes",
         time_basis=PERIOD, min_value="0", denominator="population", notes=ABEL_COHEN_NOTES),
    dict(id="immigration_by_citizenship", label="Immigrants during the year, by citizenship",
         definition="People who took up usual residence in the reporting country during the year, by citizenship (partner). An empty partner means all citizenships. The country's own citizens are shown as returning nationals, not as a partner.",
         unit="persons per year", migration_type="Immigration", measure=FLOW, source_id="eurostat_migr_imm1ctz", estimate="no",
         time_basis="calendar year", min_value="0", denominator="population"),
    dict(id="returning_nationals", label="Returning nationals (citizens immigrating into their own country)",
         definition="Immigrants during the year whose citizenship is that of the reporting country: citizens coming (back) to live in their own country.",
         unit="persons per year", migration_type="Return", measure=FLOW, source_id="eurostat_migr_imm1ctz", estimate="no",
         time_basis="calendar year", min_value="0", denominator="population", notes="Citizenship, not country of birth: some returning nationals were born abroad."),
    dict(id="residence_permits_abroad", label="Citizens holding a valid residence permit in an EU/EFTA country",
         definition="Valid residence permits on 31 December held by citizens of the country in the partner (EU/EFTA reporting) country. A stock, not first permits.",
         unit="permits", migration_type="Emigration", measure=STOCK, source_id="eurostat_migr_resvalid", estimate="no",
         time_basis="31 December, annual", min_value="0", notes="Only EU/EFTA countries report; no total over destinations is given because the reporting set changes."),
    dict(id="residence_permits_foreigners", label="Valid residence permits held by foreign citizens in the country",
         definition="Valid residence permits on 31 December held in the reporting country by citizens of the partner country. An empty partner means all citizenships.",
         unit="permits", migration_type="Immigration", measure=STOCK, source_id="eurostat_migr_resvalid", estimate="no",
         time_basis="31 December, annual", min_value="0", notes="Reported only by EU members of the region (Bulgaria, Croatia, Romania)."),
    dict(id="population_by_citizenship", label="Population by citizenship",
         definition="Residents of the reporting country on 1 January by citizenship (partner). Partner equal to the country means its own citizens; an empty partner means all residents.",
         unit="persons", migration_type="Immigration", measure=STOCK, source_id="eurostat_migr_pop1ctz", estimate="no",
         time_basis="1 January, annual", min_value="0"),
    dict(id="citizens_resident_in_eu_efta", label="Citizens living in an EU/EFTA country",
         definition="Citizens of the country who were usual residents of the partner (reporting) country on 1 January. Counts citizenship, not birth: naturalised emigrants are not included.",
         unit="persons", migration_type="Emigration", measure=STOCK, source_id="eurostat_migr_pop1ctz", estimate="no",
         time_basis="1 January, annual", min_value="0", notes="Only countries that report to Eurostat; no total over destinations."),
    dict(id="asylum_applicants", label="Asylum applicants received", definition="Asylum applicants of all citizenships registered in the country during the year, summed over sex and age.",
         unit="persons per year", migration_type="Asylum", measure=FLOW, source_id="eurostat_migr_asyappctza", estimate="no",
         time_basis="calendar year", min_value="0", denominator="population"),
    dict(id="emigrants_share_of_population", label="Emigrants as a share of the resident population",
         definition="Emigrant stock (UN DESA) divided by the resident population in the same year (World Bank), times 100. For Serbia the population of Kosovo is added to the denominator, because UN DESA counts Kosovo inside Serbia.",
         unit="% of residents", migration_type="Emigration", measure=RATE, source_id="derived", estimate="no",
         time_basis=FIVE_YEARLY, min_value="0", notes=KOSOVO_IN_SERBIA),
    dict(id="share_of_native_born_abroad", label="Share of people born in the country who live abroad",
         definition="Emigrants divided by all people born in the country, wherever they live: emigrants / (emigrants + population - immigrants), times 100. This is the 'share living outside their country of origin'.",
         unit="% of native-born", migration_type="Emigration", measure=RATE, source_id="derived", estimate="no",
         time_basis=FIVE_YEARLY, min_value="0", max_value="100", notes=KOSOVO_IN_SERBIA + " Serbia's population includes Kosovo's here."),
    dict(id="immigrants_share_of_population", label="Immigrants as a share of the population",
         definition="Immigrant stock (UN DESA) divided by the resident population in the same year (World Bank), times 100. For Serbia the denominator includes Kosovo, as in UN DESA.",
         unit="% of residents", migration_type="Immigration", measure=RATE, source_id="derived", estimate="no",
         time_basis=FIVE_YEARLY, min_value="0", max_value="100", notes=KOSOVO_IN_SERBIA),
    dict(id="emigrants_female_share", label="Women among emigrants",
         definition="Women born in the country who live in another country, divided by all its emigrants (UN DESA, by sex), times 100.",
         unit="% of emigrants", migration_type="Emigration", measure=RATE, source_id="derived", estimate="no",
         time_basis=FIVE_YEARLY, min_value="0", max_value="100", notes=KOSOVO_IN_SERBIA),
    dict(id="immigrants_female_share", label="Women among immigrants",
         definition="Women living in the country who were born in another country, divided by all its immigrants (UN DESA, by sex), times 100.",
         unit="% of immigrants", migration_type="Immigration", measure=RATE, source_id="derived", estimate="no",
         time_basis=FIVE_YEARLY, min_value="0", max_value="100", notes=KOSOVO_IN_SERBIA),
    dict(id="emigrant_share_by_destination", label="Share of emigrants living in each destination",
         definition="Emigrants living in the partner country divided by all emigrants of the country (UN DESA totals), times 100.",
         unit="% of emigrants", migration_type="Emigration", measure=RATE, source_id="derived", estimate="no",
         time_basis=FIVE_YEARLY, min_value="0", max_value="100", notes=KOSOVO_IN_SERBIA),
    dict(id="emigrant_destination_rank", label="Top destinations of emigrants (rank)",
         definition="Rank of the partner country among the places where the country's emigrants live (1 = the most emigrants), for the ten largest destinations.",
         unit="rank", migration_type="Emigration", measure="rank", source_id="derived", estimate="no",
         time_basis=FIVE_YEARLY, min_value="1", max_value="10", notes=KOSOVO_IN_SERBIA),
]

# OECD DIOC 2015/16 (curation/dioc.py): one census round, so one edition of each series.
DIOC_NOTE = ("People living in OECD countries, census round 2015/16. " + DIOC_KOSOVO + " People born in former "
             "Yugoslavia whose republic is not stated are left out.")
DIOC_EMIGRANTS = "People born in the country, aged 25–64, who live in an OECD country"
DIOC_EDUCATION = {
    "low": ("with low education (ISCED 0–2)", " and have at most lower secondary education (ISCED 0–2)."),
    "medium": ("with medium education (ISCED 3–4)", " and have upper secondary or post-secondary non-tertiary education (ISCED 3–4)."),
    "high": ("with tertiary education (ISCED 5–8)", " and have tertiary education (ISCED 5–8)."),
    "unknown": ("whose education is not known", " and whose level of education is not known."),
}
_DIOC_COMMON = dict(migration_type="Emigration", source_id="oecd_dioc_2015_16", estimate="no",
                    time_basis="census round 2015/16", min_value="0", notes=DIOC_NOTE, edition="2015/16")
INDICATORS += [
    dict(id="oecd_emigrants_25_64", label="Emigrants aged 25–64 living in OECD countries",
         definition=DIOC_EMIGRANTS + ", whatever their citizenship there. Emigrants living outside the OECD are not counted.",
         unit="persons", measure=STOCK, **_DIOC_COMMON),
    *(dict(id=f"oecd_emigrants_25_64_{level}_education", label=f"Emigrants aged 25–64 in OECD countries {label}",
           definition=DIOC_EMIGRANTS + ending, unit="persons", measure=STOCK, **_DIOC_COMMON)
      for level, (label, ending) in DIOC_EDUCATION.items()),
    dict(id="oecd_emigrants_tertiary_share", label="Share with tertiary education among emigrants aged 25–64 in OECD countries",
         definition="People with tertiary education (ISCED 5–8) divided by all people born in the country, aged 25–64 "
                    "and living in an OECD country, whose education is known, times 100.",
         unit="% of emigrants with known education", measure=RATE, max_value="100", **_DIOC_COMMON),
]
for _indicator in INDICATORS[-6:]:
    _indicator["series"] = _indicator["id"]

# What each indicator does in the app, as catalogue columns (components/catalogue.py ROLE_COLUMNS):
# the one opened first for its migration type, the order of the Overview's headline figures, of the
# Compare page's panels and of a country profile's trend charts (which a profile slide may show),
# and the fact it gives a country profile. Only the newest edition of a series has roles; an older
# one is chosen on purpose.
ROLES = {
    "emigrant_stock": dict(default_for_type="yes", headline_order="1", profile_fact="emigrants",
                           profile_chart_order="1"),
    "immigrant_stock": dict(default_for_type="yes", profile_fact="immigrants"),
    "population": dict(headline_order="3", profile_fact="population"),
    "net_migration": dict(default_for_type="yes", headline_order="4", compare_order="4", profile_fact="net_migration",
                          profile_chart_order="4"),
    "remittances_usd": dict(profile_fact="remittances_usd"),
    "remittances_pct_gdp": dict(default_for_type="yes", headline_order="5", compare_order="5",
                                profile_fact="remittances_gdp", profile_chart_order="2"),
    "return_flow_5yr": dict(default_for_type="yes", profile_fact="returns", profile_chart_order="3"),
    "returning_nationals": dict(profile_fact="returning_nationals"),
    "share_of_native_born_abroad": dict(headline_order="2", compare_order="1", profile_fact="share_abroad"),
    "emigrants_share_of_population": dict(compare_order="2"),
    "immigrants_share_of_population": dict(compare_order="3"),
    "emigrants_female_share": dict(compare_order="6", profile_fact="women_emigrants"),
    "immigrants_female_share": dict(compare_order="7", profile_fact="women_immigrants"),
    "oecd_emigrants_25_64": dict(profile_fact="oecd_emigrants"),
    "oecd_emigrants_tertiary_share": dict(compare_order="8", profile_fact="tertiary_share"),
}
for _indicator in INDICATORS:
    _indicator.update(ROLES.get(_indicator["id"], {}))
assert {i["id"] for i in INDICATORS} >= set(ROLES), "a role names an indicator the catalogue lacks"


# UN DESA's editions. The newest keeps the plain indicator ids, so every page opens on it; an
# older edition's indicators carry its suffix and name the series they belong to, and the app
# lets a reader choose the edition of a series without ever joining two editions into one line.
NEWEST_EDITION = "2024"
OLDER_EDITIONS = {"2020": ("_ims2020", {"un_desa_ims2024": "un_desa_ims2020", "derived": "derived_ims2020"})}
# Series that exist in the older edition too (the 2020 extract has no breakdown by sex).
SERIES_IN_BOTH = ("emigrant_stock", "immigrant_stock", "emigrants_share_of_population", "share_of_native_born_abroad",
                  "immigrants_share_of_population", "emigrant_share_by_destination", "emigrant_destination_rank")


def _with_editions(indicators: list[dict]) -> list[dict]:
    result = []
    for indicator in indicators:
        result.append(indicator)
        if indicator["source_id"] not in ("un_desa_ims2024", "derived"):
            continue
        indicator.update(series=indicator["id"], edition=NEWEST_EDITION)
        if indicator["id"] not in SERIES_IN_BOTH:
            continue
        for edition, (suffix, sources) in OLDER_EDITIONS.items():
            older = dict(indicator, id=indicator["id"] + suffix, source_id=sources[indicator["source_id"]],
                         edition=edition)
            for role in ROLES.get(indicator["id"], {}):
                older.pop(role)
            result.append(older)
    return result


INDICATORS = _with_editions(INDICATORS)

for _source in SOURCES:
    _source.setdefault("date_accessed", ACCESSED)

# The rules that read Eurostat zeros as 'not available' (curation/eurostat_zeros.py) are part of
# what these indicators mean, so their notes state them.
for _indicator in INDICATORS:
    if _indicator["id"] in eurostat_zeros.INDICATORS:
        _indicator["notes"] = " ".join(filter(None, [_indicator.get("notes", ""),
                                                     eurostat_zeros.catalogue_note(_indicator["id"])]))
