"""Tagger inference: whole-length windows, exact spans, casing ids, save/load round trip."""
from __future__ import annotations

import torch

from diplomodel.models.labels import BIO_LABELS, LABEL2ID
from diplomodel.models.tagger import Tagger, TaggerConfig, decode_words, make_windows
from diplomodel.models.text import split_words


class CasingRuleModel(torch.nn.Module):
    """Stands in for an encoder: a Title-case word (casing class 2) is a participant.

    It sees only what the tagger feeds it, so it shows that casing ids reach every window.
    """

    def __init__(self) -> None:
        super().__init__()
        from transformers import BertConfig

        self.config = BertConfig(num_labels=len(BIO_LABELS), id2label=dict(enumerate(BIO_LABELS)))
        self.dummy = torch.nn.Parameter(torch.zeros(1))

    def forward(self, input_ids, attention_mask, token_type_ids):
        logits = torch.zeros(*input_ids.shape, len(BIO_LABELS))
        logits[..., LABEL2ID["O"]] = 1.0
        logits[..., LABEL2ID["B-PARTICIPANT"]] = (token_type_ids == 2).float() * 5
        return type("Out", (), {"logits": logits})()


def _rule_tagger(max_length: int = 64, stride: int = 16) -> Tagger:
    tiny = Tagger.tiny_random()
    return Tagger(CasingRuleModel(), tiny.tokenizer, TaggerConfig(max_length=max_length, stride=stride))


def test_three_thousand_token_article_is_tagged_to_its_end():
    filler = "the delegation discussed trade and energy at length . " * 340   # over 3,000 words
    text = filler + "Talks ended when Akhannouch thanked Gafarova ."
    assert len(split_words(text)) > 3000
    tagger = _rule_tagger()
    ents = tagger.predict([text, "short text"], batch_size=4)[0]
    names = [(e.text, e.label) for e in ents]
    assert names == [("Talks", "PARTICIPANT"), ("Akhannouch", "PARTICIPANT"), ("Gafarova", "PARTICIPANT")]
    assert all(text[e.start:e.end] == e.text for e in ents)
    assert ents[-1].end == len(text) - 2


def test_windows_cover_every_word_with_overlap():
    tagger = Tagger.tiny_random(max_length=16, stride=4)
    text = " ".join(f"w{i}" for i in range(100))
    windows, words = make_windows(tagger.tokenizer, [text], 16, 4, True)
    seen = {w for win in windows for w in win.word_index if w >= 0}
    assert seen == set(range(len(words[0])))
    assert len(windows) > 1 and all(len(w.input_ids) <= 16 for w in windows)
    # consecutive windows share sub-tokens
    assert set(windows[0].word_index) & set(windows[1].word_index) - {-1}


def test_decode_is_lenient_and_exact():
    text = "Foreign Minister Ana Lopez"
    words = split_words(text)
    ents = decode_words(["B-TITLE", "I-TITLE", "I-PARTICIPANT", "I-PARTICIPANT"], [0.9, 0.8, 0.7, 0.6],
                        words, text)
    assert [(e.text, e.label) for e in ents] == [("Foreign Minister", "TITLE"), ("Ana Lopez", "PARTICIPANT")]
    assert abs(ents[1].score - 0.65) < 1e-9


def test_save_and_load_round_trip(tmp_path):
    tagger = Tagger.tiny_random(seed=3)
    text = "Prime Minister Aziz Akhannouch received Speaker Sahiba Gafarova in Rabat on Friday."
    before = tagger.predict([text])[0]
    tagger.save_pretrained(tmp_path / "tagger")
    after = Tagger.from_pretrained(tmp_path / "tagger").predict([text])[0]
    assert before == after


def test_empty_and_whitespace_texts_give_no_entities():
    assert Tagger.tiny_random().predict(["", "   \n "]) == [[], []]


def test_a_name_whose_words_get_different_roles_stays_one_person():
    # the tagger's argmax flips between the two people labels inside one name: one span, the
    # role its words score highest for; an initial's full stop and a hyphen do not cut the name
    text = "Minister Javier Pertile and R. Samuels met Jean-Luc Brassard"
    words = split_words(text)
    tags = {"Javier": "B-PARTICIPANT", "Pertile": "I-PERSON", "R": "B-PERSON", ".": "I-PARTICIPANT",
            "Samuels": "I-PARTICIPANT", "Jean": "B-PERSON", "-": "I-PERSON", "Luc": "B-PARTICIPANT",
            "Brassard": "I-PARTICIPANT"}
    scores = {"Javier": 0.9, "Pertile": 0.5, "R": 0.4, "Jean": 0.3}
    ents = decode_words([tags.get(text[s:e], "O") for s, e in words],
                        [scores.get(text[s:e], 0.8) for s, e in words], words, text)
    assert [(e.text, e.label) for e in ents] == [
        ("Javier Pertile", "PARTICIPANT"), ("R. Samuels", "PARTICIPANT"), ("Jean-Luc Brassard", "PARTICIPANT")]


def test_people_side_by_side_and_other_kinds_stay_apart():
    text = "Ana Lopez Omar Ali Honda"
    words = split_words(text)
    ents = decode_words(["B-PARTICIPANT", "I-PARTICIPANT", "B-PERSON", "I-PERSON", "I-ORG"], [0.9] * 5,
                        words, text)
    assert [(e.text, e.label) for e in ents] == [("Ana Lopez", "PARTICIPANT"), ("Omar Ali", "PERSON"),
                                                 ("Honda", "ORG")]


def test_a_title_loses_stray_function_words_at_its_edges():
    # the tagger's stray "the"/"and"/"of" inside a list of titles ("... of Economy of Chile", "the" alone)
    text = "and Minister of Economy of Chile Ana Lopez met the Speaker"
    words = split_words(text)
    tags = ["B-TITLE", "I-TITLE", "I-TITLE", "I-TITLE", "I-TITLE", "B-COUNTRY", "B-PARTICIPANT", "I-PARTICIPANT",
            "O", "B-TITLE", "B-TITLE"]
    assert len(words) == len(tags)
    got = [(e.text, e.label) for e in decode_words(tags, [0.9] * len(tags), words, text)]
    assert got == [("Minister of Economy", "TITLE"), ("Chile", "COUNTRY"), ("Ana Lopez", "PARTICIPANT"),
                   ("Speaker", "TITLE")]
