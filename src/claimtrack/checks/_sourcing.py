"""Sourcing rules (CT3xx): who a claim really rests on, and how many voices that is."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import compress
from operator import attrgetter

from claimtrack._disjoint import DisjointSets
from claimtrack.graph import ClaimGraph, OriginGroup
from claimtrack.records import (
    Attribution,
    Claim,
    ClaimKind,
    Credibility,
    Document,
    RelationKind,
    Source,
    Stance,
)

from ._core import (
    Finding,
    RefsOf,
    Severity,
    builtin_finding,
    builtin_rule,
    make_ref,
    ref_to,
    shared,
)
from ._names import normalise_name
from ._words import listing, source_namer, source_words

__all__ = [
    "anonymous_only",
    "circular_reporting",
    "credited_claims",
    "independent_origins",
    "interested_origin",
    "probable_duplicate_source",
    "retracted_support",
    "single_origin",
    "unattributed_claim",
    "undescribed_anonymous_source",
]


def __dir__() -> list[str]:
    return list(__all__)


def independent_origins(graph: ClaimGraph, claim_id: str) -> int:
    """Count the independent origin groups that support a claim.

    The count is `ClaimGraph.corroborating_groups`, the one the confidence
    calculus uses: the claim's own supporting origins, and those that reach it
    along relations (from claims that refine it, are the same as it, or
    support it), grouped by affiliation root.
    """
    return len(graph.corroborating_groups(claim_id)[0])


def credited_claims(graph: ClaimGraph) -> frozenset[str]:
    """Return the ids of the claims some attribution credits to someone.

    One set, rather than a lookup of each claim's attributions, for rules
    that only ask whether a claim has any; shared by the rules of a run.
    """
    return shared(
        graph,
        "credited-claims",
        lambda: frozenset(map(attrgetter("claim"), graph.attributions)),
    )


def _supporting(groups: tuple[OriginGroup, ...], claim_id: str) -> list[Attribution]:
    """Return the origins in *groups*, the claim's own first, each part by id."""
    origins = [origin for group in groups for origin in group.origins]
    # The claim's own origins first, then those that reach it along relations.
    return sorted(origins, key=lambda origin: (origin.claim != claim_id, origin.id))


@builtin_rule(
    code="CT301",
    name="anonymous-only",
    severity="warning",
    summary="A fact claim whose every supporting origin is anonymous.",
    explanation="""
Reported for a claim of kind `fact` when every origin that supports it (the
first-hand end of each relay chain) is a source marked `anonymous`. Its
supporting origins are those CT302 counts: the ones that assert or hedge it,
and those of the claims that refine it, are the same as it or support it, so
an on-the-record statement of a more specific claim clears the general one.

**Why it matters.** Anonymous sourcing can be legitimate, but a reader cannot
weigh the source's access or motives, and nobody is accountable if it is wrong.
A claim carried by several outlets that all quote "officials familiar with the
matter" rests on no named person at all.

**Example.** "The United States shared intelligence on IS threats with the
Damascus government", which Enab Baladi relays from the Washington Post, which
cites "current and former US officials familiar with the exchanges".

**How to fix.** Nothing to fix in the graph if that is the sourcing. In the
write-up, attribute the claim to the anonymous source and describe who they
are; look for an on-the-record confirmation (an official statement, a named
spokesperson, a document) and add it as another origin if one exists.
""",
)
def anonymous_only(graph: ClaimGraph) -> Iterator[Finding]:
    """Report fact claims resting only on anonymous origins."""
    index = graph.source_index
    anonymous = {source_id for source_id, s in index.items() if s.anonymous}
    words = source_namer(graph)
    # Claims that share their evidence (a same_as cluster) share one groups
    # value: whether all of it is anonymous is worked out once for all of them.
    verdicts: dict[int, tuple[object, bool]] = {}
    for claim, support in _fact_support(graph):
        if support is not None:
            # A claim in no relation: its own origins are all its support,
            # and only a claim they leave anonymous needs its groups.
            if len(support) == 1:  # most claims
                if support[0].source not in anonymous:
                    continue
            elif not support or not all(o.source in anonymous for o in support):
                continue
            groups = next(graph._supporting_groups([claim.id]))  # noqa: SLF001
        else:
            groups = graph.corroborating_groups(claim.id)[0]
            if not groups:
                continue
            verdict = verdicts.get(id(groups))
            if verdict is None:
                verdict = verdicts[id(groups)] = (groups, _all_anonymous(index, groups))
            if not verdict[1]:
                continue
        origins = _supporting(groups, claim.id)
        sources = list(dict.fromkeys(origin.source for origin in origins))
        noun = "source" if len(sources) == 1 else "sources"
        yield builtin_finding(
            anonymous_only,
            f"claim {claim.id!r} rests only on anonymous {noun}: "
            + listing([words(s) for s in sources]),
            records=(
                ref_to(claim),
                *(make_ref("source", s) for s in sorted(sources)),
            ),
            hint="Attribute it to the anonymous source in any write-up, and look "
            "for an on-the-record confirmation to add as another origin.",
        )


