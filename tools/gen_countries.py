#!/usr/bin/env python3
"""Generate dict/countries.tsv.

Sources (read at generation time only; the build never downloads anything):
  * ISO 3166-1 codes and names: /usr/share/iso-codes/json/iso_3166-1.json
    (Debian package `iso-codes`, LGPL-2.1+; the codes and names are facts of
    the ISO standard).
  * Capitals, alternative official names, fallback demonyms: the PyPI
    package `countryinfo` (MIT).
  * CAMEO codes where they differ from ISO alpha-3 (TMP, KSV, SUN, YUG, SCG,
    CSK, DDR): as used by PETRARCH2's Phoenix.Countries.actors.txt (MIT, Open
    Event Data Alliance) -- codes only, no text copied.
  * Everything else (adjectives, demonyms, abbreviations, historical names,
    metonyms, collision exclusions): the hand-written tables below.

Usage:  python3 -m venv /tmp/v && /tmp/v/bin/pip install countryinfo
        /tmp/v/bin/python tools/gen_countries.py [--out dict/countries.tsv]
"""
import argparse
import json
import os
import re
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# ISO alpha-3 -> CAMEO code where CAMEO (as used by PETRARCH2) differs.
CAMEO_CODE = {"TLS": "TMP"}

# Non-sovereign entries of ISO 3166-1 (dependencies, special areas).  They
# get no metonyms (they have no foreign policy of their own).
TERRITORIES = set("""ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM
ESH FLK FRO GGY GIB GLP GRL GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT
NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA TKL UMI VGB VIR WLF""".split())

