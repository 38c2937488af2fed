"""A deterministic, realistic claim corpus of any size, for benchmarks.

`build_corpus(n, seed=...)` returns the same records, the same graph and the
same canonical text for the same arguments, on every platform. For *n* claims
the corpus holds:

- n/10 sources, a tenth of them anonymous, with affiliation chains up to three
  hops deep (never looping);
- n/20 documents, each published by a source, in English or Arabic;
- n claims of 80-200 characters, a quarter of them in Arabic;
- 1.5 n attributions, about a fifth of which relay another attribution of the
  same claim, in chains of up to eight hops;
- n/20 relations between distinct claims and n/50 assessments;
- imprecise dates throughout: days, months, years, closed and open intervals,
  and days with the weekday the text states.

Records are built with the public constructors, so they go through the same
conversion and validation as records a user builds.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence

import attrs

import claimtrack
from claimtrack import (
    Assessment,
    Attribution,
    Claim,
    ClaimGraph,
    Document,
    Record,
    Relation,
    Source,
)

__all__ = ["Corpus", "build_corpus"]

DEFAULT_SEED = 20250124

_ENGLISH_TEXT = (
    "officials said the agency shared intelligence with the government about "
    "threats from armed groups near the border after weeks of talks in the "
    "capital according to people familiar with the exchanges who spoke on "
    "condition of anonymity because they were not authorised to discuss "
    "security matters publicly while the ministry denied any contact and "
    "described the report as fabricated the convoy reached the city on "
    "friday carrying aid for displaced families"
)
_ENGLISH = tuple(_ENGLISH_TEXT.split())

_ARABIC_TEXT = (
    "قال مسؤولون إن الوكالة تبادلت معلومات استخباراتية مع الحكومة حول "
    "تهديدات من جماعات مسلحة قرب الحدود بعد أسابيع من المحادثات في العاصمة "
    "وفقا لأشخاص مطلعين على الاتصالات طلبوا عدم الكشف عن هويتهم لأنهم غير "
    "مخولين بالحديث علنا بينما نفت الوزارة أي اتصال ووصفت التقرير بأنه ملفق "
    "ووصلت القافلة إلى المدينة يوم الجمعة محملة بالمساعدات للعائلات النازحة"
)
_ARABIC = tuple(_ARABIC_TEXT.split())

_CUES_EN = (
    "according to",
    "officials told",
    "a spokesperson said",
    "the report cited",
    "sources familiar with the matter said",
)
_CUES_AR = (
    "ونقلت صحيفة واشنطن بوست عن مسؤولين",
    "وقال مصدر مطلع",
    "بحسب ما نقلت وكالة الأنباء",
)
_DESCRIPTORS = (
    "current and former officials familiar with the exchanges",
    "a person briefed on the talks",
    "an unnamed security source",
    "diplomats who spoke on condition of anonymity",
)
_SOURCE_KINDS = ("person", "group", "organization", "news_outlet", "wire_service")
_ROOT_KINDS = ("government", "organization", "state_media")
_STANCES = ("asserts", "asserts", "asserts", "denies", "hedges")
_MODES = ("direct_quote", "paraphrase", "paraphrase", "summary")
_CLAIM_KINDS = ("fact", "fact", "fact", "opinion", "prediction")
_RELATION_KINDS = ("supports", "contradicts", "refines", "same_as")
_LIKELIHOODS = (
    "very_unlikely",
    "unlikely",
    "roughly_even_chance",
    "likely",
    "very_likely",
)
_VERDICTS = ("true", "mostly_true", "mixed", "mostly_false", "false", "unproven")
_WEEKDAYS = tuple(day.value for day in claimtrack.Weekday)

_FIRST_DAY = datetime.date(2019, 1, 1)
_SPAN_DAYS = 6 * 365
_MAX_AFFILIATION_DEPTH = 3


@attrs.frozen(kw_only=True)
class Corpus:
    """One generated corpus: its records, its graph and its canonical text.

    Attributes:
        n: The number of claims asked for.
        seed: The seed it was generated from.
        graph: The records as a graph.
        text: The canonical JSON text of the graph (`claimtrack.dumps`).
        counts: How many records of each type the graph holds.
        longest_chain: The most relays between any attribution and its origin.
        max_affiliation_depth: The longest affiliation chain, in hops.
    """

    n: int
    seed: int
    graph: ClaimGraph
    text: str
    counts: dict[str, int]
    longest_chain: int
    max_affiliation_depth: int

    @property
    def size_bytes(self) -> int:
        """The size of the canonical text in UTF-8, as a file holds it."""
        return len(self.text.encode("utf-8"))


class _Generator:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(f"claimtrack-benchmark:{seed}:{n}")
        self.width = len(str(max(1, n) * 2))

    def ident(self, prefix: str, index: int) -> str:
        return f"{prefix}-{index:0{self.width}d}"

    # --- values ---------------------------------------------------------

    def day(self) -> datetime.date:
        return _FIRST_DAY + datetime.timedelta(days=self.rng.randrange(_SPAN_DAYS))

    def date(self) -> str:
        """Return an imprecise date in one of the forms reporting uses."""
        rng = self.rng
        day = self.day()
        form = rng.random()
        if form < 0.35:
            return day.isoformat()
        if form < 0.45:
            return f"{day.isoformat()} ({_WEEKDAYS[day.weekday()]})"
        if form < 0.65:
            return f"{day.year:04d}-{day.month:02d}"
        if form < 0.72:
            return f"{day.year:04d}"
        if form < 0.84:
            end = day + datetime.timedelta(days=rng.randrange(1, 40))
            return f"{day.isoformat()}/{end.isoformat()}"
        if form < 0.88:
            end_month = min(12, day.month + rng.randrange(1, 4))
            return f"{day.year:04d}-{day.month:02d}/{day.year:04d}-{end_month:02d}"
        if form < 0.94:
            return f"{day.isoformat()}/.."
        return f"../{day.isoformat()}"

    def words(self, vocabulary: Sequence[str], low: int, high: int) -> str:
        """Return text of *low* to *high* characters drawn from *vocabulary*."""
        rng = self.rng
        target = rng.randint(low, high)
        parts: list[str] = []
        length = -1
        while length < target:
            word = rng.choice(vocabulary)
            parts.append(word)
            length += len(word) + 1
        text = " ".join(parts)[:target].rstrip()
        while len(text) < low:
            text += "." * (low - len(text))
        return text

    # --- records --------------------------------------------------------

    def sources(self, count: int) -> tuple[list[Source], list[str]]:
        rng = self.rng
        sources: list[Source] = []
        depth: list[int] = []
        roots = max(1, count // 10)
        # Exactly a tenth are anonymous; affiliation roots are always named.
        hidden = set(rng.sample(range(roots, count), min(count - roots, count // 10)))
        for i in range(count):
            sid = self.ident("s", i)
            if i < roots:
                kind = rng.choice(_ROOT_KINDS)
                level = 0
                affiliation = None
            else:
                kind = rng.choice(_SOURCE_KINDS)
                # Affiliate to an earlier source, so chains never loop.
                parent = rng.randrange(i)
                if depth[parent] < _MAX_AFFILIATION_DEPTH and rng.random() < 0.7:
                    affiliation = self.ident("s", parent)
                    level = depth[parent] + 1
                else:
                    affiliation = None
                    level = 0
            anonymous = i in hidden
            arabic = rng.random() < 0.25
            sources.append(
                Source(
                    id=sid,
                    name=(
                        f"Unnamed source {i}"
                        if anonymous
                        else self.words(_ENGLISH, 8, 40).title()
                    ),
                    names={"ar": self.words(_ARABIC, 8, 40)} if arabic else {},
                    aliases=(f"alias-{i}",) if rng.random() < 0.1 else (),
                    kind="group" if anonymous else kind,
                    anonymous=anonymous,
                    descriptor=rng.choice(_DESCRIPTORS) if anonymous else None,
                    affiliation=affiliation,
                    reliability=(rng.choice("ABCDEF") if rng.random() < 0.4 else None),
                )
            )
            depth.append(level)
        publishers = [s.id for s in sources if s.kind.value == "news_outlet"]
        return sources, publishers or [sources[0].id]

    def documents(self, count: int, publishers: Sequence[str]) -> list[Document]:
        rng = self.rng
        documents: list[Document] = []
        for i in range(count):
            arabic = rng.random() < 0.25
            documents.append(
                Document(
                    id=self.ident("d", i),
                    publisher=rng.choice(publishers),
                    title=self.words(_ARABIC if arabic else _ENGLISH, 30, 90),
                    url=f"https://news.example/{i}",
                    published=self.date(),
                    language="ar" if arabic else "en",
                    retracted=self.date() if rng.random() < 0.01 else None,
                )
            )
        return documents

    def claims(self, count: int, source_ids: Sequence[str]) -> list[Claim]:
        rng = self.rng
        claims: list[Claim] = []
        for i in range(count):
            arabic = rng.random() < 0.25
            translations = (
                {"en": self.words(_ENGLISH, 80, 200)}
                if arabic and rng.random() < 0.3
                else {}
            )
            claims.append(
                Claim(
                    id=self.ident("c", i),
                    text=self.words(_ARABIC if arabic else _ENGLISH, 80, 200),
                    language="ar" if arabic else "en",
                    translations=translations,
                    kind=rng.choice(_CLAIM_KINDS),
                    about=((rng.choice(source_ids),) if rng.random() < 0.2 else ()),
                    event_date=self.date() if rng.random() < 0.6 else None,
                    place="Damascus" if rng.random() < 0.1 else None,
                    extra=(
                        {"tags": ["security", "diplomacy"], "priority": 2}
                        if rng.random() < 0.05
                        else {}
                    ),
                )
            )
        return claims

    def attributions(
        self,
        count: int,
        claim_ids: Sequence[str],
        source_ids: Sequence[str],
        document_ids: Sequence[str],
    ) -> list[Attribution]:
        """Return *count* attributions, a fifth of them relays in chains."""
        rng = self.rng
        relays = count // 5
        first_hand = count - relays
        # Every claim is stated first hand at least once.
        owners = list(claim_ids) + [
            rng.choice(claim_ids) for _ in range(first_hand - len(claim_ids))
        ]
        made: list[Attribution] = []
        by_claim: dict[str, list[Attribution]] = {}
        serial = 0

        def make(claim_id: str, via: str | None) -> Attribution:
            nonlocal serial
            arabic = rng.random() < 0.25
            attribution = Attribution(
                id=self.ident("a", serial),
                claim=claim_id,
                source=rng.choice(source_ids),
                document=rng.choice(document_ids),
                via=via,
                stance=rng.choice(_STANCES),
                mode=rng.choice(_MODES),
                cue=(
                    rng.choice(_CUES_AR if arabic else _CUES_EN)
                    if rng.random() < 0.5
                    else None
                ),
                quote=(
                    self.words(_ARABIC if arabic else _ENGLISH, 20, 80)
                    if rng.random() < 0.2
                    else None
                ),
                said=self.date() if rng.random() < 0.5 else None,
            )
            serial += 1
            made.append(attribution)
            by_claim.setdefault(claim_id, []).append(attribution)
            return attribution

        for claim_id in owners:
            make(claim_id, None)
        # Relays come in runs on one claim; each hop relays the previous one
        # most of the time (a chain) and an earlier hop otherwise (a branch).
        remaining = relays
        while remaining > 0:
            claim_id = rng.choice(claim_ids)
            run = min(remaining, 1 + min(7, int(rng.expovariate(1 / 2.5))))
            if remaining == relays:
                run = min(remaining, 8)  # at least one long chain in every corpus
            upstream = rng.choice(by_claim[claim_id])
            for _ in range(run):
                if rng.random() >= 0.8:
                    upstream = rng.choice(by_claim[claim_id])
                upstream = make(claim_id, upstream.id)
            remaining -= run
        return made

    def relations(self, count: int, claim_ids: Sequence[str]) -> list[Relation]:
        rng = self.rng
        relations: list[Relation] = []
        for i in range(count):
            claim_id, target = rng.sample(claim_ids, 2)
            relations.append(
                Relation(
                    id=self.ident("r", i),
                    kind=rng.choice(_RELATION_KINDS),
                    claim=claim_id,
                    target=target,
                )
            )
        return relations

    def assessments(
        self, count: int, claim_ids: Sequence[str], source_ids: Sequence[str]
    ) -> list[Assessment]:
        rng = self.rng
        assessments: list[Assessment] = []
        for i in range(count):
            fact_check = rng.random() < 0.5
            assessments.append(
                Assessment(
                    id=self.ident("x", i),
                    claim=rng.choice(claim_ids),
                    by=rng.choice(source_ids),
                    credibility=None if fact_check else rng.randint(1, 6),
                    likelihood=None if fact_check else rng.choice(_LIKELIHOODS),
                    confidence=(
                        None if fact_check else rng.choice(("low", "moderate", "high"))
                    ),
                    verdict=rng.choice(_VERDICTS) if fact_check else None,
                    label="Misleading" if fact_check else None,
                    rationale=self.words(_ENGLISH, 40, 160),
                    date=self.date(),
                    url=f"https://check.example/{i}" if fact_check else None,
                )
            )
        return assessments


def build_records(n: int, *, seed: int = DEFAULT_SEED) -> list[Record]:
    """Return the records of the corpus for *n* claims, in generation order."""
    if n < 20:
        msg = f"a corpus needs at least 20 claims, got {n}"
        raise ValueError(msg)
    generator = _Generator(n, seed)
    sources, publishers = generator.sources(max(1, n // 10))
    source_ids = [s.id for s in sources]
    documents = generator.documents(max(1, n // 20), publishers)
    claims = generator.claims(n, source_ids)
    claim_ids = [c.id for c in claims]
    attributions = generator.attributions(
        n * 3 // 2, claim_ids, source_ids, [d.id for d in documents]
    )
    relations = generator.relations(max(1, n // 20), claim_ids)
    assessments = generator.assessments(max(1, n // 50), claim_ids, source_ids)
    return [
        *sources,
        *documents,
        *claims,
        *attributions,
        *relations,
        *assessments,
    ]


def _longest_relay_chain(attributions: Sequence[Attribution]) -> int:
    depth: dict[str, int] = {}
    # Generation order puts every upstream hop before the hops relaying it.
    for attribution in sorted(attributions, key=lambda a: a.id):
        via = attribution.via
        depth[attribution.id] = 0 if via is None else depth[via] + 1
    return max(depth.values(), default=0)


def _deepest_affiliation(sources: Sequence[Source]) -> int:
    depth: dict[str, int] = {}
    for source in sources:  # affiliations point to earlier sources
        parent = source.affiliation
        depth[source.id] = 0 if parent is None else depth[parent] + 1
    return max(depth.values(), default=0)


def build_corpus(n: int, *, seed: int = DEFAULT_SEED) -> Corpus:
    """Return the corpus for *n* claims: records, graph and canonical text."""
    graph = ClaimGraph.of(build_records(n, seed=seed))
    counts = {
        "sources": len(graph.sources),
        "documents": len(graph.documents),
        "claims": len(graph.claims),
        "attributions": len(graph.attributions),
        "relations": len(graph.relations),
        "assessments": len(graph.assessments),
    }
    return Corpus(
        n=n,
        seed=seed,
        graph=graph,
        text=claimtrack.dumps(graph),
        counts=counts,
        longest_chain=_longest_relay_chain(graph.attributions),
        max_affiliation_depth=_deepest_affiliation(graph.sources),
    )