_id = attrgetter("id")


def _fact_support(
    graph: ClaimGraph,
) -> Iterator[tuple[Claim, tuple[Attribution, ...] | None]]:
    """Yield each fact claim with its own supporting origins, in order.

    The origins are those of ``graph.corroborating_groups(claim.id)[0]`` for
    a claim in no relation, most of them, worked out in one walk over the
    claims without grouping them; None for a claim in a relation, whose
    groups the rules ask for.
    """

    def compute() -> list[tuple[Claim, tuple[Attribution, ...] | None]]:
        fact = ClaimKind.FACT
        facts = [claim for claim in graph.claims if claim.kind is fact]
        support = graph._own_support(map(_id, facts))  # noqa: SLF001
        return list(zip(facts, support, strict=True))

    # CT301 and CT302 both walk the fact claims' support.
    return iter(shared(graph, "fact-support", compute))


def _all_anonymous(
    index: Mapping[str, Source], groups: tuple[OriginGroup, ...]
) -> bool:
    """Whether the source of every origin in *groups* is an anonymous source."""
    return all(
        (source := index.get(origin.source)) is not None and source.anonymous
        for group in groups
        for origin in group.origins
    )


@builtin_rule(
    code="CT302",
    name="single-origin",
    severity="warning",
    summary="A fact claim with only one independent origin (uncorroborated).",
    explanation="""
Reported for a claim of kind `fact` that has supporting origins, all in one
origin group. Each relay chain is followed to its origin (the first-hand
statement); origins whose sources' affiliation chains reach the same root are
one group, one voice: two anonymous US officials and the State Department are
one group. Only origins that assert or hedge the claim count. Support flows
along relations as in the confidence calculus, which counts the same groups:
the origins of claims that `refines` this one (a more specific claim's
evidence supports the general one), of claims that are `same_as` it and of
claims that `supports` it count too. A claim with no attribution at all is
CT306's business.

**Why it matters.** Ten outlets repeating one agency's statement are one
source, not ten. "Confirmed by other independent sources" needs at least two
groups.

**Example.** "The attack was averted thanks to warnings from US intelligence
agencies" has only US officials behind it, however many outlets relayed them;
whereas the foiling of the Sayyida Zaynab plot has two groups (US officials,
and an unnamed Syrian General Intelligence source via SANA) and is not
reported.

**How to fix.** Look for an origin outside the group: a party with its own
access that does not answer to the same root. If the sources were wrongly
left unaffiliated, the count is too high, not too low; if two really
independent sources were given one affiliation, correct it.
""",
)
def single_origin(graph: ClaimGraph) -> Iterator[Finding]:
    """Report fact claims with exactly one independent origin group."""
    words = source_namer(graph)
    source_refs = RefsOf("source")
    root_of = graph.affiliation_root
    for claim, support in _fact_support(graph):
        if support is None:
            groups = graph.corroborating_groups(claim.id)[0]
            if len(groups) != 1:
                continue
            root = groups[0].root
        elif len(support) == 1:  # most claims
            root = root_of(support[0].source)
        else:
            # Support from one root is one group, whatever its size.
            roots = {root_of(origin.source) for origin in support}
            if len(roots) != 1:
                continue
            root = roots.pop()
        yield builtin_finding(
            single_origin,
            f"claim {claim.id!r} rests on a single independent origin: "
            f"{words(root)} and those who answer to it",
            records=(ref_to(claim), source_refs[root]),
            hint="Look for an origin that does not answer to the same party, "
            "and check that the sources' affiliations are right.",
        )


def _relayed_apart(graph: ClaimGraph) -> Iterator[Claim]:
    """Yield the claims with at least two chains (`ClaimGraph.leaves_of`), in order.

    Each chain starts in one document: with fewer than two there cannot be
    two publishers, and most claims are ruled out here, by a walk over the
    claims' chains rather than a lookup of each claim's.
    """
    chains = graph._leaves_table()  # noqa: SLF001
    several = {claim_id for claim_id, found in chains.items() if len(found) > 1}
    claims = graph.claims
    return compress(claims, map(several.__contains__, map(_id, claims)))