# ---------------------------------------------------------------------------
# Hand-written table.  One line per code:
#   CODE | name | extra aliases | adjectives & demonyms | capital | metonyms
# Empty name/capital = take from the sources.  Empty adjectives = use the
# countryinfo demonym (territories only; every sovereign state is listed).
# Metonyms: empty = the capital (sovereign states only); "-" = none.
# The capital is always listed first in metonyms unless excluded in
# NO_CAPITAL_METONYM.
# ---------------------------------------------------------------------------
TABLE = r"""
AFG||Islamic Emirate of Afghanistan|Afghan;Afghans|Kabul|
ALB|||Albanian;Albanians|Tirana|Tirana;Tirane
DZA|||Algerian;Algerians|Algiers|
AND|||Andorran;Andorrans|Andorra la Vella|
AGO|||Angolan;Angolans|Luanda|
ATG||Antigua|Antiguan;Antiguans;Barbudan;Barbudans|Saint John's|
ARG||Argentine Republic|Argentine;Argentines;Argentinian;Argentinians;Argentinean;Argentineans|Buenos Aires|Buenos Aires;Casa Rosada
ARM|||Armenian;Armenians|Yerevan|
AUS||Commonwealth of Australia|Australian;Australians;Aussie;Aussies|Canberra|
AUT|||Austrian;Austrians|Vienna|
AZE|||Azerbaijani;Azerbaijanis;Azeri;Azeris|Baku|
BHS|The Bahamas|Bahamas|Bahamian;Bahamians|Nassau|
BHR|||Bahraini;Bahrainis|Manama|
BGD||East Pakistan|Bangladeshi;Bangladeshis|Dhaka|Dhaka;Dacca
BRB|||Barbadian;Barbadians;Bajan;Bajans|Bridgetown|
BLR||Byelorussia;Belorussia;White Russia|Belarusian;Belarusians;Belarussian;Belarussians;Byelorussian;Byelorussians;Belorussian;Belorussians|Minsk|
BEL|||Belgian;Belgians|-|-
BLZ||British Honduras|Belizean;Belizeans|Belmopan|
BEN||Dahomey|Beninese|Porto-Novo|Porto-Novo;Cotonou
BTN|||Bhutanese|Thimphu|
BOL|||Bolivian;Bolivians|Sucre|La Paz;Sucre
BIH||Bosnia-Herzegovina;Bosnia;BiH|Bosnian;Bosnians;Bosniak;Bosniaks;Herzegovinian|Sarajevo|
BWA||Bechuanaland|Botswanan;Botswanans;Motswana;Batswana|Gaborone|
BRA|||Brazilian;Brazilians|Brasilia|Brasilia;Brasília;Planalto;Planalto Palace
BRN||Brunei Darussalam|Bruneian;Bruneians|Bandar Seri Begawan|
BGR|||Bulgarian;Bulgarians|Sofia|
BFA||Upper Volta|Burkinabe;Burkinabè;Burkinabes|Ouagadougou|
BDI|||Burundian;Burundians|Gitega|Gitega;Bujumbura
CPV|Cabo Verde|Cape Verde|Cape Verdean;Cape Verdeans;Cabo Verdean;Cabo Verdeans|Praia|
KHM||Kampuchea|Cambodian;Cambodians;Kampuchean;Kampucheans|Phnom Penh|
CMR|||Cameroonian;Cameroonians|Yaounde|Yaounde;Yaoundé
CAN|||Canadian;Canadians|Ottawa|
CAF||Central African Rep.|-|Bangui|
TCD||Tchad|Chadian;Chadians|N'Djamena|N'Djamena;Ndjamena
CHL|||Chilean;Chileans|Santiago|
CHN||PRC;P.R.C.;Mainland China;Red China;Communist China|Chinese;Sino;Uyghur;Uighur;Tibetan;Tibetans|Beijing|Beijing;Peking;Zhongnanhai
COL|||Colombian;Colombians|Bogota|Bogota;Bogotá;Casa de Nariño;Casa de Narino
COM|||Comoran;Comorans;Comorian;Comorians|Moroni|-
COD|Democratic Republic of the Congo|Democratic Republic of Congo;DR Congo;D.R. Congo;DRC;D.R.C.;Congo;Congo-Kinshasa;Congo Kinshasa;Zaire|Congolese;Zairean;Zaireans;Zairian;Zairians|Kinshasa|
COG|Republic of the Congo|Republic of Congo;Congo Republic;Congo-Brazzaville;Congo Brazzaville|-|Brazzaville|
CRI|||Costa Rican;Costa Ricans|San Jose|San Jose;San José
CIV|Côte d'Ivoire|Ivory Coast;Cote d'Ivoire;Cote dIvoire|Ivorian;Ivorians|Yamoussoukro|Yamoussoukro;Abidjan
HRV|||Croatian;Croatians;Croat;Croats|Zagreb|
CUB|||Cuban;Cubans|Havana|
CYP|||Cypriot;Cypriots|Nicosia|
CZE|Czech Republic|Czechia|Czech;Czechs|Prague|
DNK|||Danish;Dane;Danes|Copenhagen|
DJI|||Djiboutian;Djiboutians|Djibouti|-
DMA|||-|Roseau|
DOM|||Dominican;Dominicans|Santo Domingo|
ECU|||Ecuadorian;Ecuadorians;Ecuadorean;Ecuadoreans|Quito|Quito;Carondelet Palace
EGY|||Egyptian;Egyptians|Cairo|
SLV|||Salvadoran;Salvadorans;Salvadorean;Salvadoreans|San Salvador|
GNQ|||Equatorial Guinean;Equatorial Guineans;Equatoguinean;Equatoguineans|Malabo|
ERI|||Eritrean;Eritreans|Asmara|
EST|||Estonian;Estonians|Tallinn|
SWZ|Eswatini|Swaziland;Kingdom of Swaziland;eSwatini|Swazi;Swazis|Mbabane|Mbabane;Lobamba
ETH||Abyssinia|Ethiopian;Ethiopians;Tigrayan;Tigrayans|Addis Ababa|
FJI|||Fijian;Fijians|Suva|
FIN|||Finnish;Finns|Helsinki|
FRA|||French;Frenchman;Frenchmen|Paris|Paris;Elysee;Élysée;Elysée;Elysee Palace;Élysée Palace;Quai d'Orsay;Matignon
GAB|||Gabonese|Libreville|
GMB|The Gambia|Gambia|Gambian;Gambians|Banjul|
GEO||Sakartvelo|Georgian;Georgians|Tbilisi|
DEU||West Germany;FRG|German;Germans|Berlin|Berlin;Bundeskanzleramt
GHA|||Ghanaian;Ghanaians|Accra|
GRC||Hellas|Greek;Greeks;Hellenic|Athens|Athens;Maximos Mansion
GRD|||Grenadian;Grenadians|St. George's|-
GTM|||Guatemalan;Guatemalans|Guatemala City|
GIN||Guinea-Conakry;Guinea Conakry|Guinean;Guineans|Conakry|
GNB|||Bissau-Guinean;Bissau-Guineans|Bissau|
GUY||British Guiana|Guyanese|Georgetown|-
HTI|||Haitian;Haitians|Port-au-Prince|
HND|||Honduran;Hondurans|Tegucigalpa|
HUN|||Hungarian;Hungarians|Budapest|
ISL|||Icelandic;Icelander;Icelanders|Reykjavik|Reykjavik;Reykjavík
IND||Bharat|Indian;Indians|New Delhi|New Delhi;South Block;Raisina Hill
IDN|||Indonesian;Indonesians|Jakarta|
IRN||Persia|Iranian;Iranians|Tehran|Tehran;Teheran;the Islamic Republic
IRQ|||Iraqi;Iraqis|Baghdad|
IRL||Eire;Éire|Irish;Irishman;Irishmen|Dublin|
ISR|||Israeli;Israelis|Jerusalem|Jerusalem
ITA|||Italian;Italians|Rome|Rome;Palazzo Chigi;Farnesina;Quirinale;Quirinal
JAM|||Jamaican;Jamaicans|Kingston|-
JPN|||Japanese|Tokyo|Tokyo;Kantei;Kasumigaseki
JOR|||Jordanian;Jordanians|Amman|
KAZ|||Kazakh;Kazakhs;Kazakhstani;Kazakhstanis|Astana|Astana;Nur-Sultan;Akorda
KEN|||Kenyan;Kenyans|Nairobi|
KIR|||I-Kiribati|South Tarawa|-
PRK|North Korea|DPRK;D.P.R.K.|North Korean;North Koreans|Pyongyang|
KOR|South Korea|ROK;R.O.K.;Korea|South Korean;South Koreans;Korean;Koreans|Seoul|Seoul;Blue House;Cheong Wa Dae
KWT|||Kuwaiti;Kuwaitis|Kuwait City|
KGZ||Kirghizia|Kyrgyz;Kyrgyzstani;Kyrgyzstanis;Kirghiz|Bishkek|
LAO|Laos|Lao PDR|Lao;Laotian;Laotians|Vientiane|
LVA|||Latvian;Latvians|Riga|
LBN|||Lebanese|Beirut|Beirut;Baabda
LSO||Basutoland|Basotho;Mosotho|Maseru|
LBR|||Liberian;Liberians|Monrovia|
LBY|||Libyan;Libyans|Tripoli|
LIE|||Liechtensteiner;Liechtensteiners|Vaduz|
LTU|||Lithuanian;Lithuanians|Vilnius|
LUX|||Luxembourgish;Luxembourger;Luxembourgers|Luxembourg|-
MDG|||Malagasy;Madagascan;Madagascans|Antananarivo|
MWI||Nyasaland|Malawian;Malawians|Lilongwe|
MYS||Malaya|Malaysian;Malaysians|Kuala Lumpur|Kuala Lumpur;Putrajaya
MDV|||Maldivian;Maldivians|Malé|-
MLI|||Malian;Malians|Bamako|
MLT|||Maltese|Valletta|
MHL|||Marshallese|Majuro|
MRT|||Mauritanian;Mauritanians|Nouakchott|
MUS|||Mauritian;Mauritians|Port Louis|
MEX|||Mexican;Mexicans|Mexico City|Mexico City;Palacio Nacional
FSM|Micronesia|Federated States of Micronesia|Micronesian;Micronesians|Palikir|
MDA||Moldavia|Moldovan;Moldovans|Chisinau|Chisinau;Chișinău;Kishinev
MCO|||Monegasque;Monegasques|Monaco|-
MNG|||Mongolian;Mongolians|Ulaanbaatar|Ulaanbaatar;Ulan Bator
MNE|||Montenegrin;Montenegrins|Podgorica|
MAR|||Moroccan;Moroccans|Rabat|
MOZ|||Mozambican;Mozambicans|Maputo|
MMR||Burma|Burmese;Rohingya|Naypyidaw|Naypyidaw;Nay Pyi Taw;Naypyitaw
NAM||South West Africa|Namibian;Namibians|Windhoek|
NRU|||Nauruan;Nauruans|Yaren|-
NPL|||Nepalese;Nepali;Nepalis|Kathmandu|
NLD|Netherlands|The Netherlands;Holland|Dutch;Dutchman;Dutchmen|Amsterdam|-
NZL||Aotearoa|New Zealander;New Zealanders|Wellington|
NIC|||Nicaraguan;Nicaraguans|Managua|
NER|||Nigerien;Nigeriens|Niamey|
NGA|||Nigerian;Nigerians|Abuja|
MKD|North Macedonia|Macedonia;FYROM;Former Yugoslav Republic of Macedonia;Republic of Macedonia|North Macedonian;North Macedonians;Macedonian;Macedonians|Skopje|
NOR|||Norwegian;Norwegians|Oslo|
OMN|||Omani;Omanis|Muscat|
PAK|||Pakistani;Pakistanis|Islamabad|
PLW|||Palauan;Palauans|Ngerulmud|-
PSE|Palestine|State of Palestine;Palestinian territories;Occupied Palestinian Territories|Palestinian;Palestinians;Gazan;Gazans|Ramallah|
PAN|||Panamanian;Panamanians|Panama City|
PNG|||Papua New Guinean;Papua New Guineans|Port Moresby|
PRY|||Paraguayan;Paraguayans|Asuncion|Asuncion;Asunción
PER|||Peruvian;Peruvians|Lima|
PHL||The Philippines|Philippine;Filipino;Filipinos;Filipina;Filipinas|Manila|Manila;Malacañang;Malacanang
POL|||Polish;Poles|Warsaw|
PRT|||Portuguese|Lisbon|
QAT|||Qatari;Qataris|Doha|
ROU||Rumania;Roumania|Romanian;Romanians|Bucharest|Bucharest;Cotroceni
RUS|Russia||Russian;Russians;Russo;Chechen;Chechens|Moscow|Moscow;Kremlin;the Kremlin
RWA|||Rwandan;Rwandans;Rwandese|Kigali|
KNA||St Kitts and Nevis;St. Kitts and Nevis;St Kitts;St. Kitts;Saint Kitts|Kittitian;Kittitians;Nevisian;Nevisians|Basseterre|
LCA||St Lucia;St. Lucia|Saint Lucian;Saint Lucians;St Lucian;St Lucians;St. Lucian;St. Lucians|Castries|
VCT||St Vincent and the Grenadines;St. Vincent and the Grenadines;St Vincent;St. Vincent;Saint Vincent|Vincentian;Vincentians|Kingstown|
WSM||Western Samoa|Samoan;Samoans|Apia|
SMR|||Sammarinese|San Marino|-
STP|São Tomé and Príncipe|Sao Tome and Principe;Sao Tome|Santomean;Santomeans;Sao Tomean;Sao Tomeans|São Tomé|Sao Tome;São Tomé
SAU||KSA|Saudi;Saudis;Saudi Arabian;Saudi Arabians|Riyadh|
SEN|||Senegalese|Dakar|
SRB|||Serbian;Serbians;Serb;Serbs|Belgrade|
SYC|||Seychellois|Victoria|-
SLE|||Sierra Leonean;Sierra Leoneans|Freetown|
SGP|||Singaporean;Singaporeans|Singapore|-
SVK|||Slovak;Slovaks;Slovakian;Slovakians|Bratislava|
SVN|||Slovenian;Slovenians;Slovene;Slovenes|Ljubljana|
SLB|||Solomon Islander;Solomon Islanders|Honiara|
SOM|||Somali;Somalis;Somalian;Somalians|Mogadishu|Mogadishu;Villa Somalia
ZAF||RSA|South African;South Africans|Pretoria|Pretoria;Union Buildings
SSD|||South Sudanese|Juba|
ESP|||Spanish;Spaniard;Spaniards;Catalan;Catalans;Basque;Basques|Madrid|Madrid;Moncloa;La Moncloa
LKA||Ceylon|Sri Lankan;Sri Lankans|Sri Jayawardenepura Kotte|Colombo
SDN|||Sudanese|Khartoum|
SUR||Dutch Guiana|Surinamese;Surinamer;Surinamers|Paramaribo|
SWE|||Swedish;Swede;Swedes|Stockholm|Stockholm;Rosenbad
CHE|||Swiss|Bern|Bern;Berne
SYR|||Syrian;Syrians|Damascus|
TWN|Taiwan|Republic of China;ROC;Formosa;Chinese Taipei|Taiwanese|Taipei|
TJK|||Tajik;Tajiks;Tajikistani;Tajikistanis|Dushanbe|
TZA|Tanzania|Tanganyika|Tanzanian;Tanzanians|Dodoma|Dodoma
THA||Siam|Thai;Thais|Bangkok|Bangkok
TLS|Timor-Leste|East Timor;Timor Leste|Timorese;East Timorese|Dili|
TGO|||Togolese|Lome|Lome;Lomé
TON|||Tongan;Tongans|Nuku'alofa|
TTO|||Trinidadian;Trinidadians;Tobagonian;Tobagonians|Port of Spain|
TUN|||Tunisian;Tunisians|Tunis|Tunis;Carthage Palace
TUR|Turkey|Türkiye;Turkiye;Republic of Türkiye;Republic of Turkiye|Turkish;Turk;Turks|Ankara|Ankara;Cankaya;Çankaya
TKM|||Turkmen;Turkmens;Turkmenistani;Turkmenistanis|Ashgabat|Ashgabat;Ashkhabad
TUV|||Tuvaluan;Tuvaluans|Funafuti|-
UGA|||Ugandan;Ugandans|Kampala|
UKR||Ukraina;The Ukraine|Ukrainian;Ukrainians;Crimean;Crimeans|Kyiv|Kyiv;Kiev;Bankova
ARE||UAE;U.A.E.|Emirati;Emiratis|Abu Dhabi|
GBR|United Kingdom|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland;England;Scotland;Wales;Northern Ireland|British;Briton;Britons;Brit;Brits|London|London;Downing Street;Number 10;No. 10;Whitehall
USA|United States|US;U.S.;USA;U.S.A.;United States of America;America|American;Americans|Washington|Washington;White House;the White House;Foggy Bottom
URY|||Uruguayan;Uruguayans|Montevideo|
UZB|||Uzbek;Uzbeks;Uzbekistani;Uzbekistanis|Tashkent|
VUT||New Hebrides|Ni-Vanuatu|Port Vila|
VAT|Vatican City|Holy See;Vatican;Vatican City State;Holy See (Vatican City State)|-|Vatican City|Vatican;the Vatican;Holy See
VEN|Venezuela||Venezuelan;Venezuelans|Caracas|Caracas;Miraflores Palace
VNM|Vietnam|Viet Nam;Socialist Republic of Vietnam|Vietnamese|Hanoi|
YEM|||Yemeni;Yemenis|Sanaa|Sanaa;Sana'a;Aden
ZMB||Northern Rhodesia|Zambian;Zambians|Lusaka|
ZWE||Rhodesia;Southern Rhodesia|Zimbabwean;Zimbabweans|Harare|
BOL|Bolivia||||
IRN|Iran||||
MDA|Moldova||||
SYR|Syria||||
BRN|Brunei||||
ABW|||Aruban;Arubans|Oranjestad|
AIA|||Anguillan;Anguillans|The Valley|
ALA|Åland Islands|Aland Islands;Aland|Ålander;Alander|Mariehamn|
ASM|||American Samoan;American Samoans|Pago Pago|
ATA|||-|-|
ATF||French Southern Territories|-|Port-aux-Français|
BES|Caribbean Netherlands|Bonaire, Sint Eustatius and Saba;Bonaire;Sint Eustatius;BES islands||Kralendijk|
BLM|Saint Barthélemy|Saint Barthelemy;St. Barts;St Barts;St. Barths||Gustavia|
BMU|Bermuda||Bermudian;Bermudians|Hamilton|
BVT|||-|-|
CCK|Cocos (Keeling) Islands|Cocos Islands;Keeling Islands|Cocos Islander;Cocos Islanders|West Island|
COK|||Cook Islander;Cook Islanders|Avarua|
CUW|Curaçao|Curacao|Curaçaoan;Curacaoan|Willemstad|
CXR|||Christmas Islander|Flying Fish Cove|
CYM|||Caymanian;Caymanians|George Town|
ESH||Sahrawi Arab Democratic Republic|Sahrawi;Sahrawis;Saharawi;Saharawis|Laayoune|
FLK|Falkland Islands|Falklands;Malvinas;Islas Malvinas|Falkland Islander;Falkland Islanders|Stanley|
FRO|||Faroese|Torshavn|
GGY|||Guernseyman|Saint Peter Port|
GIB|||Gibraltarian;Gibraltarians|Gibraltar|
GLP|||Guadeloupean|Basse-Terre|
GRL|||Greenlandic;Greenlander;Greenlanders|Nuuk|
GUF|||French Guianese|Cayenne|
GUM|||Guamanian;Guamanians|Hagatna|
HKG||Hong Kong SAR;HKSAR|Hong Konger;Hong Kongers;Hongkonger;Hongkongers|-|
HMD|||-|-|
IMN|Isle of Man||Manx|Douglas|
IOT||Chagos Islands;Chagos Archipelago|-|Diego Garcia|
JEY||Bailiwick of Jersey|Jerseyman|Saint Helier|
MAC|Macao|Macau;Macao SAR|Macanese|-|
MAF|Saint Martin|Saint-Martin;Saint Martin (French part)||Marigot|
MNP||Northern Marianas|Northern Mariana Islander|Saipan|
MSR|||Montserratian|Brades|
MTQ|||Martinican;Martiniquais|Fort-de-France|
MYT|||Mahoran|Mamoudzou|
NCL|||New Caledonian;New Caledonians;Kanak|Noumea|
NFK|||Norfolk Islander|Kingston|
NIU|||Niuean;Niueans|Alofi|
PCN|Pitcairn Islands|Pitcairn|Pitcairn Islander|Adamstown|
PRI|||Puerto Rican;Puerto Ricans|San Juan|
PYF|||French Polynesian;French Polynesians;Tahitian;Tahitians|Papeete|
REU|Réunion|Reunion|Reunionese;Réunionese|Saint-Denis|
SGS|South Georgia and the South Sandwich Islands|South Sandwich Islands|-|King Edward Point|
SHN|Saint Helena, Ascension and Tristan da Cunha|Saint Helena;St Helena;St. Helena;Ascension Island;Tristan da Cunha|Saint Helenian|Jamestown|
SJM|||-|Longyearbyen|
SPM|||Saint-Pierrais|Saint-Pierre|
SXM|Sint Maarten|Sint Maarten (Dutch part)|Sint Maartener|Philipsburg|
TCA|||Turks and Caicos Islander|Cockburn Town|
TKL|||Tokelauan|Nukunonu|
UMI|United States Minor Outlying Islands|U.S. Minor Outlying Islands;Wake Island;Midway Atoll;Johnston Atoll|-|-|
VGB|British Virgin Islands|BVI;Virgin Islands, British|British Virgin Islander|Road Town|
VIR|United States Virgin Islands|US Virgin Islands;U.S. Virgin Islands;USVI;Virgin Islands, U.S.|Virgin Islander|Charlotte Amalie|
WLF|Wallis and Futuna|Wallis and Futuna Islands|Wallisian;Futunan|Mata-Utu|
"""

