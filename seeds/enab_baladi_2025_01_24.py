"""Enab Baladi, 24 January 2025: "صحيفة: تبادل معلومات أمنية بين واشنطن ودمشق".

The article ("Newspaper: security information exchange between Washington and
Damascus") relays a Washington Post report that the United States shared
intelligence on Islamic State threats with the caretaker government in Damascus,
and sets beside it SANA's account of a bombing at the Sayyida Zaynab shrine that
Syrian intelligence says it foiled. Its text is ``enab-baladi-2025-01-24.ar.txt``
beside this script; running the script writes ``enab-baladi-2025-01-24.json``.

How the model reads the article:

- **One proposition per claim.** Each claim's ``text`` is a span of the article,
  character for character; where a sentence carries several propositions it is
  cut into several claims, and spans may overlap. The English translations put
  words the Arabic leaves implicit in [brackets].
- **Who a hop credits.** Enab Baladi heard neither the US officials nor the
  Syrian intelligence source, so every hop in the article that reports them is
  credited to the outlet that did (the Post, SANA) and relays that outlet's hop,
  even where the Arabic names only the original speaker ("قال مسؤولون
  أمريكيون"). The upstream hops are reconstructed from the article: we have not
  read the Post's report or SANA's dispatch.
- **Sentences with no attribution phrase.** The article leaves many sentences
  unattributed. Those that report what only the officials could know (when the
  sharing began, the third country, the private contacts, US help in foiling the
  plot) continue the officials' account and are relayed from the Post. The two
  earlier warnings, to Russia and Iran, are the Post's own illustration of the
  official's words. General statements of US policy and the background on HTS
  and al-Sharaa are the article's own voice, credited to Enab Baladi.
- **Mode.** A relay uses ``direct_quote`` only where the article puts the words
  in quotation marks (``quote`` then holds them) and ``paraphrase`` otherwise.
  A source speaking in its own document (Enab Baladi's background, the Post's
  own sentences, the announcement, SANA's caption) is reproduced exactly by
  definition, so those first-hand hops are ``direct_quote`` too.
- **``about``** names the parties whose conduct, success or standing a claim
  describes, so that the checks can see when the only people saying it speak
  for one of them. Claims crediting US intelligence list the US government with
  it, since the officials answer to the government, not to the agencies.
- **Dates** keep the precision the article gives: "this month" is 2025-01, "last
  year" 2024, and the article's own date is open-ended because its text has none.
- **No judgments.** Every source's reliability is unassessed and the graph holds
  no assessments: the seed records what was said, not what we make of it.

Run ``python seeds/enab_baladi_2025_01_24.py`` to rewrite the JSON file, or add
``--check`` to exit with 1 if the committed file differs from what the script
builds.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import claimtrack
from claimtrack import ClaimGraph, GraphBuilder

OUTPUT = Path(__file__).resolve().parent / "enab-baladi-2025-01-24.json"
"""Where the script writes the graph: beside itself."""

# The article dates the Post's report "الجمعة 24 من كانون الثاني" (Friday 24
# January); the weekday is kept so that the checks can hold the text to it.
POST_FRIDAY = "2025-01-24 (Friday)"
POST_DAY = "2025-01-24"
# The officials spoke to the Post on or before the day it published them.
BEFORE_POST = "../2025-01-24"
# "في 11 من كانون الثاني": the announcement, SANA's dispatch and the photograph.
ANNOUNCED = "2025-01-11"

CONTINUES_THE_POST = (
    "No attribution phrase: the sentence continues the officials' account the "
    "article takes from the Post, and reports what only they could know."
)
INSIDE_THE_POST = (
    "The sentence does not name the Post, but it sits inside the article's "
    "account of the Post's report, and the article has no other way to US "
    "officials."
)
OWN_VOICE = (
    "The article's own words, with no attribution phrase: a first-hand "
    "statement, reproduced exactly."
)


def build() -> ClaimGraph:
    """Return the claim graph of the article, built the way the article reads."""
    b = GraphBuilder()

    # --- The parties ------------------------------------------------------
    # Governments and groups the claims are about. Affiliations decide what
    # counts as independent: every US official answers to the US government,
    # every Syrian intelligence voice to the caretaker government.
    us_government = b.source(
        "us-government",
        "United States government",
        names={"ar": "الولايات المتحدة"},
        aliases=["Washington", "واشنطن"],
        kind="government",
    )
    us_intelligence = b.source(
        "us-intelligence",
        "US intelligence agencies",
        names={"ar": "وكالات الاستخبارات الأمريكية"},
        aliases=["الاستخبارات الأمريكية", "وكالات التجسس الأمريكية"],
        kind="government",
        affiliation=us_government,
    )
    syrian_government = b.source(
        "syrian-government",
        "Syrian caretaker government",
        names={"ar": "حكومة دمشق المؤقتة"},
        aliases=["حكومة دمشق", "الإدارة السورية الجديدة", "new Syrian administration"],
        kind="government",
        note=(
            "The administration that took over after the fall of the Assad "
            "regime; the article calls it 'the interim Damascus government' and "
            "'the new Syrian administration'."
        ),
    )
    syrian_intelligence = b.source(
        "syrian-intelligence",
        "Syrian General Intelligence Directorate",
        names={"ar": "جهاز الاستخبارات العامة"},
        aliases=["General Intelligence Service"],
        kind="government",
        affiliation=syrian_government,
        note="'جهاز الاستخبارات العامة في الإدارة السورية الجديدة': part of the new administration.",
    )
    hts = b.source(
        "hts",
        "Hayat Tahrir al-Sham",
        names={"ar": "هيئة تحرير الشام"},
        aliases=["HTS", "تحرير الشام"],
        kind="group",
    )
    operations_command = b.source(
        "military-operations-command",
        "Military Operations Command",
        names={"ar": "إدارة العمليات العسكرية"},
        kind="group",
    )
    sharaa = b.source(
        "ahmed-al-sharaa",
        "Ahmed al-Sharaa",
        names={"ar": "أحمد الشرع"},
        aliases=["Abu Mohammad al-Jolani", "أبو محمد الجولاني"],
        kind="person",
        affiliation=syrian_government,
        note=(
            "A party here, never a speaker. He leads HTS and heads the new "
            "administration (claims sharaa-leads-hts and "
            "sharaa-heads-new-administration); his affiliation is the "
            "government he now speaks for."
        ),
    )
    islamic_state = b.source(
        "islamic-state",
        "Islamic State",
        names={"ar": "تنظيم الدولة الإسلامية"},
        aliases=["IS", "ISIS", "تنظيم الدولة"],
        kind="group",
    )
    russia = b.source("russia", "Russia", names={"ar": "روسيا"}, kind="government")
    iran = b.source("iran", "Iran", names={"ar": "إيران"}, kind="government")

    # --- Who speaks -------------------------------------------------------
    enab_baladi = b.source(
        "enab-baladi", "Enab Baladi", names={"ar": "عنب بلدي"}, kind="news_outlet"
    )
    wapo = b.source(
        "washington-post",
        "The Washington Post",
        names={"ar": "واشنطن بوست"},
        kind="news_outlet",
    )
    sana = b.source(
        "sana",
        "SANA",
        names={"ar": "الوكالة العربية السورية للأنباء"},
        aliases=["Syrian Arab News Agency", "سانا", "الوكالة السورية الرسمية للأنباء"],
        kind="state_media",
        affiliation=syrian_government,
        note=(
            "Syria's state news agency, which the article calls 'the official "
            "Syrian news agency'. Since the fall of the Assad regime it answers "
            "to the caretaker government, so it is one voice with the "
            "government's intelligence service, not a second one."
        ),
    )
    officials = b.source(
        "us-officials",
        "Current and former US officials",
        names={"ar": "مسؤولون أمريكيون حاليون وسابقون"},
        kind="group",
        anonymous=True,
        descriptor=(
            "current and former US officials familiar with the exchanges "
            "(مسؤولين أمريكيين حاليين وسابقين مطلعين على التبادلات)"
        ),
        affiliation=us_government,
        note=(
            "The Post's unnamed sourcing for the story. The lede's 'مسؤولون "
            "أمريكيون', 'وفق المسؤولين' and 'مسؤولون حاليون وسابقون' are taken "
            "to be this one group. Former officials no longer work for the "
            "government but speak from inside knowledge of it; counting them as "
            "independent of it would flatter every claim they carry."
        ),
    )
    one_official = b.source(
        "us-official",
        "A US official",
        names={"ar": "مسؤول أمريكي"},
        kind="person",
        anonymous=True,
        descriptor="a US official, not otherwise described (مسؤول أمريكي)",
        affiliation=us_government,
        note=(
            "Quoted on its own ('وأكد مسؤول أمريكي'); the article does not say "
            "whether this official is one of the current and former officials."
        ),
    )
    one_of_the_officials = b.source(
        "one-of-the-officials",
        "One of the officials",
        names={"ar": "أحد المسؤولين"},
        kind="person",
        anonymous=True,
        descriptor=(
            "one of the current and former US officials the report cites "
            "(أحد المسؤولين)"
        ),
        affiliation=officials,
        note=(
            "A member of the group, so affiliated with it and through it with "
            "the US government. Possibly the same person as 'A US official'; "
            "the article does not say, and both answer to the US government, "
            "so the choice changes no count of independent origins."
        ),
    )
    gi_source = b.source(
        "gi-source",
        "Unnamed General Intelligence source",
        names={"ar": "مصدر بجهاز الاستخبارات العامة"},
        kind="person",
        anonymous=True,
        descriptor=(
            "a source in the General Intelligence Service whom SANA did not name "
            "(مصدر بجهاز الاستخبارات العامة (لم تسمِّه))"
        ),
        affiliation=syrian_intelligence,
    )

    # --- The documents ----------------------------------------------------
    article = b.document(
        "enab-baladi-2025-01-24",
        publisher=enab_baladi,
        title="صحيفة: تبادل معلومات أمنية بين واشنطن ودمشق",
        published="2025-01-24/..",
        language="ar",
        note=(
            "The text carries no publication date or address. It reports the "
            "Post's report of Friday 24 January 2025, so it cannot be earlier: "
            "'on or after 24 January 2025' is all the text supports. The "
            "donation and recommendation boxes after the last paragraph are "
            "page furniture, not reporting."
        ),
    )
    report = b.document(
        "wapo-2025-01-24",
        publisher=wapo,
        published=POST_FRIDAY,
        language="en",
        note=(
            "Known here only through Enab Baladi's Arabic account, so its "
            "title, address and English wording are not recorded. The article "
            "dates it 'الجمعة 24 من كانون الثاني' (Friday 24 January) without a "
            "year; 2025 follows from the story (Assad fell on 8 December 2024, "
            "the shrine plot was foiled 'this month'), and 24 January 2025 was "
            "a Friday."
        ),
    )
    dispatch = b.document(
        "sana-2025-01-11",
        publisher=sana,
        published=ANNOUNCED,
        language="ar",
        note=(
            "SANA's report quoting an unnamed General Intelligence source, "
            "known only through Enab Baladi. The article places it on the day "
            "of the announcement, 11 January, and the photograph it credits to "
            "SANA is dated '11 من كانون الثاني 2025'; the photograph and its "
            "caption are taken to belong to this coverage."
        ),
    )
    announcement = b.document(
        "syrian-intelligence-2025-01-11",
        publisher=syrian_intelligence,
        published=ANNOUNCED,
        note=(
            "The General Intelligence Service's announcement that it foiled the "
            "bombing ('أعلن جهاز الاستخبارات العامة'). The article does not say "
            "where it was made, and it may be the very statement SANA carried "
            "from its unnamed source. It is kept apart so that an on-the-record "
            "announcement is not mistaken for an anonymous source; both answer "
            "to the caretaker government, so they count as one voice."
        ),
    )

    # --- The headline -----------------------------------------------------
    # "صحيفة:" ("A newspaper:") credits the Post without naming it. The Post's
    # sourcing for the exchange is the officials, so the chain is theirs.
    headline = b.claim(
        "washington-damascus-exchange",
        "تبادل معلومات أمنية بين واشنطن ودمشق",
        language="ar",
        translations={
            "en": "Security information is being exchanged between Washington and Damascus."
        },
        about=[us_government, syrian_government],
    )
    told = b.attribute(
        headline,
        source=officials,
        document=report,
        mode="summary",
        said=BEFORE_POST,
    )
    b.relay(
        told,
        source=wapo,
        document=article,
        mode="summary",
        cue="صحيفة:",
        said=POST_DAY,
        note="The headline condenses the Post's report into four words.",
    )

    # --- The lede: US officials, through the Post ------------------------
    shared_intel = b.claim(
        "us-shared-intel",
        "الولايات المتحدة شاركت معلومات استخباراتية حول التهديدات التي يشكلها تنظيم “الدولة الإسلامية” مع حكومة دمشق المؤقتة",
        language="ar",
        translations={
            "en": "The United States has shared intelligence on the threats posed "
            "by the Islamic State group with the interim government in Damascus."
        },
        about=[us_government, syrian_government],
    )
    told = b.attribute(
        shared_intel, source=officials, document=report, said=BEFORE_POST
    )
    b.relay(
        told,
        source=wapo,
        document=article,
        cue="قال مسؤولون أمريكيون إن",
        said=POST_DAY,
        note=(
            "The lede names the officials, not the Post; the third paragraph "
            "makes the Post the carrier ('ونقلت صحيفة “واشنطن بوست”'), and "
            "Enab Baladi did not hear the officials itself."
        ),
    )

    # When the sharing began is the officials' detail; the date of Assad's fall
    # inside the same sentence is a matter of record, the article's own.
    began = b.claim(
        "sharing-began-after-assad-fell",
        "تبادل المعلومات مع حكومة دمشق بدأ بعد نحو أسبوعين من سقوط نظام بشار الأسد في 8 من كانون الأول 2024",
        language="ar",
        translations={
            "en": "The exchange of information with the Damascus government began "
            "about two weeks after the fall of Bashar al-Assad's regime on "
            "8 December 2024."
        },
        about=[us_government, syrian_government],
        event_date="2024-12-15/2024-12-31",
        note=(
            "About two weeks after 8 December is around 22 December 2024; the "
            "interval allows for 'about' (نحو)."
        ),
    )
    told = b.attribute(began, source=officials, document=report, said=BEFORE_POST)
    b.relay(told, source=wapo, document=article, said=POST_DAY, note=CONTINUES_THE_POST)

    assad_fell = b.claim(
        "assad-regime-fell",
        "سقوط نظام بشار الأسد في 8 من كانون الأول 2024",
        language="ar",
        translations={"en": "Bashar al-Assad's regime fell on 8 December 2024."},
        event_date="2024-12-08",
    )
    b.attribute(
        assad_fell,
        source=enab_baladi,
        document=article,
        mode="direct_quote",
        note=OWN_VOICE,
    )

    # --- The Post, dated: shared interest, not a full embrace ------------
    # One sentence, three claims. The quotation marks open with "”" in the
    # original; the spans keep them as they are.
    dated_cue = (
        "ونقلت صحيفة “واشنطن بوست” الأمريكية عن مسؤولين أمريكيين حاليين وسابقين "
        "مطلعين على التبادلات"
    )
    shared_interest = b.claim(
        "shared-interest",
        "تبادل المعلومات الاستخباراتية يأتي انطلاقًا من مصلحة مشتركة في منع عودة التنظيم",
        language="ar",
        translations={
            "en": "The intelligence exchange stems from a shared interest in "
            "preventing the return of the Islamic State group."
        },
        kind="opinion",
        about=[us_government, syrian_government],
        note="A reading of both sides' motives, not a checkable event: an opinion.",
    )
    told = b.attribute(
        shared_interest, source=officials, document=report, said=BEFORE_POST
    )
    b.relay(told, source=wapo, document=article, cue=dated_cue, said=POST_FRIDAY)

    not_embraced = b.claim(
        "not-full-embrace",
        "لا يعكس احتضانًا كاملًا لهيئة تحرير الشام",
        language="ar",
        translations={
            "en": "[The intelligence exchange] does not reflect a full embrace of "
            "Hayat Tahrir al-Sham."
        },
        kind="opinion",
        about=[us_government, hts],
    )
    told = b.attribute(
        not_embraced,
        source=officials,
        document=report,
        mode="direct_quote",
        said=BEFORE_POST,
    )
    b.relay(
        told,
        source=wapo,
        document=article,
        mode="direct_quote",
        cue=dated_cue,
        quote="لا يعكس احتضانًا كاملًا لهيئة تحرير الشام",
        said=POST_FRIDAY,
    )

    designated = b.claim(
        "hts-still-designated",
        "هيئة تحرير الشام، التي لا تزال منظمة إرهابية مصنفة",
        language="ar",
        translations={
            "en": "Hayat Tahrir al-Sham is still a designated terrorist organisation."
        },
        about=[hts],
        note=(
            "The designation is a public act the officials state, not one they "
            "claim credit for, so the US government is not among the parties. "
            "The article does not say who designated it."
        ),
    )
    told = b.attribute(
        designated,
        source=officials,
        document=report,
        mode="direct_quote",
        said=BEFORE_POST,
    )
    b.relay(
        told,
        source=wapo,
        document=article,
        mode="direct_quote",
        cue=dated_cue,
        quote="هيئة تحرير الشام، التي لا تزال منظمة إرهابية مصنفة",
        said=POST_FRIDAY,
    )

    # --- Enab Baladi's background on HTS and al-Sharaa -------------------
    # The article's own voice: context it adds for its readers, not the Post's.
    hts_out_of_sight = b.claim(
        "hts-no-longer-operating-openly",
        "“تحرير الشام” لم تعد تصرح أو تظهر بشكل رسمي كفصيل عسكري منذ إطلاق “إدارة العمليات العسكرية” معركة “ردع العدوان” في 27 من تشرين الثاني 2024",
        language="ar",
        translations={
            "en": "Tahrir al-Sham has not issued statements or appeared "
            "officially as a military faction since the Military Operations "
            "Command launched the 'Deterrence of Aggression' battle on "
            "27 November 2024."
        },
        about=[hts],
        event_date="2024-11-27/..",
    )
    offensive_launched = b.claim(
        "deterrence-of-aggression-launched",
        "إطلاق “إدارة العمليات العسكرية” معركة “ردع العدوان” في 27 من تشرين الثاني 2024",
        language="ar",
        translations={
            "en": "The Military Operations Command launched the 'Deterrence of "
            "Aggression' battle on 27 November 2024."
        },
        about=[operations_command],
        event_date="2024-11-27",
    )
    offensive_toppled_assad = b.claim(
        "deterrence-of-aggression-toppled-assad",
        "معركة “ردع العدوان” في 27 من تشرين الثاني 2024، التي أطاحت بنظام الأسد",
        language="ar",
        translations={
            "en": "The 'Deterrence of Aggression' battle toppled the Assad regime."
        },
        about=[operations_command],
        event_date="2024-11-27/2024-12-08",
        note=(
            "Dated from the battle's launch to the regime's fall, which the "
            "article puts on 8 December 2024."
        ),
    )
    hts_under_command = b.claim(
        "hts-under-operations-command",
        "وكل ما يتعلق بها يندرج تحت عمل “إدارة العمليات العسكرية”",
        language="ar",
        translations={
            "en": "Everything concerning [Tahrir al-Sham] falls under the work "
            "of the Military Operations Command."
        },
        about=[hts, operations_command],
    )
    sharaa_leads_hts = b.claim(
        "sharaa-leads-hts",
        "قائد “تحرير الشام”، أحمد الشرع",
        language="ar",
        translations={"en": "Ahmed al-Sharaa is the leader of Tahrir al-Sham."},
        about=[sharaa, hts],
    )
    sharaa_heads_administration = b.claim(
        "sharaa-heads-new-administration",
        "يشغل قائد “تحرير الشام”، أحمد الشرع، حاليًا منصب قائد الإدارة السورية الجديدة",
        language="ar",
        translations={
            "en": "The leader of Tahrir al-Sham, Ahmed al-Sharaa, currently holds "
            "the post of leader of the new Syrian administration."
        },
        about=[sharaa, syrian_government],
        note="'Currently' (حاليًا) is as of the article's writing.",
    )
    for background in (
        hts_out_of_sight,
        offensive_launched,
        offensive_toppled_assad,
        hts_under_command,
        sharaa_leads_hts,
        sharaa_heads_administration,
    ):
        b.attribute(
            background,
            source=enab_baladi,
            document=article,
            mode="direct_quote",
            note=OWN_VOICE,
        )

    # --- The single official: "right, wise and appropriate" ---------------
    official_cue = "وأكد مسؤول أمريكي أن"
    right_wise = b.claim(
        "sharing-right-wise-appropriate",
        "مشاركة المعلومات مع حكومة دمشق “صحيح وحكيم ومناسب”",
        language="ar",
        translations={
            "en": "Sharing information with the Damascus government is "
            "'right, wise and appropriate'."
        },
        kind="opinion",
        about=[us_government],
    )
    told = b.attribute(
        right_wise,
        source=one_official,
        document=report,
        mode="direct_quote",
        said=BEFORE_POST,
    )
    b.relay(
        told,
        source=wapo,
        document=article,
        mode="direct_quote",
        cue=official_cue,
        quote="صحيح وحكيم ومناسب",
        said=POST_DAY,
        note=INSIDE_THE_POST,
    )

    # The official's two reasons are claims of their own: either may be
    # better or worse founded than the opinion they are offered for.
    threat_information = b.claim(
        "credible-specific-threat-information",
        "وجود معلومات موثوقة ومحددة حول تهديدات تنظيم “الدولة الإسلامية”",
        language="ar",
        translations={
            "en": "There is credible and specific information about threats from "
            "the Islamic State group."
        },
        about=[us_government, us_intelligence, islamic_state],
        note=(
            "The information is the US government's own; no one outside it can "
            "vouch for it."
        ),
    )
    relationship = b.claim(
        "us-developing-relationship-with-damascus",
        "تعزيز الولايات المتحدة جهودها الرامية إلى تنمية علاقة مع حكومة دمشق",
        language="ar",
        translations={
            "en": "The United States is stepping up its efforts to develop a "
            "relationship with the Damascus government."
        },
        about=[us_government, syrian_government],
    )
    for reason in (threat_information, relationship):
        told = b.attribute(
            reason, source=one_official, document=report, said=BEFORE_POST
        )
        b.relay(
            told,
            source=wapo,
            document=article,
            cue=official_cue,
            said=POST_DAY,
            note=INSIDE_THE_POST,
        )

    # --- How the exchange ran -------------------------------------------
    officials_cue = "وفق المسؤولين"
    direct_meetings = b.claim(
        "direct-meetings-with-hts",
        "وجرى تبادل المعلومات الاستخباراتية التي يتم الإبلاغ عنها سابقًا مع “هيئة تحرير الشام”، في لقاءات مباشرة بين مسؤولي الاستخبارات الأمريكية وممثلي “تحرير الشام”",
        language="ar",
        translations={
            "en": "The intelligence exchange with Hayat Tahrir al-Sham, 'which is "
            "reported previously', took place in direct meetings between US "
            "intelligence officials and representatives of Tahrir al-Sham."
        },
        about=[us_government, us_intelligence, hts],
        note=(
            "'التي يتم الإبلاغ عنها سابقًا' reads 'which is reported "
            "previously'; it is most likely a slip for 'previously unreported' "
            "(a dropped negation). It is translated as written and not modelled "
            "as a claim, since the words cannot be trusted to carry what was "
            "meant."
        ),
    )
    not_through_third_parties = b.claim(
        "not-through-third-parties",
        "وليس عبر أطراف ثالثة",
        language="ar",
        translations={"en": "[The exchange took place] not through third parties."},
        about=[us_government, us_intelligence, hts],
    )
    for detail in (direct_meetings, not_through_third_parties):
        told = b.attribute(detail, source=officials, document=report, said=BEFORE_POST)
        b.relay(told, source=wapo, document=article, cue=officials_cue, said=POST_DAY)

    third_country = b.claim(
        "third-country-in-exchange",
        "وشمل تبادل المعلومات بين الجانبين سوريا وأمريكا ودولة ثالثة",
        language="ar",
        translations={
            "en": "The exchange of information between the two sides included "
            "Syria, America and a third country."
        },
        about=[us_government, syrian_government],
        note=(
            "The third country is not named. 'Between the two sides' sits "
            "oddly with three parties: the sentence may mean that the exchange "
            "between Syria and America drew in a third country."
        ),
    )
    private_contacts = b.claim(
        "private-diplomatic-contacts",
        "وأجرت الولايات المتحدة اتصالات دبلوماسية خاصة، مع حكومة دمشق",
        language="ar",
        translations={
            "en": "The United States held private diplomatic contacts with the "
            "Damascus government."
        },
        about=[us_government, syrian_government],
    )
    for detail in (third_country, private_contacts):
        told = b.attribute(detail, source=officials, document=report, said=BEFORE_POST)
        b.relay(
            told, source=wapo, document=article, said=POST_DAY, note=CONTINUES_THE_POST
        )

    responded_positively = b.claim(
        "damascus-responded-positively",
        "واستجابت الأخيرة “بشكل إيجابي”",
        language="ar",
        translations={
            "en": "The latter [the Damascus government] responded 'positively'."
        },
        about=[syrian_government],
    )
    told = b.attribute(
        responded_positively,
        source=officials,
        document=report,
        mode="direct_quote",
        said=BEFORE_POST,
    )
    b.relay(
        told,
        source=wapo,
        document=article,
        mode="direct_quote",
        quote="بشكل إيجابي",
        said=POST_DAY,
        note=CONTINUES_THE_POST,
    )

    # --- The Sayyida Zaynab attack: the US side -------------------------
    # One sentence, two propositions: a shrine plot was foiled, and US
    # intelligence helped. Splitting them lets the Syrian account support the
    # first without lending any weight to the second.
    helped_foil = b.claim(
        "us-helped-foil-plot",
        "ساعدت الاستخبارات الأمريكية، في حالة واحدة على الأقل، بإحباط مخطط لتنظيم “الدولة” لمهاجمة مزار ديني خارج دمشق خلال الشهر الحالي",
        language="ar",
        translations={
            "en": "US intelligence helped, in at least one case, to foil an "
            "Islamic State plot to attack a religious shrine outside Damascus "
            "this month."
        },
        about=[us_government, us_intelligence],
        event_date="2025-01",
        place="a religious shrine outside Damascus",
        note=(
            "The claim is US intelligence's part in the foiling; the plot and "
            "its foiling are claim shrine-plot-foiled. 'This month' is January "
            "2025, the month of the Post's report."
        ),
    )
    shrine_plot_foiled = b.claim(
        "shrine-plot-foiled",
        "إحباط مخطط لتنظيم “الدولة” لمهاجمة مزار ديني خارج دمشق خلال الشهر الحالي",
        language="ar",
        translations={
            "en": "An Islamic State plot to attack a religious shrine outside "
            "Damascus was foiled this month."
        },
        about=[islamic_state],
        event_date="2025-01",
        place="a religious shrine outside Damascus",
    )
    for us_side in (helped_foil, shrine_plot_foiled):
        told = b.attribute(us_side, source=officials, document=report, said=BEFORE_POST)
        b.relay(
            told, source=wapo, document=article, said=POST_DAY, note=CONTINUES_THE_POST
        )

    # --- The Sayyida Zaynab attack: the Syrian side ---------------------
    # The article tells the Syrian account twice: the service announced the
    # foiling, and SANA quoted an unnamed source in it. Two chains, one voice.
    zaynab_foiled = b.claim(
        "sayyida-zaynab-foiled",
        "السلطات نجحت بإحباط محاولة تفجير داخل مقام “السيدة زينب”",
        language="ar",
        translations={
            "en": "The authorities succeeded in foiling a bombing attempt inside "
            "the Sayyida Zaynab shrine."
        },
        about=[syrian_government, syrian_intelligence],
        event_date="../2025-01-11",
        place="inside the Sayyida Zaynab shrine, south of Damascus",
        note="Foiled on or before 11 January 2025, the day it was announced.",
    )
    announced = b.attribute(
        zaynab_foiled,
        source=syrian_intelligence,
        document=announcement,
        mode="direct_quote",
        said=ANNOUNCED,
    )
    b.relay(
        announced,
        source=syrian_intelligence,
        document=article,
        cue="أعلن جهاز الاستخبارات العامة في الإدارة السورية الجديدة",
        quote="إحباط محاولة تفجير داخل مقام “السيدة زينب” جنوب دمشق",
        said=ANNOUNCED,
    )
    sana_cue = (
        "ونقلت الوكالة السورية الرسمية للأنباء (سانا) عن مصدر بجهاز الاستخبارات "
        "العامة (لم تسمِّه) قوله"
    )
    told = b.attribute(
        zaynab_foiled, source=gi_source, document=dispatch, said=ANNOUNCED
    )
    b.relay(told, source=sana, document=article, cue=sana_cue, said=ANNOUNCED)

    islamic_state_behind = b.claim(
        "islamic-state-behind-sayyida-zaynab-plot",
        "تنظيم “الدولة” بالوقوف خلف التخطيط للتفجير",
        language="ar",
        translations={
            "en": "The Islamic State group was behind the planning of the bombing."
        },
        about=[islamic_state],
        event_date="../2025-01-11",
        place="the Sayyida Zaynab shrine, south of Damascus",
    )
    told = b.attribute(
        islamic_state_behind, source=gi_source, document=dispatch, said=ANNOUNCED
    )
    b.relay(
        told,
        source=sana,
        document=article,
        cue="واتهم المصدر",
        said=ANNOUNCED,
        note="'The source accused' continues SANA's quotation of its source.",
    )

    # --- Back to the Post: "this attack was averted" --------------------
    # "This attack" follows the Sayyida Zaynab paragraphs, so the officials
    # say two things: the attack was averted (the Syrian claim, now from a
    # second, independent side) and it was averted thanks to US warnings.
    averted_cue = "وبحسب “واشنطن بوست”، قال مسؤولون حاليون وسابقون إن"
    told = b.attribute(
        zaynab_foiled, source=officials, document=report, said=BEFORE_POST
    )
    b.relay(
        told,
        source=wapo,
        document=article,
        cue=averted_cue,
        quote="هذا الهجوم تم تجنبه",
        said=POST_DAY,
        note=(
            "'This attack' (هذا الهجوم) takes up the Sayyida Zaynab attempt the "
            "article has just described. Whether the Post named the shrine or "
            "the article joined the two accounts, the text does not say; the "
            "refines relation between the two sides' claims records the "
            "identification as well."
        ),
    )
    thanks_to_us_warnings = b.claim(
        "averted-thanks-to-us-warnings",
        "هذا الهجوم تم تجنبه بفضل التحذيرات التي قدمتها وكالات الاستخبارات الأمريكية",
        language="ar",
        translations={
            "en": "This attack was averted thanks to the warnings provided by US "
            "intelligence agencies."
        },
        about=[us_government, us_intelligence],
        event_date="../2025-01-11",
        place="the Sayyida Zaynab shrine, south of Damascus",
        note=(
            "The Syrian account credits 'the authorities' and says nothing of "
            "US warnings; only the US side makes this claim."
        ),
    )
    told = b.attribute(
        thanks_to_us_warnings, source=officials, document=report, said=BEFORE_POST
    )
    b.relay(told, source=wapo, document=article, cue=averted_cue, said=POST_DAY)

    # --- The photograph's caption, credited to SANA ---------------------
    # The caption is Enab Baladi's wording of a SANA photograph: recorded as
    # hops in the article credited to SANA, not as a document of its own,
    # because Enab Baladi published it only as part of this article and
    # "(سانا)" is the credit. The same caption appears twice, once without
    # "من" in the date; the spans come from the first.
    items_found = b.claim(
        "cell-equipment-found",
        "وثائق ومعدات اتصال وأسلحة عثرت عليها القوات الأمنية مع الخلية",
        language="ar",
        translations={
            "en": "The security forces found documents, communications equipment "
            "and weapons with the cell."
        },
        about=[syrian_government],
        event_date="../2025-01-11",
        note="The photograph is dated 11 January 2025; the find was that day or earlier.",
    )
    cell_attempted = b.claim(
        "cell-attempted-sayyida-zaynab-attack",
        "الخلية التي حاولت تنفيذ هجوم في مقر السيدة زينب بالقرب من العاصمة دمشق",
        language="ar",
        translations={
            "en": "The cell tried to carry out an attack at the Sayyida Zaynab "
            "site near the capital, Damascus."
        },
        event_date="../2025-01-11",
        place="Sayyida Zaynab, near Damascus",
        note=(
            "The caption has 'مقر' (premises) where the body has 'مقام' "
            "(shrine), probably a slip; it is kept as written. The caption does "
            "not name the Islamic State."
        ),
    )
    for caption in (items_found, cell_attempted):
        shown = b.attribute(
            caption, source=sana, document=dispatch, mode="direct_quote", said=ANNOUNCED
        )
        b.relay(shown, source=sana, document=article, cue="(سانا)", said=ANNOUNCED)

    # --- Sharing with non-allies, and the duty to warn ------------------
    non_allies = b.claim(
        "us-shares-with-non-allies",
        "وتشارك الولايات المتحدة المعلومات الاستخباراتية مع دول أخرى ليس بالضرورة أن تكون حليفة",
        language="ar",
        translations={
            "en": "The United States shares intelligence with other countries that "
            "are not necessarily allies."
        },
        about=[us_government],
    )
    b.attribute(
        non_allies,
        source=enab_baladi,
        document=article,
        mode="direct_quote",
        note=OWN_VOICE,
    )

    one_of_them_cue = "وفق أحد المسؤولين"
    russians_and_iranians = b.claim(
        "us-shares-with-russians-and-iranians",
        "نشارك المعلومات الاستخباراتية مع الروس ومع الإيرانيين عندما نواجه تهديدات معينة",
        language="ar",
        translations={
            "en": "We share intelligence with the Russians and with the Iranians "
            "when we face particular threats."
        },
        about=[us_government, russia, iran],
    )
    duty_in_some_cases = b.claim(
        "duty-to-warn-in-some-cases",
        "وفي بعض الحالات، يكون لدينا واجب التحذير",
        language="ar",
        translations={"en": "In some cases, we have a duty to warn."},
        about=[us_government],
    )
    for quoted in (russians_and_iranians, duty_in_some_cases):
        told = b.attribute(
            quoted,
            source=one_of_the_officials,
            document=report,
            mode="direct_quote",
            said=BEFORE_POST,
        )
        b.relay(
            told,
            source=wapo,
            document=article,
            mode="direct_quote",
            cue=one_of_them_cue,
            quote=quoted.text,
            said=POST_DAY,
        )

    # The two earlier warnings carry no attribution phrase and are not in
    # quotation marks: they are the Post's own illustration of the official's
    # words, in its own voice. Both episodes are on the public record.
    warned_russia = b.claim(
        "us-warned-russia",
        "وحذرت الولايات المتحدة روسيا من هجوم على مكان شهير للحفلات الموسيقية في ضواحي موسكو العام الماضي",
        language="ar",
        translations={
            "en": "Last year, the United States warned Russia of an attack on a "
            "well-known concert venue on the outskirts of Moscow."
        },
        about=[us_government, russia],
        event_date="2024",
        place="a well-known concert venue on the outskirts of Moscow",
        note=(
            "'Last year' counts from the Post's report of January 2025. The "
            "venue is not named; the description fits the attack on Crocus City "
            "Hall of 22 March 2024."
        ),
    )
    warned_iran = b.claim(
        "us-warned-iran",
        "وإيران خلال الذكرى الرابعة لاغتيال قاسم سليماني",
        language="ar",
        translations={
            "en": "[The United States warned] Iran during the fourth anniversary "
            "of the assassination of Qassem Soleimani."
        },
        about=[us_government, iran],
        event_date="2024-01-03",
        note=(
            "The verb is shared with the warning to Russia ('وحذرت الولايات "
            "المتحدة'), so the span starts at 'وإيران'. Soleimani was killed on "
            "3 January 2020, so the fourth anniversary fell on 3 January 2024. "
            "The Arabic dates the warning by the anniversary; the attack it "
            "warned of presumably came on that day."
        ),
    )
    attack_carried_out = b.claim(
        "iran-attack-carried-out-despite-warning",
        "ورغم التحذير تم تنفيذ الهجوم",
        language="ar",
        translations={"en": "Despite the warning, the attack was carried out."},
        about=[iran],
        event_date="2024-01-03",
        note=(
            "'The warning' and 'the attack' are singular and follow the Iran "
            "clause, so they are read as the attack in Iran. The attack near "
            "Moscow was also carried out, but the sentence does not say so."
        ),
    )
    civilians_killed = b.claim(
        "iran-attack-killed-civilians",
        "وسقط قتلى مدنيون",
        language="ar",
        translations={"en": "Civilians were killed [in the attack]."},
        event_date="2024-01-03",
    )
    for illustration in (
        warned_russia,
        warned_iran,
        attack_carried_out,
        civilians_killed,
    ):
        own = b.attribute(
            illustration,
            source=wapo,
            document=report,
            mode="direct_quote",
            said=POST_DAY,
            note=(
                "The Post's own voice, neither attributed nor quoted: its "
                "illustration of the official's words."
            ),
        )
        b.relay(own, source=wapo, document=article, said=POST_DAY)

    # General statements of US policy in the article's own voice. The Post is
    # their likely origin, but the article does not say so, and crediting it
    # would put words in the Post's mouth.
    responsibility = b.claim(
        "us-responsibility-to-share",
        "وحتى عندما لا تتوافق مصالح الولايات المتحدة تمامًا، فإنها تتحمل مسؤولية في بعض الحالات، لمشاركة المعلومات الاستخباراتية",
        language="ar",
        translations={
            "en": "Even when the interests of the United States do not fully "
            "align [with another country's], it bears a responsibility in some "
            "cases to share intelligence."
        },
        about=[us_government],
    )
    duty_to_warn = b.claim(
        "duty-to-warn-policy",
        "وبموجب سياسة “واجب التحذير”، فإن وكالات التجسس الأمريكية ملزمة بتنبيه الضحايا المقصودين، سواء الأمريكيين أو الأجانب، إذا علموا بوقوع هجوم عنيف أو قتل متعمد أو اختطاف مخطط له",
        language="ar",
        translations={
            "en": "Under the 'duty to warn' policy, US spy agencies are obliged "
            "to alert intended victims, whether American or foreign, if they "
            "learn of a planned violent attack, intentional killing or "
            "kidnapping."
        },
        about=[us_government, us_intelligence],
        note=(
            "The policy is Intelligence Community Directive 191 (2015), which "
            "the article does not name."
        ),
    )
    source_exception = b.claim(
        "duty-to-warn-source-exception",
        "وتوجد بعض الاستثناءات لـ”واجب التحذير”، أحدها إذا كان ذلك قد يؤدي إلى تعريض مصادر الاستخبارات الأمريكية للخطر",
        language="ar",
        translations={
            "en": "There are some exceptions to the 'duty to warn', one of them "
            "being if a warning could put US intelligence sources in danger."
        },
        about=[us_government, us_intelligence],
    )
    for policy in (responsibility, duty_to_warn, source_exception):
        b.attribute(
            policy,
            source=enab_baladi,
            document=article,
            mode="direct_quote",
            note=OWN_VOICE,
        )

    # --- How the claims bear on each other ------------------------------
    b.relate(
        zaynab_foiled,
        "refines",
        shrine_plot_foiled,
        note=(
            "SANA's account names the shrine (Sayyida Zaynab, south of "
            "Damascus) and the method (a bombing) that the officials leave "
            "general ('a religious shrine outside Damascus'). The article sets "
            "the two under one heading; that they are one plot is its reading, "
            "which the timing (11 January, 'this month') and the place bear "
            "out. Evidence that the Sayyida Zaynab attempt was foiled is "
            "evidence that a shrine plot was, not that US intelligence helped."
        ),
    )
    b.relate(
        not_through_third_parties,
        "contradicts",
        third_country,
        note=(
            "In tension as written: the exchange went 'not through third "
            "parties', yet 'included ... a third country'. Both can be true "
            "(the meetings were direct while a third country took part in, or "
            "supplied, some of what was exchanged), but the article does not "
            "say how, so the tension is kept for a reader to resolve rather "
            "than smoothed over."
        ),
    )
    b.relate(
        thanks_to_us_warnings,
        "supports",
        helped_foil,
        note="An attack averted thanks to US warnings is a plot US intelligence helped foil.",
    )
    b.relate(
        islamic_state_behind,
        "supports",
        shrine_plot_foiled,
        note=(
            "Both sides name the Islamic State: the officials as the plot's "
            "author, SANA's source as behind the Sayyida Zaynab bombing."
        ),
    )
    b.relate(
        items_found,
        "supports",
        zaynab_foiled,
        note="The seized documents, equipment and weapons are SANA's evidence of the foiling.",
    )
    b.relate(
        cell_attempted,
        "supports",
        zaynab_foiled,
        note=(
            "The caption's cell 'that tried to carry out an attack' is the "
            "attempt the authorities say they foiled."
        ),
    )
    b.relate(
        shared_intel,
        "refines",
        headline,
        note=(
            "The account behind the headline. The headline's 'exchange' "
            "(تبادل) suggests traffic both ways; the body reports US sharing "
            "with Damascus and uses the same word for it."
        ),
    )
    b.relate(
        direct_meetings,
        "refines",
        shared_intel,
        note=(
            "How the sharing ran. The lede names the interim Damascus "
            "government as the counterpart, this sentence HTS representatives; "
            "the article treats them as one, HTS's leader heading the "
            "administration."
        ),
    )
    b.relate(
        designated,
        "supports",
        not_embraced,
        note="The officials' own reason, inside the same quotation.",
    )
    b.relate(
        threat_information,
        "supports",
        right_wise,
        note="The official's first stated reason ('نظرًا لوجود').",
    )
    b.relate(
        relationship,
        "supports",
        right_wise,
        note="The official's second stated reason ('إلى جانب').",
    )
    b.relate(
        russians_and_iranians,
        "refines",
        non_allies,
        note="Russia and Iran are the non-allies the official names.",
    )
    b.relate(
        warned_russia,
        "supports",
        russians_and_iranians,
        note="The Post's first example of sharing with the Russians.",
    )
    b.relate(
        warned_iran,
        "supports",
        russians_and_iranians,
        note="The Post's second example, of sharing with the Iranians.",
    )
    b.relate(
        duty_to_warn,
        "refines",
        duty_in_some_cases,
        note="The duty the official invokes, spelled out: who must warn, whom, and of what.",
    )

    return b.build()


def main(argv: Sequence[str] | None = None, *, output: Path = OUTPUT) -> int:
    """Write the graph to *output*, or with ``--check`` compare it with the file.

    Returns:
        The exit code: 0 when the file was written or is current, 1 when
        ``--check`` finds it missing or different.
    """
    parser = argparse.ArgumentParser(
        description="Model Enab Baladi's article of 24 January 2025 as a claim graph."
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit with 1 if the committed file differs",
    )
    args = parser.parse_args(argv)
    graph = build()
    if not args.check:
        claimtrack.dump(graph, output)
        print(f"wrote {output.name}")
        return 0
    expected = claimtrack.dumps(graph).encode("utf-8")
    try:
        current = output.read_bytes()
    except FileNotFoundError:
        current = None
    if current != expected:
        print(
            f"{output.name} is not what this script builds; "
            f"run {Path(__file__).name} to rewrite it",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