def _supporting_publishers(
    graph: ClaimGraph, leaves: Iterable[Attribution]
) -> list[str]:
    """Return the publishers of the documents where these chains start, by id.

    Chains that end at a denial, or nowhere, do not count.
    """
    documents = graph.document_index
    publishers: set[str] = set()
    for leaf in leaves:
        origin = graph.origin(leaf.id)
        document = documents.get(leaf.document)
        if (
            origin is None
            or origin.stance is Stance.DENIES
            or document is None
            or document.publisher is None
        ):
            continue
        publishers.add(document.publisher)
    return sorted(publishers)


@builtin_rule(
    code="CT303",
    name="circular-reporting",
    severity="info",
    summary="Several outlets carry a claim that traces back to one origin group.",
    explanation="""
Reported for a claim (not an opinion) whose relay chains start in documents of
at least two different publishers (the most downstream hop of each chain) but
all end in one origin group.

It is `info` in itself, and a `warning` when something in the graph treats the
outlets as independent: an assessment of credibility 1 ("confirmed by other
independent sources"), or a `supports` or `same_as` relation with another
claim that rests on the very same single origin group.

**Why it matters.** Circular reporting is the classic way one voice becomes
"widely reported": a wire story, a state-agency dispatch or one newspaper's
anonymous officials, repeated by many outlets, looks like corroboration and is
not.

**Example.** Enab Baladi and another outlet both relay the Washington Post's
account from US officials; an analyst's assessment calls the claim "confirmed".

**How to fix.** Count it as one origin. Downgrade an assessment that relied on
the apparent corroboration, or drop the relation that presents the repetition
as support.
""",
)
def circular_reporting(graph: ClaimGraph) -> Iterator[Finding]:
    """Report claims spread by several publishers from one origin group."""
    for claim in _relayed_apart(graph):
        if claim.kind is ClaimKind.OPINION:
            continue
        leaves = graph.leaves_of(claim.id)
        roots = graph.supporting_roots(claim.id)
        if len(roots) != 1:
            continue
        publishers = _supporting_publishers(graph, leaves)
        if len(publishers) < 2:
            continue
        reasons = [
            f"assessment {a.id!r} rates it confirmed by independent sources"
            for a in graph.assessments_of(claim.id)
            if a.credibility is Credibility.CONFIRMED
        ]
        for relation in graph.relations_of(claim.id):
            other = relation.target if relation.claim == claim.id else relation.claim
            if (
                relation.kind in {RelationKind.SUPPORTS, RelationKind.SAME_AS}
                and other != claim.id
                and graph.supporting_roots(other) == roots
            ):
                reasons.append(
                    f"relation {relation.id!r} presents claim {other!r}, from the "
                    "same origin group, as independent"
                )
        severity = Severity.WARNING if reasons else Severity.INFO
        treated = f"; yet {listing(reasons)}" if reasons else ""
        yield builtin_finding(
            circular_reporting,
            f"claim {claim.id!r} is carried by {len(publishers)} publishers "
            f"({listing([repr(p) for p in publishers])}), all tracing back to one "
            f"origin group, {source_words(graph, roots[0])}{treated}",
            records=(
                ref_to(claim),
                *(make_ref("source", p) for p in publishers),
                make_ref("source", roots[0]),
            ),
            hint="Count it as one origin; revisit any judgment that took the "
            "outlets as independent corroboration.",
            severity=severity,
        )


def _may_be_interested(graph: ClaimGraph) -> set[str]:
    """Return the ids of the claims `ClaimGraph.interested_evidence` may report.

    Evidence is interested only in a party that the claim, or a claim it
    draws evidence from along a relation, is about: a claim about no one and
    in no relation has none, and is settled without walking its evidence.
    """
    found = {claim.id for claim in graph.claims if claim.about}
    for relation in graph.relations:
        found.add(relation.claim)
        found.add(relation.target)
    return found