# Entries outside ISO 3166-1 that CAMEO/PETRARCH code: Kosovo and historical
# states.  code | iso2 | name | aliases | adjectives | capital | metonyms
EXTRA = r"""
KSV|XK|Kosovo|Republic of Kosovo;Kosova|Kosovar;Kosovars;Kosovan;Kosovans;Kosovo Albanian;Kosovo Albanians|Pristina|Pristina;Prishtina;Priština
SUN||Soviet Union|USSR;U.S.S.R.;Union of Soviet Socialist Republics|Soviet;Soviets||
YUG||Yugoslavia|Socialist Federal Republic of Yugoslavia;SFRY|Yugoslav;Yugoslavs;Yugoslavian;Yugoslavians||
SCG||Serbia and Montenegro|Federal Republic of Yugoslavia;State Union of Serbia and Montenegro|||
CSK||Czechoslovakia|Czechoslovak Socialist Republic|Czechoslovak;Czechoslovaks;Czechoslovakian;Czechoslovakians||
DDR||East Germany|German Democratic Republic;GDR|East German;East Germans||
"""

# Capitals that must never be used as metonyms (collide with common words or
# more famous places/institutions).  Also see "-" entries in TABLE.
NO_CAPITAL_METONYM = {"Malé", "Male", "Victoria", "Kingston", "Hamilton",
                      "Georgetown", "Brussels", "Amsterdam", "Plymouth", "Moroni",
                      "Douglas", "Stanley", "Jamestown", "San Juan", "Saint Helier",
                      "Luxembourg", "Monaco", "Singapore", "Djibouti", "San Marino"}

