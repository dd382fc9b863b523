"""Country, nationality and language names for the lexicon's ``ethnicity`` entries.

Country and language names come from pycountry: English names directly, Swedish names
through its gettext catalogues (``iso3166-1`` and ``iso639-3`` in ``pycountry.LOCALES_DIR``).
Nationality words ("polsk", "Nigerian") are not in pycountry, and Swedish ones cannot be
derived from the country name safely (Polen → polsk, Tyskland → tysk, Irak → irakisk), so
they are a short typed list of the origins most often met in Swedish recruitment.

The lists reach the data files as sets that every lexicon has without declaring them:
``@country``, ``@language`` and ``@nationality`` (in the file's language); a file's own
``[sets]`` with the same name wins. Each phrase is made safe for the pattern language.
"""

from __future__ import annotations

import functools
import gettext
import re

import pycountry

# Languages the checker does not treat as a sign of origin: the working languages, which a
# job may lawfully require and which the language-proficiency rules cover.
_WORKING_LANGUAGES = {"sv": {"svenska", "engelska"}, "en": {"swedish", "english"}}
# Sweden: "född i Sverige" and the like have their own patterns in the data files.
_SKIP = {"sv": {"sverige"}, "en": {"sweden"}}
# Everyday names pycountry's lists lack (it has "Türkiye", "Russian Federation"), places
# that are no ISO country (Kosovo, Kurdistan) and former states still named as an origin.
ALIASES = {
    "sv": (
        "Ryssland",
        "Kosovo",
        "Bosnien",
        "Storbritannien",
        "England",
        "Skottland",
        "Makedonien",
        "Palestina",
        "Kurdistan",
        "Jugoslavien",
        "Sovjetunionen",
        "Tjetjenien",
        "Balkan",
    ),
    "en": (
        "Turkey",
        "Russia",
        "Kosovo",
        "Czech Republic",
        "Bosnia",
        "Ivory Coast",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Macedonia",
        "Kurdistan",
        "Yugoslavia",
        "Soviet Union",
        "Chechnya",
        "the Balkans",
    ),
}
_UNSAFE = re.compile(r"[^\w'’.\- ]")

# Nationality words, typed (pycountry has none). Swedish: the adjective in its three forms
# ("polsk", "polska", "polskt" as in "en polsk kille", "polska killar", "ett polskt namn")
# and the noun for a person; English: the adjective, which is also the noun.
NATIONALITIES_SV = (
    "afghansk{,a,t}",
    "albansk{,a,t}",
    "algerisk{,a,t}",
    "amerikansk{,a,t}",
    "bosnisk{,a,t}",
    "brasiliansk{,a,t}",
    "bulgarisk{,a,t}",
    "chilensk{,a,t}",
    "colombiansk{,a,t}",
    "egyptisk{,a,t}",
    "eritreansk{,a,t}",
    "estnisk{,a,t}",
    "etiopisk{,a,t}",
    "filippinsk{,a,t}",
    "finsk{,a,t}",
    "grekisk{,a,t}",
    "indisk{,a,t}",
    "irakisk{,a,t}",
    "iransk{,a,t}",
    "italiensk{,a,t}",
    "jugoslavisk{,a,t}",
    "kenyansk{,a,t}",
    "kosovoalbansk{,a,t}",
    "kroatisk{,a,t}",
    "kurdisk{,a,t}",
    "libanesisk{,a,t}",
    "litauisk{,a,t}",
    "lettisk{,a,t}",
    "marockansk{,a,t}",
    "nigeriansk{,a,t}",
    "pakistansk{,a,t}",
    "palestinsk{,a,t}",
    "persisk{,a,t}",
    "polsk{,a,t}",
    "rumänsk{,a,t}",
    "rysk{,a,t}",
    "serbisk{,a,t}",
    "somalisk{,a,t}",
    "spansk{,a,t}",
    "syrisk{,a,t}",
    "thailändsk{,a,t}",
    "tunisisk{,a,t}",
    "turkisk{,a,t}",
    "tysk{,a,t}",
    "ukrainsk{,a,t}",
    "ungersk{,a,t}",
    "vietnamesisk{,a,t}",
    "afrikansk{,a,t}",
    "asiatisk{,a,t}",
    "arabisk{,a,t}",
    "latinamerikansk{,a,t}",
    "östeuropeisk{,a,t}",
    "utomeuropeisk{,a,t}",
    "mellanösternsk{,a,t}",
    "assyrisk{,a,t}",
    "syriansk{,a,t}",
    "kaldeisk{,a,t}",
    "bangladeshisk{,a,t}",
    "georgisk{,a,t}",
    "armenisk{,a,t}",
    "tjetjensk{,a,t}",
    "sudanesisk{,a,t}",
    "jemenitisk{,a,t}",
    "gambisk{,a,t}",
    "ghanansk{,a,t}",
    "kongolesisk{,a,t}",
    "makedonisk{,a,t}",
    "montenegrinsk{,a,t}",
    "kubansk{,a,t}",
    "peruansk{,a,t}",
    "mexikansk{,a,t}",
    "argentinsk{,a,t}",
    "venezuelansk{,a,t}",
    "boliviansk{,a,t}",
    "nepalesisk{,a,t}",
    "lankesisk{,a,t}",
    "burmesisk{,a,t}",
    "uzbekisk{,a,t}",
    "azerisk{,a,t}",
    "libysk{,a,t}",
    "saudisk{,a,t}",
    "jordansk{,a,t}",
    "sydafrikansk{,a,t}",
    "nordafrikansk{,a,t}",
    "västafrikansk{,a,t}",
    "östafrikansk{,a,t}",
    "sydamerikansk{,a,t}",
    "balkansk{,a,t}",
    "slavisk{,a,t}",
    "sydeuropeisk{,a,t}",
    "sydasiatisk{,a,t}",
    "kinesisk{,a,t}",
    "japansk{,a,t}",
    "koreansk{,a,t}",
    "indonesisk{,a,t}",
    "ugandisk{,a,t}",
    "kamerunsk{,a,t}",
    "mongolisk{,a,t}",
)
NATIONALITIES_EN = (
    "afghan",
    "albanian",
    "algerian",
    "american",
    "bosnian",
    "brazilian",
    "bulgarian",
    "chilean",
    "colombian",
    "egyptian",
    "eritrean",
    "estonian",
    "ethiopian",
    "filipino",
    "finnish",
    "greek",
    "indian",
    "iraqi",
    "iranian",
    "italian",
    "kenyan",
    "kosovan",
    "croatian",
    "kurdish",
    "lebanese",
    "lithuanian",
    "latvian",
    "moroccan",
    "nigerian",
    "pakistani",
    "palestinian",
    "persian",
    "polish",
    "romanian",
    "russian",
    "serbian",
    "somali",
    "spanish",
    "syrian",
    "thai",
    "tunisian",
    "turkish",
    "german",
    "ukrainian",
    "hungarian",
    "vietnamese",
    "african",
    "asian",
    "arab",
    "latin american",
    "eastern european",
    "middle eastern",
    "chinese",
    "mexican",
    "ghanaian",
    "sudanese",
    "somalian",
    "congolese",
    "sri lankan",
    "bangladeshi",
    "yemeni",
    "libyan",
    "cuban",
    "peruvian",
    "bolivian",
    "jamaican",
    "ugandan",
    "gambian",
    "senegalese",
    "cameroonian",
    "chechen",
    "uzbek",
    "tajik",
    "armenian",
    "georgian",
    "azerbaijani",
    "kosovar",
    "macedonian",
    "montenegrin",
    "belarusian",
    "indonesian",
    "nepalese",
    "nepali",
    "tamil",
    "filipina",
    "korean",
    "japanese",
    "assyrian",
)