@builtin_rule(
    code="CT304",
    name="interested-origin",
    severity="warning",
    summary="A claim's origin is, or answers to, a party the claim is about.",
    explanation="""
Reported for a claim (not an opinion) when the source of one of its origins, or
any source up that source's affiliation chain, is among the parties the claim
is `about`. Origins that reach the claim along relations count too (those
CT302 counts, and the origins of contradicting evidence), judged against the
parties of both claims: the claim the origin spoke of and this one. This is
the interest the confidence calculus discounts.

**Why it matters.** A party speaking about itself has a stake: an intelligence
service announcing that it foiled an attack, officials crediting their own
country's agencies with averting one. Such claims may well be true, but they
are self-reports and need an independent check before being presented as fact.

**Example.** "Syrian General Intelligence foiled a bombing at Sayyida Zaynab",
from an unnamed source in the General Intelligence Service (affiliated with the
Syrian caretaker government), about the Syrian caretaker government; and "the
attack was averted thanks to US warnings", from US officials, about the US
government.

**How to fix.** Attribute the claim explicitly to the interested party, and look
for an origin with no stake in it. If the `about` list names a party by mistake,
correct it.
""",
)
def interested_origin(graph: ClaimGraph) -> Iterator[Finding]:
    """Report claims with an origin that speaks for a party they are about."""
    candidates = _may_be_interested(graph)
    claims = [
        claim
        for claim in graph.claims
        if claim.id in candidates and claim.kind is not ClaimKind.OPINION
    ]
    interest = graph._own_interest(map(_id, claims))  # noqa: SLF001
    for claim, own in zip(claims, interest, strict=True):
        pairs = graph.interested_evidence(claim.id) if own is None else own
        if not pairs:
            continue
        parties: dict[str, dict[str, None]] = {}
        through: dict[str, dict[str, None]] = {}
        for origin, party in pairs:
            parties.setdefault(origin.source, {})[party] = None
            through.setdefault(origin.source, {})[origin.claim] = None
        # A source that also spoke of this claim itself needs no "through".
        through = {s: c for s, c in through.items() if claim.id not in c}
        described = []
        for source_id, found in parties.items():
            names = [p for p in found if p != source_id]
            if not names:
                words = f"{source_words(graph, source_id)} is itself one"
            else:
                words = f"{source_words(graph, source_id)} answers to " + listing(
                    [repr(p) for p in names]
                )
            if source_id in through:
                related = sorted(through[source_id])
                noun = "claim" if len(related) == 1 else "claims"
                words += f" (through {noun} {listing([repr(c) for c in related])})"
            described.append(words)
        involved = sorted({p for found in parties.values() for p in found} | {*parties})
        lead = (
            "a party it is about"
            if not through
            else "a party it or a related claim is about"
        )
        yield builtin_finding(
            interested_origin,
            f"claim {claim.id!r} comes from {lead}: " + "; ".join(described),
            records=(ref_to(claim), *(make_ref("source", s) for s in involved)),
            hint="Present it as the party's own account, and look for an origin "
            "with no stake in the claim.",
        )


@builtin_rule(
    code="CT305",
    name="undescribed-anonymous-source",
    severity="warning",
    summary="An anonymous source with no descriptor of who they are.",
    explanation="""
Reported for a source marked `anonymous` whose `descriptor` is missing or
blank.

**Why it matters.** When a source is unnamed, the descriptor is all a reader
has to judge their access and interest: "current and former US officials
familiar with the exchanges" says who they are and how they know; "a source"
says nothing. Good practice (and most newsroom codes) require it.

**Example.** Source `gis-source`, anonymous, with no descriptor, where the text
says "a source in the General Intelligence Service, who was not named".

**How to fix.** Copy the reporting's own description of the source into
`descriptor`, in the original language if you keep texts verbatim.
""",
)
def undescribed_anonymous_source(graph: ClaimGraph) -> Iterator[Finding]:
    """Report anonymous sources without a descriptor."""
    for source in graph.sources:
        if not source.anonymous or (source.descriptor and source.descriptor.strip()):
            continue
        yield builtin_finding(
            undescribed_anonymous_source,
            f"anonymous source {source_words(graph, source.id)} has no descriptor "
            "of who they are or how they know",
            records=(ref_to(source),),
            hint="Add the reporting's own description of the source as its descriptor.",
        )


