"""Two renderings of a confidence result: text for people, JSON for programs."""

from __future__ import annotations

from typing import Any

from claimtrack.opinion import Opinion

from ._assess import AnalystView, Assessments, Chain, ClaimConfidence, Group, Hop
from ._policy import Policy

__all__ = ["explain", "to_dict"]


def __dir__() -> list[str]:
    return list(__all__)


def _o(opinion: Opinion | None) -> str:
    if opinion is None:
        return "-"
    return (
        f"b={opinion.belief:.4f} d={opinion.disbelief:.4f} "
        f"u={opinion.uncertainty:.4f} a={opinion.base_rate:.2f} "
        f"P={opinion.projected:.4f}"
    )


def _chain_lines(chain: Chain, indent: str) -> list[str]:
    side = "against" if chain.against else "for"
    head = f"{indent}chain from {chain.leaf}"
    if chain.origin is None:
        return [f"{head}: {chain.origin_reason}"]
    used = "strongest for its origin" if chain.strongest else "weaker copy, unused"
    lines = [f"{head} to origin {chain.origin} ({side}, {used}): {_o(chain.opinion)}"]
    inner = indent + "  "
    lines.extend(
        f"{inner}hop {hop.attribution} ({hop.source} in {hop.document}): "
        f"trust {hop.trust.belief:.4f} <- {hop.reason}"
        for hop in chain.hops
    )
    assert chain.origin_trust is not None
    assert chain.testimony is not None
    lines.append(
        f"{inner}origin trust {chain.origin_trust.belief:.4f} <- {chain.origin_reason}"
    )
    lines.append(f"{inner}testimony: {_o(chain.testimony)}")
    beliefs = [hop.trust.belief for hop in chain.hops] + [chain.origin_trust.belief]
    carried = 1.0
    for belief in beliefs:
        carried *= belief
    lines.append(
        f"{inner}discounted along the chain (trust product {carried:.4f}): "
        f"{_o(chain.own)}"
    )
    if chain.relation:
        lines.append(f"{inner}{chain.relation}: {_o(chain.opinion)}")
    return lines


def explain(result: ClaimConfidence) -> str:
    """Render a claim's confidence as text a person can audit line by line.

    Every number is shown with what produced it: each group's fusion, each
    chain's hops with the trust they applied and why, the origin's discounts,
    the testimony, relations crossed, and analysts' judgments beside the result.
    """
    lines = [
        f"claim {result.claim}: P={result.probability:.4f} ({result.likelihood.words})",
        f"  opinion: {_o(result.opinion)}",
        f"  origin groups: {result.supporting} for, {result.contradicting} against",
        f"  sourcing: {result.summary}",
        f"  fusion: {result.fusion}",
    ]
    for group in result.groups:
        flags = [
            word
            for word, on in (
                ("supporting", group.supporting),
                ("contradicting", group.contradicting),
                ("anonymous", group.anonymous),
                ("interested", group.interested),
            )
            if on
        ]
        lines.append(
            f"  group {group.root} ({', '.join(flags)}): {group.fusion} -> "
            f"{_o(group.opinion)}"
        )
        for chain in group.chains:
            lines.extend(_chain_lines(chain, "    "))
    for chain in result.unreached:
        lines.extend(_chain_lines(chain, "  "))
    for view in result.analysts:
        low, high = view.band
        verdict = "disagrees" if view.disagrees else "agrees"
        by = f" by {view.by}" if view.by else ""
        lines.append(
            f"  analyst {view.assessment}{by}: {view.scale} {view.grade} = "
            f"{view.term.words} ({low:.2f}-{high:.2f}); computed "
            f"{result.probability:.2f} is {view.distance:.2f} outside: {verdict}"
        )
    return "\n".join(lines)


def _opinion(opinion: Opinion | None) -> dict[str, float] | None:
    if opinion is None:
        return None
    return {
        **_masses(opinion),
        "base_rate": opinion.base_rate,
        "projected": opinion.projected,
    }


