"""What a meeting agreed: the sentences that report an agreement, a signature or a pledge.

Reports state outcomes with a few verbs: the sides *agreed* (to, on, that), *signed* a memorandum,
*pledged*, *committed to*, *resolved to*, *decided to*, *reaffirmed their commitment*, *reached an
agreement*, *exchanged documents*. :func:`pick_outcomes` takes, in a meeting's article, each
sentence with such a verb in the past (not after "will", "expected to" and the like, not denied:
"failed to agree", "did not sign") and writes the outcome as the sentence from its subject, when the
subject is short (at most :data:`MAX_LEAD` words before the verb: "The two ministers agreed to ..."),
or from the verb, cut at :data:`MAX_WORDS` words. Each outcome keeps its article span.

The summarizer's generated outcomes fill in only where no sentence states one
(:func:`diplomodel.combine.combine`).

Example:
    >>> from diplomodel.extraction.document import Document
    >>> t = ("Ana Ruiz met Ivo Kral in Lima. The two ministers agreed to open a joint fisheries office. "
    ...      "They will sign a treaty next year.")
    >>> doc = Document.make(t, [], None)
    >>> doc.is_meeting = True
    >>> pick_outcomes(doc); doc.outcomes, doc.outcome_spans
    (['The two ministers agreed to open a joint fisheries office'], [(31, 88)])
"""
from __future__ import annotations

import re

from diplomodel.extraction.document import Document

Span = tuple[int, int]

#: Verbs that report what a meeting settled.
AGREED = re.compile(
    r"\b(?:agreed|agree|signed|pledged|committed|resolved|decided|"
    r"reaffirmed (?:their|its|the|a) commitment|reached (?:an? )?(?:agreement|consensus|understanding)|"
    r"exchanged (?:documents|memorand\w+|agreements))\b", re.I)
#: Words before the verb that make it a plan, a wish or a denial rather than an outcome.
NOT_DONE = re.compile(r"\b(?:will|shall|would|could|may|might|expected to|plans? to|set to|due to|hopes? to|"
                      r"failed to|did not|didn't|have not|has not|not yet|no|refused to|if)\s+(?:\w+\s+){0,2}$", re.I)
MAX_LEAD = 8
MAX_WORDS = 30
MAX_OUTCOMES = 4


def _phrase(text: str, start: int, end: int) -> Span:
    """The span of at most MAX_WORDS words from ``start``, without the sentence's closing stop."""
    words = list(re.finditer(r"\S+", text[start:end]))[:MAX_WORDS]
    stop = start + words[-1].end() if words else start
    while stop > start and text[stop - 1] in ".;:,\"'”’":
        stop -= 1
    return start, stop


def pick_outcomes(doc: Document) -> None:
    """Set ``doc.outcomes`` and ``doc.outcome_spans`` (meetings only; at most MAX_OUTCOMES)."""
    doc.outcomes, doc.outcome_spans = [], []
    if not doc.is_meeting:
        return
    text = doc.text
    for s, e in doc.sents.spans:
        m = AGREED.search(text, s, e)
        if not m or NOT_DONE.search(text[s:m.start()]):
            continue
        lead = text[s:m.start()]
        start = s + (len(lead) - len(lead.lstrip())) if len(lead.split()) <= MAX_LEAD else m.start()
        span = _phrase(text, start, e)
        if span[1] > span[0] and span not in doc.outcome_spans:
            doc.outcome_spans.append(span)
            doc.outcomes.append(" ".join(text[span[0]:span[1]].split()))
        if len(doc.outcomes) >= MAX_OUTCOMES:
            break
