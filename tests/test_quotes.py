from argmap.model.quotes import NormalisedText, closest_passage, find_quote

TEXT = "That\u2019s why \u201cfewer draws\u201d\u00a0matter\u2026 Defense is hard \u2014 offense\n  is easy."


def test_curly_quotes_nbsp_ellipsis_dashes_and_whitespace_are_normalised():
    text = NormalisedText.of(TEXT)
    assert find_quote(text, 'That\'s why "fewer draws" matter...')
    assert find_quote(text, "Defense is hard - offense is easy.")
    assert find_quote(text, "Defense is hard -- offense is easy.") is None


def test_match_maps_back_to_the_original_text():
    text = NormalisedText.of(TEXT)
    m = find_quote(text, '"fewer draws" matter')
    assert TEXT[m.start : m.end] == "\u201cfewer draws\u201d\u00a0matter"


def test_elision_requires_parts_in_order():
    text = NormalisedText.of(TEXT)
    m = find_quote(text, "That's why ... offense is easy")
    assert TEXT[m.start : m.end].startswith("That\u2019s") and TEXT[m.start : m.end].endswith("easy")
    assert find_quote(text, "offense is easy [...] That's why") is None
    assert find_quote(text, "...") is None


def test_words_must_match_exactly():
    text = NormalisedText.of(TEXT)
    assert find_quote(text, "Defence is hard") is None
    assert find_quote(text, "defense is hard") is None


def test_closest_passage_points_at_the_intended_words():
    text = NormalisedText.of("Alpha beta gamma. The serial alignment labor is the bottleneck. Delta epsilon.")
    near, ratio = closest_passage(text, "The serial alignment labour is a bottleneck")
    assert "serial alignment labor" in near and ratio > 0.85


def test_fast_normalisation_equals_the_character_loop():
    import random

    from argmap.model.quotes import NormalisedText

    rng = random.Random(7)
    alphabet = "ab c\t\n\u00a0‘’“”–—…ﬁé\u0301  x`"
    samples = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    samples += ["plain ascii text", "  leading and trailing  ", "curly ‘quotes’ and – dashes"]
    for text in samples:
        assert NormalisedText.of(text) == NormalisedText._of_slow(text), repr(text)


def test_normalise_equals_the_normal_text():
    import random

    from argmap.model.quotes import NormalisedText, normalise

    rng = random.Random(11)
    alphabet = "ab c\t\n\u00a0‘’“”–—…ﬁé\u0301  x`\u200b"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert normalise(text) == NormalisedText._of_slow(text).normal, repr(text)