def _masses(opinion: Opinion) -> dict[str, float]:
    return {
        "belief": opinion.belief,
        "disbelief": opinion.disbelief,
        "uncertainty": opinion.uncertainty,
    }


def _hop(hop: Hop) -> dict[str, Any]:
    return {
        "attribution": hop.attribution,
        "source": hop.source,
        "document": hop.document,
        "mode": hop.mode.value,
        "recorder": hop.recorder,
        "trust": _opinion(hop.trust),
        "reason": hop.reason,
    }


def _chain(chain: Chain) -> dict[str, Any]:
    return {
        "leaf": chain.leaf,
        "claim": chain.claim,
        "origin": chain.origin,
        "against": chain.against,
        "anonymous": chain.anonymous,
        "interested": chain.interested,
        "strongest": chain.strongest,
        "relation": chain.relation,
        "hops": [_hop(hop) for hop in chain.hops],
        "origin_trust": _opinion(chain.origin_trust),
        "origin_reason": chain.origin_reason,
        "testimony": _opinion(chain.testimony),
        "own": _opinion(chain.own),
        "opinion": _opinion(chain.opinion),
    }


def _group(group: Group) -> dict[str, Any]:
    return {
        "root": group.root,
        "supporting": group.supporting,
        "contradicting": group.contradicting,
        "anonymous": group.anonymous,
        "interested": group.interested,
        "fusion": group.fusion,
        "opinion": _opinion(group.opinion),
        "chains": [_chain(chain) for chain in group.chains],
    }


def _view(view: AnalystView) -> dict[str, Any]:
    return {
        "assessment": view.assessment,
        "by": view.by,
        "scale": view.scale,
        "grade": view.grade,
        "term": view.term.value,
        "band": list(view.band),
        "distance": view.distance,
        "disagrees": view.disagrees,
    }


def _claim(result: ClaimConfidence) -> dict[str, Any]:
    return {
        "claim": result.claim,
        "probability": result.probability,
        "likelihood": result.likelihood.value,
        "opinion": _opinion(result.opinion),
        "supporting": result.supporting,
        "contradicting": result.contradicting,
        "summary": result.summary,
        "fusion": result.fusion,
        "groups": [_group(group) for group in result.groups],
        "unreached": [_chain(chain) for chain in result.unreached],
        "analysts": [_view(view) for view in result.analysts],
    }


def _policy(policy: Policy) -> dict[str, Any]:
    return {
        "trust": {k.value: _masses(v) for k, v in policy.trust.items()},
        "unassessed": _masses(policy.unassessed),
        "retention": {k.value: v for k, v in policy.retention.items()},
        "anonymity": policy.anonymity,
        "interest": policy.interest,
        "supports": policy.supports,
        "testimony": {k.value: _masses(v) for k, v in policy.testimony.items()},
        "base_rate": policy.base_rate,
        "credibility_terms": {
            str(k.value): None if v is None else v.value
            for k, v in policy.credibility_terms.items()
        },
        "disagreement": policy.disagreement,
        "grades": {k: policy.grades[k].value for k in sorted(policy.grades)},
        "within_group": policy.within_group,
    }


def to_dict(value: Assessments | ClaimConfidence | Policy) -> dict[str, Any]:
    """Return a JSON-ready view of a result or a policy.

    The one place confidence results become JSON (the command line's
    ``--format json``): plain dicts, lists, strings, numbers, booleans and
    nulls, with enums as their file values. Opinions carry their projected
    probability too, for readers who want only that. A policy's view is the
    mapping `Policy.from_mapping` reads back.

    Raises:
        TypeError: If *value* is none of the three.
    """
    if isinstance(value, Assessments):
        return {
            "policy": _policy(value.policy),
            "claims": {claim_id: _claim(result) for claim_id, result in value.items()},
        }
    if isinstance(value, ClaimConfidence):
        return _claim(value)
    if isinstance(value, Policy):
        return _policy(value)
    msg = f"expected Assessments, ClaimConfidence or Policy, got {type(value).__name__}"
    raise TypeError(msg)
