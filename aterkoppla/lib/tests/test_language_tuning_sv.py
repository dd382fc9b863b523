"""The Swedish lexicon's families of recruiter phrasings: each new rule finds the ways a
note can say the same thing, keeps quiet where the words describe work, and says why.
Plain pytest, no database."""

from __future__ import annotations

import pytest

from aterkoppla.lib.language_check import check


def categories(text: str) -> set[str]:
    return {finding.category for finding in check(text, "sv", "sv")}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # age: years, generations, grey hair
        ("Hon är bara 24 och saknar tyngd.", "age"),
        ("Han är femtio plus och har svårt med nya system.", "age"),
        ("Med sina 61 år lär han inte stanna länge.", "age"),
        ("Han har många år på nacken.", "age"),
        ("Hon tillhör en annan generation.", "age"),
        ("Vi behöver föryngra gruppen.", "age"),
        ("Han är gråhårig och lite seg.", "age"),
        ("Hon är ganska gammal för rollen.", "age"),
        # sex: pregnancy, a wished-for sex, a job for men
        ("Hon är i femte månaden.", "sex"),
        ("Hon väntar sitt första barn.", "sex"),
        ("De försöker få barn.", "sex"),
        ("Det här är ett typiskt kvinnoyrke.", "sex"),
        ("Vi söker en glad tjej till receptionen.", "sex"),
        ("Hon är ju bara tjej.", "sex"),
        # gender identity: identities, former names, pronouns, care
        ("Personen är genderqueer.", "transgender_identity"),
        ("Han hette förut Anna.", "transgender_identity"),
        ("Hon föddes till pojke.", "transgender_identity"),
        ("Hen går på testosteron.", "transgender_identity"),
        ("Vi vet inte om vi ska kalla kandidaten han eller hon.", "transgender_identity"),
        # ethnicity: names, looks, minorities, where someone grew up
        ("Hans förnamn är krångligt att uttala.", "ethnicity"),
        ("Vi vill ha en svensk kille i butiken.", "ethnicity"),
        ("Hon ser utländsk ut.", "ethnicity"),
        ("Han är tornedaling.", "ethnicity"),
        ("Han har flyktingbakgrund.", "ethnicity"),
        ("Hon har sina rötter i Somalia.", "ethnicity"),
        ("Han bor i Tensta.", "ethnicity"),
        # religion: faiths, symbols, practice
        ("Han är mormon.", "religion"),
        ("Hon är med i en sekt.", "religion"),
        ("Han bär alltid ett kors.", "religion"),
        ("Hon äter bara kosher.", "religion"),
        ("Hon tror på Gud och pratar om det.", "religion"),
        # disability: illness, treatment, aids
        ("Hon har en lungsjukdom.", "disability"),
        ("Han går hos en psykolog varje vecka.", "disability"),
        ("Hon har dyspraxi.", "disability"),
        ("Han har ont i knäna och kan inte stå länge.", "disability"),
        # sexual orientation: partners, orientations
        ("Han är gift med en man.", "sexual_orientation"),
        ("Hon bor ihop med en tjej.", "sexual_orientation"),
        ("Hen är asexuell.", "sexual_orientation"),
        ("Han är bi.", "sexual_orientation"),
        # parental leave: children at home, custody, newborns
        ("Han ska vara hemma med sin son hela våren.", "parental_leave"),
        ("Hon har trillingar.", "parental_leave"),
        ("Han är trebarnsfar.", "parental_leave"),
        ("Hon har ungarna varannan vecka.", "parental_leave"),
        ("Hon har nyss fått sitt andra barn.", "parental_leave"),
        # union: roles and unions in the genitive
        ("Hon har varit skyddsombud i många år.", "union"),
        ("Han satt i Unionens styrelse.", "union"),
        ("Hon är syndikalist.", "union"),
        # fit: gut feeling, "our type"
        ("Jag fick en konstig känsla av henne.", "fit"),
        ("Han är inte vår typ av medarbetare.", "fit"),
        ("Hon saknade gnistan.", "fit"),
        ("Han var inte alls på vår våglängd.", "fit"),
        # disrespect: insults
        ("Han är en träskalle.", "disrespect"),
        ("Hon var en riktig slöfock.", "disrespect"),
        ("Hon var inte den vassaste kniven.", "disrespect"),
        ("Bortkastat att intervjua honom.", "disrespect"),
        # special categories: parties, protests, affairs
        ("Hon är aktiv i Vänsterpartiet.", "special_category"),
        ("Han röstar säkert på Sverigedemokraterna.", "special_category"),
        ("Han är monarkist.", "special_category"),
        ("Hon är aktiv i Extinction Rebellion.", "special_category"),
        ("Hon hade ett förhållande med en kollega.", "special_category"),
    ],
)
def test_a_family_of_phrasings_is_found(text, category):
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vi är över 40 anställda på kontoret i Luleå.",
        "Du ansvarar för brytningen i gruvan och planerar sprängningar.",
        "Som hemtjänstpersonal hjälper du äldre i deras hem.",
        "Hon har utvecklat tjänster för personer med hörselnedsättning.",
        "Han har studerat religionsvetenskap i Uppsala.",
        "Hon har hanterat föräldrapenning i lönesystemet.",
        "Han har skrivit en rapport om sjukfrånvaro i regionen.",
        "Vi tillämpar Byggavtalet med Byggnads.",
        "Vi samverkar med skyddsombuden i arbetsmiljöfrågor.",
        "Han demonstrerade produkten för kunderna på mässan.",
        "Vi föryngrar maskinparken under året.",
        "Hon har skrivit en uppsats om kvinnoyrken under 1900-talet.",
        "Vi har ett samarbete med RFSL i vårt mångfaldsarbete.",
        "Hon har sålt medicinteknisk utrustning.",
        "Tjänsten innebär att du bemannar en jour för transpersoner.",
        "Han har arbetat som tolk i samiska.",
        "Vi söker dig som vill ge det lilla extra till våra gäster.",
        "Hon har arbetat hos en ny arbetsgivare sedan hon bytte jobb.",
        "Han har gjort en affär med en stor kund i Norge.",
        "Du ska sopa golvet och hålla ordning på lagret.",
        "Vi serverar halal och vegetariskt i personalmatsalen.",
        "Du platsar i vårt team om du gillar service.",
    ],
)
def test_work_and_neutral_phrasings_give_no_finding(text):
    assert categories(text) == set()


def test_every_new_finding_explains_itself():
    texts = [
        "Han är femtio plus.",
        "Hon är i femte månaden.",
        "Han hette förut Anna.",
        "Han bor i Tensta.",
        "Han är mormon.",
        "Hon har dyspraxi.",
        "Hen är asexuell.",
        "Hon har trillingar.",
        "Hon har varit skyddsombud i många år.",
        "Jag fick en konstig känsla av henne.",
        "Han är en träskalle.",
        "Han är monarkist.",
    ]
    for text in texts:
        findings = check(text, "sv", "sv")
        assert findings, text
        for finding in findings:
            assert finding.rule and finding.basis and finding.message and finding.suggestion, text
        english = check(text, "sv", "en")
        assert all(f.message and f.suggestion for f in english), text


def test_a_wished_for_sex_and_origin_are_both_found_in_one_phrase():
    assert categories("Vi söker en svensk tjej till kundtjänst.") >= {"sex", "ethnicity"}
    assert categories("Vi vill ha en ung kille i kassan.") >= {"sex", "age"}