@builtin_rule(
    code="CT306",
    name="unattributed-claim",
    severity="warning",
    summary="A claim with no attribution at all.",
    explanation="""
Reported for a claim that no attribution credits to anyone.

**Why it matters.** A claim nobody said cannot be traced, corroborated or
checked; usually an attribution was forgotten, or the claim is the article's
own framing, which should then be credited to the outlet that wrote it.

**Example.** Claim `third-country` ("the exchange of information included a
third country") entered with no attribution, though Enab Baladi states it in
its own voice.

**How to fix.** Add the attribution: to the source the text credits, or to the
publisher of the document when the document says it in its own voice.
""",
)
def unattributed_claim(graph: ClaimGraph) -> Iterator[Finding]:
    """Report claims with no attribution."""
    credited = credited_claims(graph)
    for claim in graph.claims:
        if claim.id in credited:
            continue
        yield builtin_finding(
            unattributed_claim,
            f"claim {claim.id!r} is credited to no one: it has no attribution",
            records=(ref_to(claim),),
            hint="Credit it to the source the text names, or to the document's "
            "publisher if the document says it in its own voice.",
        )


def _retracted_chains(
    graph: ClaimGraph, claim_id: str
) -> tuple[dict[Attribution | Document, None], int]:
    """Return the retractions the claim's supporting chains pass through.

    Each supporting chain (one not ending at a denial) adds the nearest
    retraction on it, or one to the count of chains clean of any, returned
    second.
    """
    retractions: dict[Attribution | Document, None] = {}
    clean = 0
    for leaf in graph.leaves_of(claim_id):
        origin = graph.origin(leaf.id)
        if origin is not None and origin.stance is Stance.DENIES:
            continue
        nearest = graph.retraction_upstream(leaf.id)
        if nearest is None:
            clean += 1
        else:
            retractions[nearest] = None
    return retractions, clean


def _may_rest_on_retractions(graph: ClaimGraph) -> set[str]:
    """Return the ids of the claims that have a chain a retraction may be on.

    A chain passes through a retraction when a hop on it is retracted or is
    recorded in a retracted document. Retractions are few: walking relays
    downstream from them finds every hop whose chain may pass through one,
    where walking every chain up from its leaf would visit the whole graph.
    """
    retracted = {d.id for d in graph.documents if d.retracted is not None}
    hops = [
        a.id
        for a in graph.attributions
        if a.retracted is not None or a.document in retracted
    ]
    reached = set(hops)
    while hops:
        for relay in graph.relays_of(hops.pop()):
            if relay.id not in reached:
                reached.add(relay.id)
                hops.append(relay.id)
    return {a.claim for a in graph.attributions if a.id in reached}


def _retraction_words(record: Attribution | Document) -> str:
    return f"{record.TYPE} {record.id!r} (retracted {record.retracted})"


@builtin_rule(
    code="CT307",
    name="retracted-support",
    severity="error",
    summary="A claim or judgment that rests on retracted reporting.",
    explanation="""
A hop is retracted when the attribution has a `retracted` date or the document
it is recorded in does. A chain passes through a retraction when any of its
hops does, since everything downstream of a retracted report repeats it.

- `error`: every supporting chain of a claim (each starting at a hop nothing
  else relays, and ending at an origin that does not deny it) passes through a
  retraction: the claim's support is gone.
- `info`: some, not all, of its supporting chains do; the claim stands on the
  others, but counts and confidence must leave the retracted ones out.
- `warning`: an assessment of a claim with retracted support, unless the
  assessment is dated certainly after every retraction it could have known of.
- `info`: a claim that draws support from a claim whose support is all
  retracted (the retracted claim `supports` or `refines` it, or is `same_as`
  it).

**Why it matters.** Retractions do not travel: outlets that relayed a report
rarely retract their relays, and judgments made on it stay in the record.

**Example.** The Washington Post corrects its report; Enab Baladi's relay of it,
and an assessment made from both, now stand on nothing.

**How to fix.** Review each claim and assessment listed: find other support, or
downgrade or withdraw the judgment. Add an assessment dated after the
retraction once reviewed.
""",
)
def retracted_support(graph: ClaimGraph) -> Iterator[Finding]:
    """Report claims, assessments and related claims downstream of retractions."""
    gone: set[str] = set()
    candidates = _may_rest_on_retractions(graph)
    for claim in graph.claims:
        if claim.id not in candidates:
            continue
        retractions, clean = _retracted_chains(graph, claim.id)
        if not retractions:
            continue
        named = sorted(retractions, key=lambda r: (r.TYPE, r.id))
        refs = (ref_to(claim), *(ref_to(r) for r in named))
        words = listing([_retraction_words(r) for r in named])
        if clean == 0:
            gone.add(claim.id)
            yield builtin_finding(
                retracted_support,
                f"claim {claim.id!r} rests only on retracted reporting: {words}",
                records=refs,
                hint="Find support that was not retracted, or withdraw the claim "
                "from any write-up.",
            )
        else:
            yield builtin_finding(
                retracted_support,
                f"claim {claim.id!r} is partly carried by retracted reporting "
                f"({words}); {clean} other chain(s) still stand",
                records=refs,
                hint="Leave the retracted chains out when counting its support.",
                severity=Severity.INFO,
            )
        latest = max(r.retracted.latest for r in named if r.retracted is not None)
        for assessment in graph.assessments_of(claim.id):
            if assessment.date is not None and latest < assessment.date.earliest:
                continue
            yield builtin_finding(
                retracted_support,
                f"assessment {assessment.id!r} of claim {claim.id!r} may rest on "
                f"reporting since retracted: {words}",
                records=(ref_to(assessment), *refs),
                hint="Review the assessment without the retracted reporting, "
                "and date the review.",
                severity=Severity.WARNING,
            )
    for relation in graph.relations:
        if relation.claim == relation.target:
            continue
        pairs: list[tuple[str, str]] = []
        if relation.kind in {RelationKind.SUPPORTS, RelationKind.REFINES}:
            pairs.append((relation.claim, relation.target))
        elif relation.kind is RelationKind.SAME_AS:
            pairs.extend(
                [
                    (relation.claim, relation.target),
                    (relation.target, relation.claim),
                ]
            )
        for upstream, downstream in pairs:
            if upstream not in gone or downstream in gone:
                continue
            if graph.claim(downstream) is None:
                continue
            yield builtin_finding(
                retracted_support,
                f"claim {downstream!r} draws support from claim {upstream!r} "
                f"through relation {relation.id!r}, and all of that claim's "
                "reporting is retracted",
                records=(
                    make_ref("claim", downstream),
                    make_ref("claim", upstream),
                    ref_to(relation),
                ),
                hint="Leave that support out, or find support that stands.",
                severity=Severity.INFO,
            )


