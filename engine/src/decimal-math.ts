// Exact decimal arithmetic for the aggregation operators MongoDB computes in Decimal128 when an
// operand is a decimal: a value is a signed coefficient times a power of ten, so rounding, modulo
// and the like are done on the integer coefficient, never through a double.

/** coefficient × 10^exponent. */
export interface DecimalParts {
  coefficient: bigint;
  exponent: number;
}

type Rounding = 'floor' | 'ceil' | 'trunc' | 'halfEven';

/** The coefficient divided by 10^digits, rounded as asked. */
function shiftRight(coefficient: bigint, digits: number, rounding: Rounding): bigint {
  const scale = 10n ** BigInt(digits);
  const quotient = coefficient / scale; // truncates towards zero
  const remainder = coefficient % scale;
  if (remainder === 0n) return quotient;
  switch (rounding) {
    case 'trunc':
      return quotient;
    case 'floor':
      return coefficient < 0n ? quotient - 1n : quotient;
    case 'ceil':
      return coefficient > 0n ? quotient + 1n : quotient;
    case 'halfEven': {
      const twice = (remainder < 0n ? -remainder : remainder) * 2n;
      const awayFromZero = twice > scale || (twice === scale && quotient % 2n !== 0n);
      if (!awayFromZero) return quotient;
      return coefficient < 0n ? quotient - 1n : quotient + 1n;
    }
  }
}

/** The value with no digits below 10^-places (places may be negative), rounded as asked. */
export function quantize(value: DecimalParts, places: number, rounding: Rounding): DecimalParts {
  if (value.exponent >= -places) return value;
  return {
    coefficient: shiftRight(value.coefficient, -places - value.exponent, rounding),
    exponent: -places,
  };
}

export function absolute(value: DecimalParts): DecimalParts {
  return value.coefficient < 0n ? { ...value, coefficient: -value.coefficient } : value;
}

/** $floor and $ceil: the nearest whole number below or above, at exponent 0 when it had a fraction. */
export function wholeNumber(value: DecimalParts, rounding: 'floor' | 'ceil'): DecimalParts {
  return quantize(value, 0, rounding);
}

/** The remainder of a ÷ b truncated towards zero (the sign of a), as fmod and MongoDB's $mod. */
export function remainder(a: DecimalParts, b: DecimalParts): DecimalParts {
  const exponent = Math.min(a.exponent, b.exponent);
  const left = a.coefficient * 10n ** BigInt(a.exponent - exponent);
  const right = b.coefficient * 10n ** BigInt(b.exponent - exponent);
  return { coefficient: left % right, exponent };
}