# Alternative spellings from countryinfo are kept only when they look like an
# English official long form (contain one of these words) -- native-language
# forms such as "Island" (Iceland), "Mann", "Viti", "Thai" are dropped.
OFFICIAL_WORDS = re.compile(
    r"\b(Republic|Kingdom|State|States|Federation|Commonwealth|Union|Principality|"
    r"Grand Duchy|Sultanate|Territory|Confederation|Emirate|Bailiwick|Islands of|Nation of)\b")

# Aliases dropped whatever their source (ambiguous or harmful).
DROP_ALIASES = {"Congo", "Korea", "Guinea", "Republic of China", "Republic of Korea",
                "the State of Palestine", "The Islands of Bermuda", "Rossiya", "Nippon",
                # matched case-insensitively it is the surname Sadr (Moqtada al-Sadr, Sadr City)
                "SADR"}
# (Congo and Korea are added back explicitly for COD / KOR in TABLE; the
#  generic drop stops COG / PRK from also claiming them.)


def parse_table(text, ncols):
    rows = []
    for line in text.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) != ncols:
            sys.exit(f"bad table line ({len(parts)} cols): {line}")
        rows.append([p.strip() for p in parts])
    return rows


def split(s):
    return [x for x in (s.split(";") if s else []) if x]


def load_countryinfo():
    try:
        import countryinfo  # noqa: F401
    except ImportError:
        sys.exit("pip install countryinfo (MIT) first")
    import countryinfo as ci
    ddir = os.path.join(os.path.dirname(ci.__file__), "data")
    out = {}
    for fn in sorted(os.listdir(ddir)):
        if not fn.endswith(".json"):
            continue
        d = json.load(open(os.path.join(ddir, fn), encoding="utf-8"))
        iso = d.get("ISO")
        a3 = iso.get("alpha3") if isinstance(iso, dict) else None
        if not a3:
            continue
        # several files can share a code; prefer the one with a demonym
        if a3 in out and out[a3].get("demonym"):
            continue
        out[a3] = d
    return out


