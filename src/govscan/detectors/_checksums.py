"""Check-digit algorithms shared by the detectors; pure functions over ASCII strings."""

from __future__ import annotations

from operator import mul

# GB 11643-1999 / ISO 7064:1983 MOD 11-2: weight of position i (1-based from the left) is 2^(18-i) mod 11.
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK_CHARS = "10X98765432"
# The weights are the powers of 2 mod 11, and 13 = 2 mod 11: read as a base-13 numeral, 17 ASCII digits are
# worth their weighted sum over 2, mod 11. ``int`` does that reading at C speed.
_BASE_2_MOD_11 = 13
# A Luhn-doubled digit: 2d, or 2d - 9 when that has two digits; and the same as a byte table for ASCII digits.
_LUHN_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)
_LUHN_DOUBLED_BYTES = bytes.maketrans(b"0123456789", bytes(_LUHN_DOUBLED))

# GB 32100-2015 统一社会信用代码: 31 characters (no I, O, S, V, Z), weights 3^(i-1) mod 31.
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


def resident_id_check_char(first17: str) -> str:
    """The MOD 11-2 check character (``0``–``9`` or ``X``) of 17 digits."""
    if len(first17) != 17:
        raise ValueError(f"a resident ID's check character needs 17 digits, not {len(first17)}")
    if first17.isascii() and first17.isdigit():  # no sign, space, underscore or letter that int() would take
        total = 2 * int(first17, _BASE_2_MOD_11)
    else:  # other decimal digits (or an error from int(), as before)
        total = sum(map(mul, map(int, first17), _ID_WEIGHTS))
    return _ID_CHECK_CHARS[total % 11]


def resident_id_checksum_ok(number: str) -> bool:
    """Whether an 18-character ID number (``X`` upper case) has the right check character."""
    return len(number) == 18 and number[:17].isdigit() and resident_id_check_char(number[:17]) == number[17]


def luhn_ok(digits: str) -> bool:
    """The Luhn (ISO/IEC 7812) check used by payment card numbers."""
    if not digits.isdigit():
        return False
    # From the right: every second digit doubled (its digits summed); the others as they are.
    if digits.isascii():
        raw = digits.encode()
        kept = raw[-1::-2]
        total = sum(kept) - 48 * len(kept) + sum(raw[-2::-2].translate(_LUHN_DOUBLED_BYTES))
    else:
        total = sum(map(int, digits[-1::-2])) + sum(map(_LUHN_DOUBLED.__getitem__, map(int, digits[-2::-2])))
    return total % 10 == 0


def luhn_check_digit(partial: str) -> str:
    """The digit that makes ``partial + digit`` Luhn-valid (used to generate synthetic cards)."""
    return next(d for d in "0123456789" if luhn_ok(partial + d))


def uscc_checksum_ok(code: str) -> bool:
    """Whether an 18-character unified social credit code (GB 32100) has the right check character."""
    if len(code) != 18 or any(char not in _USCC_CHARS for char in code):
        return False
    total = sum(_USCC_CHARS.index(char) * weight for char, weight in zip(code[:17], _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31] == code[17]
