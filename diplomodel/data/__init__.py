"""Annotation data: the record format (:mod:`record`), tagger/summarizer views (:mod:`views`),
importers of public corpora and annotation tools (:mod:`importers`), Label Studio export
(:mod:`export`); synthetic data lives in :mod:`diplomodel.data.synth`.

Example:
    >>> from diplomodel.data import validate_record, to_tagger_view
    >>> to_tagger_view(validate_record({"id": "a", "text": "Hi Rabat"}))["words"]
    ['Hi', 'Rabat']
"""
from diplomodel.data.record import read_records, validate_record, write_records
from diplomodel.data.views import (from_tagger_view, linearize_brief, parse_linearized, to_summarizer_view,
                                   to_tagger_view)

__all__ = ["read_records", "validate_record", "write_records", "to_tagger_view", "from_tagger_view",
           "to_summarizer_view", "linearize_brief", "parse_linearized"]
