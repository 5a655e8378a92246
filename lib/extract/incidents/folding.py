"""Whether lowering a text is a faithful stand-in for case-insensitive matching, which the quick paths rely on."""

# characters that IGNORECASE matches to an ASCII letter without lowering to it (long s, Kelvin sign, dotted and
# dotless i): where one occurs, looking for lowercase words is no safe test and every pattern must run
FOLDS_TO_ASCII = ("\u017f", "\u212a", "\u0130", "\u0131")


def plain_case(text: str) -> bool:
    """True when lowering text keeps its length and IGNORECASE matches no other character to an ASCII letter."""
    return text.isascii() or not any(c in text for c in FOLDS_TO_ASCII)