def plural(adj):
    if adj.endswith(("ese", "ss", "ish", "ch", "sh", "i")) and not adj.endswith("ni"):
        return None
    return adj + "s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "dict", "countries.tsv"))
    args = ap.parse_args()

    iso = json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]
    ci = load_countryinfo()
    table = {}
    for code, name, aliases, adj, cap, met in parse_table(TABLE, 6):
        t = table.setdefault(code, {})
        if name: t["name"] = name
        if aliases: t["aliases"] = t.get("aliases", []) + split(aliases)
        if adj: t["adj"] = [] if adj == "-" else split(adj)
        if cap: t["capital"] = "" if cap == "-" else cap
        if met: t["met"] = met

    rows = []
    fallback_adj = []
    for e in sorted(iso, key=lambda e: e["alpha_3"]):
        a3, a2 = e["alpha_3"], e["alpha_2"]
        t = table.get(a3, {})
        c = ci.get(a3, {})
        name = t.get("name") or e.get("common_name") or e["name"]
        aliases = list(t.get("aliases", []))
        for cand in (e.get("official_name"), e["name"]):
            if cand and "," not in cand:
                aliases.append(cand)
        for alt in c.get("altSpellings", []) or []:
            alt = alt.strip()
            if "," in alt or not OFFICIAL_WORDS.search(alt) or not alt[:1].isupper():
                continue
            if not all(ord(ch) < 0x250 for ch in alt):
                continue
            if alt.split()[0] in ("Republica", "República", "Reino", "Estado", "Republiek",
                                  "Republika", "Repubblica", "Royaume", "République"):
                continue
            aliases.append(alt)
        if "adj" in t:
            adj = t["adj"]
        else:
            adj = []
            dem = c.get("demonym") or ""
            if dem and a3 not in ("ATA", "BVT", "HMD", "UMI"):
                for d in dem.split(","):
                    d = d.strip()
                    if d:
                        adj.append(d)
                        p = plural(d)
                        if p: adj.append(p)
                fallback_adj.append((a3, dem))
        cap = t.get("capital")
        if cap is None:
            cap = c.get("capital") or ""
            if not isinstance(cap, str):
                cap = ""
        met = t.get("met", "")
        if met == "-" or a3 in TERRITORIES:
            mets = []
        elif met:
            mets = split(met)
        else:
            mets = [cap] if cap and cap not in NO_CAPITAL_METONYM else []
        code = CAMEO_CODE.get(a3, a3)
        rows.append([code, a2, name, aliases, adj, cap, mets])

    for code, a2, name, aliases, adj, cap, met in parse_table(EXTRA, 7):
        rows.append([code, a2, name, split(aliases), split(adj), cap, split(met)])

    # de-duplicate, drop aliases equal to the name, drop globally ambiguous ones
    owner = {}
    explicit = {"COD": {"Congo"}, "KOR": {"Korea"}, "TWN": {"Republic of China"},
                "PSE": set(), "KOR_": set()}
    for r in rows:
        code, name = r[0], r[2]
        seen = {name.lower()}
        out = []
        for a in r[3]:
            if a in DROP_ALIASES and a not in explicit.get(code, set()):
                continue
            if a.lower() in seen:
                continue
            seen.add(a.lower())
            out.append(a)
        r[3] = out
        r[4] = list(dict.fromkeys(r[4]))
        r[6] = list(dict.fromkeys(r[6]))
        for p in [name] + out + r[4] + r[6]:
            owner.setdefault(p.lower(), set()).add(code)
    clashes = {p: c for p, c in owner.items() if len(c) > 1}
    if clashes:
        for p, c in sorted(clashes.items()):
            print(f"CLASH {p!r}: {sorted(c)}", file=sys.stderr)
        sys.exit("resolve clashes in the tables")

    rows.sort(key=lambda r: (r[2].lower()))
    header = HEADER.strip("\n")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for code, a2, name, aliases, adj, cap, met in rows:
            f.write("\t".join([code, a2, name, ";".join(aliases), ";".join(adj), cap, ";".join(met)]) + "\n")
        f.write(FOOTER.strip("\n") + "\n")
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)
    if fallback_adj:
        print("adjectives from countryinfo (check):", fallback_adj, file=sys.stderr)


