"""How much to believe each claim, from whom, and why: Subjective Logic over the graph.

`assess` turns a claim graph into one `ClaimConfidence` per claim:

- Each relay chain (the hop read first, ``via`` ..., the origin) yields an
  opinion: the origin's testimony (its stance) discounted by trust in the
  origin's source (its Admiralty reliability, less for anonymity and for an
  interest in the claim), then by every hop's trust (the recorder's
  reliability, less for paraphrase or summary). Discounting is
  uncertainty-favouring, so doubt about a source becomes uncertainty, never
  belief in the opposite.
- Chains from one origin group (one affiliation root) are one voice: averaging
  fusion (or the best chain), so the same story through more outlets gains
  nothing. Independent groups combine by cumulative fusion. Denials, and support
  for a contradicting claim, enter as disbelief.
- Evidence flows along relations: `same_as` both ways, from a more specific
  claim to the claim it `refines`, and across `supports`, weakened.

Every number comes with its reasons (`explain`), a one-sentence ICD 206-style
sourcing summary, and the analysts' own judgments set beside it. Every
assumption is a field of `Policy`, documented with its reasoning.
"""

from __future__ import annotations

from ._assess import (
    AnalystView,
    Assessments,
    Chain,
    ClaimConfidence,
    Group,
    Hop,
    assess,
)
from ._corroboration import (
    anonymous_or_interested_origins,
    claims_resting_on,
    single_origin_claims,
)
from ._policy import Policy, PolicyError
from ._report import explain, to_dict

__all__ = [
    "AnalystView",
    "Assessments",
    "Chain",
    "ClaimConfidence",
    "Group",
    "Hop",
    "Policy",
    "PolicyError",
    "anonymous_or_interested_origins",
    "assess",
    "claims_resting_on",
    "explain",
    "single_origin_claims",
    "to_dict",
]


def __dir__() -> list[str]:
    return list(__all__)