@builtin_rule(
    code="CT308",
    name="probable-duplicate-source",
    severity="warning",
    summary="Two sources that are probably the same party under two ids.",
    explanation="""
Reported when sources share a name once names are normalised, comparing every
`name`, every value of `names` and every alias of each. Normalisation folds
case; turns runs of spaces and punctuation into one space; drops Latin
diacritics and a leading English article ("The Washington Post" matches
"Washington Post"); and, for Arabic, writes the alef forms (أ إ آ ٱ) as bare alef,
alef maqsura (ى) as yeh, taa marbuta (ة) as heh, removes tatweel (ـ) and
harakat, and removes the definite article (ال) from the start of each word. So
"وكالة الأنباء السورية" and "وكالة انباء سورية" match, as do "Agence
France-Presse" and "agence france presse". Sources already grouped under one
affiliation root are not reported, since their independence is not overstated.

**Why it matters.** The same agency entered twice, once from an English text
and once from an Arabic one, counts as two independent origins, and a claim
looks corroborated when it is not.

**Example.** Source `sana` named "SANA" with the alias "الوكالة العربية السورية
للأنباء", and source `syrian-arab-news-agency` named "الوكالة العربية السورية
للانباء".

**How to fix.** Merge the two sources into one id, or, if they really are
different parties with one name (two people called Ahmad), give them
descriptors or affiliations that tell them apart and ignore the finding.
""",
)
def probable_duplicate_source(graph: ClaimGraph) -> Iterator[Finding]:
    """Report groups of sources whose normalised names coincide."""
    by_name: defaultdict[str, dict[str, None]] = defaultdict(dict)
    for source in graph.sources:
        for name in (source.name, *source.names.values(), *source.aliases):
            key = normalise_name(name)
            if key:
                by_name[key][source.id] = None
    sets = DisjointSets()
    for members in by_name.values():
        first, *rest = members
        for other in rest:
            sets.union(first, other)
    groups = sets.groups()
    shared: defaultdict[str, list[str]] = defaultdict(list)
    for key, members in by_name.items():
        if len(members) > 1:
            shared[sets.find(next(iter(members)))].append(key)
    for root, linked in groups.items():
        ids = sorted({root, *linked})
        if len({graph.affiliation_root(s) for s in ids}) == 1:
            continue
        names = sorted(shared[root])
        yield builtin_finding(
            probable_duplicate_source,
            f"sources {listing([source_words(graph, s) for s in ids])} are "
            "probably the same party: their names match as "
            + listing([repr(n) for n in names]),
            records=tuple(make_ref("source", s) for s in ids),
            hint="Merge them into one source, or tell them apart with "
            "descriptors or affiliations.",
        )