HEADER = """
# dyad countries.tsv -- GENERATED by tools/gen_countries.py; edit the tables in the script, not this file.
# columns: code	iso2	name	aliases	adjectives	capital	metonyms
#   code: CAMEO country code = ISO 3166-1 alpha-3 except where CAMEO/PETRARCH2 differ:
#         TMP (Timor-Leste, ISO TLS); KSV (Kosovo, no ISO code; PETRARCH2 uses KSV, not XKX);
#         historical: SUN (Soviet Union), YUG (Yugoslavia), SCG (Serbia and Montenegro),
#         CSK (Czechoslovakia), DDR (East Germany).  West Germany/FRG -> DEU.
#   iso2: ISO 3166-1 alpha-2 (XK for Kosovo, user-assigned; empty for historical states).
#   metonyms: words standing for the government (capital first).  Dependent territories have none.
# Sources and licences:
#   ISO 3166-1 codes and names via Debian iso-codes (/usr/share/iso-codes/json/iso_3166-1.json, LGPL-2.1+; facts of the standard);
#   capitals and English official long names via PyPI countryinfo (MIT);
#   CAMEO code choices checked against PETRARCH2 Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance) -- codes only;
#   adjectives, demonyms, abbreviations, historical names and metonyms: hand-written for dyad.
# Decisions / known ambiguities (see tools/README.md):
#   * "US" is listed as an alias of USA: it collides with the pronoun "us"; the matcher should accept
#     short all-caps aliases (US) only when written in capitals.  "U.S." and "USA" are safe.
#   * "Congo" alone and "Congolese" -> COD (DR Congo; Reuters/AP usage); PETRARCH2 codes bare CONGO as COG.
#     Republic of (the) Congo / Congo-Brazzaville -> COG.
#   * "Korea", "Korean" -> KOR (South Korea); North Korea/North Korean -> PRK by longest match.
#   * Georgia -> GEO (the US state is not in places.tsv); Jordan, Chad, Niger, Guinea, Turkey, Jersey,
#     China are also common words/first names -- the coder should require capitalisation for them.
#   * England, Scotland, Wales, Northern Ireland -> GBR (as PETRARCH2).  "English"/"Scottish" are not adjectives here.
#   * "Macedonia"/"Macedonian" -> MKD (also a Greek region).  "Serb(s)"/"Croat(s)" code SRB/HRV even for Bosnian
#     Serbs/Croats, as in PETRARCH2.  "Turkmen" -> TKM (also Iraqi/Syrian Turkmen).
#   * "Persian", "Indo", "Anglo", "Franco", "Arab", "Malay", "Kurd(ish)" are deliberately NOT adjectives.
#     "Sino" (Sino-Italian) -> CHN and "Russo" (Russo-Ukrainian) -> RUS are.
#   * Dominica has no adjective: "Dominican" -> DOM.  Niger: "Nigerien" -> NER, "Nigerian" -> NGA.
#   * Yemen: Sanaa (Houthi-held since 2014) and Aden (seat of the recognised government) are both metonyms -- review per period.
#   * "America" -> USA: the coder must not let it fire inside Latin/South/North/Central America; likewise
#     "Indian Ocean", "American Indian", "Turkish Cypriot" need the longest-match/discard logic.
#   * Dropped on purpose: Rossiya, Nippon (company/TV names), Emirates (airline), FRY (verb), CAR (noun), Saba,
#     "the States", "No 10", Government House, Westminster (parliament: see orgs.tsv), Palestinian Authority (orgs.tsv).
#   * Jerusalem is listed as Israel's capital/metonym (seat of its government; status disputed);
#     Palestine's capital is given as Ramallah (seat of the Palestinian Authority; East Jerusalem is claimed).
#   * Capitals not used as metonyms (common words or better-known referents): Brussels (EU), Amsterdam/The Hague
#     (The Hague = ICC/ICJ), Male (Maldives), Victoria, Kingston, Georgetown, Moroni, and city-states whose capital
#     equals the country name.  Bolivia: La Paz (seat of government) is a metonym, Sucre the constitutional capital.
"""