def _clean(name: str) -> str | None:
    """A country or language name as a phrase of the pattern language, or ``None``."""
    name = name.split(",")[0].split("(")[0].strip()
    name = _UNSAFE.sub(" ", name)
    name = " ".join(name.split())
    return name or None


def _translation(domain: str, language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language])


@functools.cache
def countries(language: str) -> tuple[str, ...]:
    """Country names in ``language`` (``sv`` or ``en``): the short name and the common one."""
    translate = _translation("iso3166-1", language).gettext
    names: set[str] = set()
    for country in pycountry.countries:
        for raw in (country.name, getattr(country, "common_name", None)):
            if raw:
                cleaned = _clean(translate(raw))
                if cleaned and cleaned.lower() not in _SKIP[language]:
                    names.add(cleaned)
    names.update(ALIASES[language])
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@functools.cache
def languages(language: str) -> tuple[str, ...]:
    """Names, in ``language``, of the languages with a two-letter code (ISO 639-1: the
    living languages of some size), lower case, without the working languages."""
    translate = _translation("iso639-3", language).gettext
    names: set[str] = set()
    for entry in pycountry.languages:
        if not hasattr(entry, "alpha_2"):
            continue
        cleaned = _clean(translate(entry.name))
        if cleaned and " " not in cleaned and cleaned.lower() not in _WORKING_LANGUAGES[language]:
            names.add(cleaned.lower())
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def nationalities(language: str) -> tuple[str, ...]:
    return NATIONALITIES_SV if language == "sv" else NATIONALITIES_EN


def _with_plurals(language: str) -> list[str]:
    """The nationality words as patterns; in English with the noun's plural ("Syrians",
    "Iraqis", "Arabs"; not "Chinese", "Polish")."""
    if language == "sv":
        return list(NATIONALITIES_SV)
    return [
        f"{word}{{,s}}" if word.endswith(("an", "i", "ab", "ec", "ar")) else word
        for word in dict.fromkeys(NATIONALITIES_EN)
    ]


def _nationality_stems() -> list[str]:
    """The Swedish nationality adjectives without their endings: "irakisk", "polsk"."""
    return list(dict.fromkeys(word.split("{")[0] for word in NATIONALITIES_SV))


def _born(language: str) -> list[str]:
    """Swedish compounds of a nationality and "born" or "descended": "irakiskfödd",
    "polskfödda", "iranskättad". Typed out as words (not a regex over every word), so the
    prefilter stays a list of literal beginnings."""
    if language != "sv":
        return []
    return [f"{stem}{{född,födda,fött,ättad,ättade,ättat}}" for stem in _nationality_stems()]


def _women(language: str) -> list[str]:
    """Swedish plural nouns for women of a nationality: "thailändskor", "polskorna" (the
    singular, "en polska", is also a language or a dance). Not "finskor": dress shoes."""
    if language != "sv":
        return []
    return [f"{stem}{{or,orna}}" for stem in _nationality_stems() if stem != "finsk"]


def name_sets(language: str) -> dict[str, list[str]]:
    """The built-in sets of a lexicon in ``language``."""
    if language not in ("sv", "en"):
        return {}
    return {
        "country": list(countries(language)),
        "language": list(languages(language)),
        "nationality": _with_plurals(language),
        "nationality_born": _born(language),
        "nationality_women": _women(language),
    }