# Decisions made after the file was first published go at the end, so that the
# line numbers of the rows (the entry ids events cite, e.g. countries.tsv:219)
# stay put.
FOOTER = """
# Later decisions (at the end so that row line numbers, the entry ids events cite, stay put):
#   * Dropped "SADR" (Western Sahara): phrases match case-insensitively, so it coded "Moqtada al-Sadr" as ESH.
#   * Regional and ethnic demonyms code the state the region belongs to (like the issue #4 groups in orgs.tsv):
#     Tigrayan -> ETH, Chechen -> RUS, Crimean -> UKR (also after 2014: Russian-installed "Crimean authorities" code
#     UKRGOV -- review per period), Uyghur/Uighur and Tibetan -> CHN (also Tibetan exile bodies in India), Rohingya -> MMR,
#     Catalan/Basque -> ESP (also the French Basque Country), Gazan -> PSE.  The plurals Uyghurs/Uighurs/Rohingyas are
#     in orgs.tsv (CHNCVL/MMRCVL), not here.  Kurd(s)/Kurdish stay out (four states).
#   * Bonn is NOT a DEU metonym: the format has no dates, a metonym always means the government, and since 1999
#     "Bonn" mostly names the city of the UN climate secretariat and talks (like The Hague); it stays a place.
#   * Brussels is not Belgium's capital entry either: a capital used as a clause subject codes its government, and
#     "Brussels" as a subject ("Washington and Brussels imposed sanctions", "pressure from Brussels") is the EU, not
#     BELGOV.  It stays a place (places.tsv, BEL); the EU reading needs an organisation metonym that is still a place
#     after "in" (not expressible in orgs.tsv yet).
"""

if __name__ == "__main__":
    main()
