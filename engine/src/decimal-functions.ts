import type { DecimalParts } from './decimal-math.js';

// $sqrt, $exp, $ln, $log, $log10 and $pow of a Decimal128 as MongoDB computes them: in decimal, to
// Decimal128's 34 significant digits. Each is worked out on BigInt fixed-point numbers with
// WORKING digits after the point (some 50 more than the result keeps), then rounded half-even to
// 34 digits. The result is correctly rounded unless the true value lies within about 10^-50
// (relative) of a rounding boundary. Exact results (a perfect square, a power of ten's log10,
// exp(0), a whole power) come out exact, as IEEE 754 decimal gives them.

/** Decimal128's precision. */
const DIGITS = 34;
/** Digits after the point in the fixed-point working values. */
const WORKING = 90;
const ONE = 10n ** BigInt(WORKING);
/** Decimal128's exponent range for a 34-digit coefficient. */
const MAX_EXPONENT = 6111;
const MIN_EXPONENT = -6176;
/** Beyond |t| this large, exp(t) is out of Decimal128's range (e^14200 ≈ 10^6167). */
const EXP_LIMIT = 14_200n * ONE;

type Result = DecimalParts | number | undefined;

function digitCount(value: bigint): number {
  return value === 0n ? 1 : (value < 0n ? -value : value).toString().length;
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/**
 * coefficient × 10^exponent rounded half-even to 34 digits; `inexact` says the true value has
 * more digits beyond these (they count towards rounding up at a tie). An inexact result keeps all
 * 34 digits, as IEEE 754 gives one.
 */
function rounded(coefficient: bigint, exponent: number, inexact: boolean): DecimalParts | number {
  const negative = coefficient < 0n;
  let value = abs(coefficient);
  if (value === 0n) return { coefficient: 0n, exponent: inexact ? MIN_EXPONENT : exponent };
  let extra = digitCount(value) - DIGITS;
  if (inexact && extra < 0) {
    value *= 10n ** BigInt(-extra);
    exponent += extra;
    extra = 0;
  }
  // Below the smallest exponent, digits go (gradual underflow).
  extra = Math.max(extra, MIN_EXPONENT - exponent);
  if (extra > digitCount(value)) {
    // Less than half of the smallest unit: zero.
    return { coefficient: 0n, exponent: MIN_EXPONENT };
  }
  if (extra > 0) {
    const scale = 10n ** BigInt(extra);
    const kept = value / scale;
    const dropped = value % scale;
    const twice = dropped * 2n;
    const up = twice > scale || (twice === scale && (inexact || kept % 2n === 1n));
    value = up ? kept + 1n : kept;
    exponent += extra;
    if (digitCount(value) > DIGITS) {
      value /= 10n;
      exponent++;
    }
  }
  if (exponent + digitCount(value) - 1 > MAX_EXPONENT + DIGITS - 1) {
    return negative ? -Infinity : Infinity;
  }
  if (exponent > MAX_EXPONENT) {
    value *= 10n ** BigInt(exponent - MAX_EXPONENT); // clamped: still at most 34 digits
    exponent = MAX_EXPONENT;
  }
  return { coefficient: negative ? -value : value, exponent };
}

/** A working value (× 10^-WORKING) as a rounded decimal. */
function fromFixed(value: bigint, exponentShift = 0): DecimalParts | number {
  return rounded(value, exponentShift - WORKING, true);
}

/** The decimal as a working value, or undefined when it is too large to hold (|x| ≥ 10^20). */
function toFixed(x: DecimalParts): bigint | undefined {
  if (x.coefficient === 0n) return 0n;
  if (digitCount(x.coefficient) + x.exponent > 20) return undefined;
  const shift = x.exponent + WORKING;
  return shift >= 0 ? x.coefficient * 10n ** BigInt(shift) : x.coefficient / 10n ** BigInt(-shift);
}

function multiply(a: bigint, b: bigint): bigint {
  return (a * b) / ONE;
}

function divide(a: bigint, b: bigint): bigint {
  return (a * ONE) / b;
}

/** atanh(z) = z + z³/3 + z⁵/5 + …, for a small working value z. */
function atanh(z: bigint): bigint {
  const square = multiply(z, z);
  let power = z;
  let sum = z;
  for (let k = 3n; power !== 0n; k += 2n) {
    power = multiply(power, square);
    sum += power / k;
  }
  return sum;
}

let constants: { ln2: bigint; ln10: bigint } | undefined;

function lnConstants(): { ln2: bigint; ln10: bigint } {
  if (!constants) {
    const ln2 = 2n * atanh(ONE / 3n); // 2 = (1 + 1/3) / (1 - 1/3)
    const ln10 = 3n * ln2 + 2n * atanh(ONE / 9n); // 10 = 2³ × 1.25, 1.25 = (1 + 1/9) / (1 - 1/9)
    constants = { ln2, ln10 };
  }
  return constants;
}

/** ln of a positive decimal, as a working value. */
function lnFixed(x: DecimalParts): bigint {
  const { ln2, ln10 } = lnConstants();
  const digits = digitCount(x.coefficient);
  // x = m × 10^k with 1 ≤ m < 10, then m = 2^j × r with 1 ≤ r < 2.
  const k = x.exponent + digits - 1;
  let m = x.coefficient * 10n ** BigInt(WORKING - digits + 1);
  let j = 0n;
  while (m >= 2n * ONE) {
    m /= 2n;
    j++;
  }
  const lnR = 2n * atanh(divide(m - ONE, m + ONE));
  return lnR + j * ln2 + BigInt(k) * ln10;
}

/** e^t for a working value t (|t| < EXP_LIMIT), as a decimal. */
function expOf(t: bigint): DecimalParts | number {
  const { ln10 } = lnConstants();
  // t = n ln 10 + r with |r| ≤ ln(10)/2, so e^t = e^r × 10^n.
  let n = t / ln10;
  let r = t - n * ln10;
  if (r * 2n > ln10) {
    n++;
    r -= ln10;
  } else if (r * 2n < -ln10) {
    n--;
    r += ln10;
  }
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = multiply(term, r) / k;
    sum += term;
  }
  return fromFixed(sum, Number(n));
}

function isOne(x: DecimalParts): boolean {
  return x.coefficient > 0n && digitCount(x.coefficient) + x.exponent === 1
    ? x.coefficient === 10n ** BigInt(digitCount(x.coefficient) - 1)
    : false;
}

/** A power of ten's exponent (log10 exact), or undefined. */
function powerOfTen(x: DecimalParts): number | undefined {
  const digits = digitCount(x.coefficient);
  if (x.coefficient !== 10n ** BigInt(digits - 1)) return undefined;
  return x.exponent + digits - 1;
}

function integerSqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 10n ** BigInt(Math.ceil(digitCount(n) / 2));
  for (;;) {
    const next = (x + n / x) / 2n;
    if (next >= x) return x;
    x = next;
  }
}

function sqrt(x: DecimalParts): DecimalParts | number {
  if (x.coefficient === 0n) return { coefficient: 0n, exponent: Math.floor(x.exponent / 2) };
  // Enough digits for 36 in the root, with an even power of ten left over.
  let shift = Math.max(0, 2 * (DIGITS + 2) - digitCount(x.coefficient));
  if ((x.exponent - shift) % 2 !== 0) shift++;
  const n = x.coefficient * 10n ** BigInt(shift);
  let root = integerSqrt(n);
  let exponent = (x.exponent - shift) / 2;
  if (root * root !== n) return rounded(root, exponent, true);
  // Exact: at the exponent nearest half of x's (IEEE 754's preferred one).
  const preferred = Math.floor(x.exponent / 2);
  while (exponent < preferred && root % 10n === 0n) {
    root /= 10n;
    exponent++;
  }
  return rounded(root, exponent, false);
}

function ln(x: DecimalParts): DecimalParts | number {
  if (isOne(x)) return { coefficient: 0n, exponent: 0 };
  return fromFixed(lnFixed(x));
}

function log10(x: DecimalParts): DecimalParts | number {
  const exact = powerOfTen(x);
  if (exact !== undefined) return { coefficient: BigInt(exact), exponent: 0 };
  return fromFixed(divide(lnFixed(x), lnConstants().ln10));
}

function log(x: DecimalParts, base: DecimalParts): DecimalParts | number {
  const exactX = powerOfTen(x);
  const exactBase = powerOfTen(base);
  if (exactX !== undefined && exactBase !== undefined && exactBase !== 0) {
    if (exactX % exactBase === 0) return { coefficient: BigInt(exactX / exactBase), exponent: 0 };
  }
  if (isOne(x)) return { coefficient: 0n, exponent: 0 };
  return fromFixed(divide(lnFixed(x), lnFixed(base)));
}

function exp(x: DecimalParts): DecimalParts | number {
  if (x.coefficient === 0n) return { coefficient: 1n, exponent: 0 };
  const t = toFixed(x);
  if (t === undefined || abs(t) >= EXP_LIMIT) {
    return x.coefficient > 0n ? Infinity : { coefficient: 0n, exponent: MIN_EXPONENT };
  }
  return expOf(t);
}

/** The integer value of a decimal, or undefined when it has a fraction. */
function integerValue(x: DecimalParts): bigint | undefined {
  if (x.exponent >= 0) return x.coefficient * 10n ** BigInt(x.exponent);
  const scale = 10n ** BigInt(-x.exponent);
  return x.coefficient % scale === 0n ? x.coefficient / scale : undefined;
}

/** Largest coefficient, in digits, an exact whole power is worked out to before rounding. */
const EXACT_POWER_DIGITS = 2_000;

function pow(x: DecimalParts, y: DecimalParts): Result {
  const whole = integerValue(y);
  if (x.coefficient === 0n) return undefined; // 0^y: the double answer (0, 1 or an error) stands
  if (whole === 0n) return { coefficient: 1n, exponent: 0 };
  if (whole !== undefined && abs(whole) * BigInt(digitCount(x.coefficient)) <= EXACT_POWER_DIGITS) {
    const n = Number(abs(whole));
    const power = x.coefficient ** BigInt(n);
    const exponent = x.exponent * n;
    if (whole > 0n) return rounded(power, exponent, false);
    // 1 / x^n: exact when it ends, else to 34 digits.
    const shift = DIGITS + 2 + digitCount(power);
    const scaled = 10n ** BigInt(shift);
    let quotient = scaled / power;
    const inexact = scaled % power !== 0n;
    let resultExponent = -shift - exponent;
    if (!inexact) {
      while (resultExponent < -exponent && quotient % 10n === 0n) {
        quotient /= 10n;
        resultExponent++;
      }
    }
    return rounded(quotient, resultExponent, inexact);
  }
  if (x.coefficient < 0n) {
    // A negative base: defined only for a whole exponent (too large to work out exactly here).
    if (whole === undefined) return Number.NaN;
    const magnitude = pow({ ...x, coefficient: -x.coefficient }, y);
    if (typeof magnitude !== 'object' || whole % 2n === 0n) return magnitude;
    return { ...magnitude, coefficient: -magnitude.coefficient };
  }
  if (isOne(x)) return { coefficient: 1n, exponent: 0 };
  const lnX = lnFixed(x);
  const yFixed = toFixed(y);
  if (yFixed === undefined) {
    // |y| ≥ 10^20: the result is out of range one way or the other.
    const grows = lnX > 0n === y.coefficient > 0n;
    return grows ? Infinity : { coefficient: 0n, exponent: MIN_EXPONENT };
  }
  const t = multiply(lnX, yFixed);
  if (abs(t) >= EXP_LIMIT) return t > 0n ? Infinity : { coefficient: 0n, exponent: MIN_EXPONENT };
  return expOf(t);
}

/**
 * One of $sqrt, $exp, $ln, $log, $log10, $pow on decimal operands (a double or integer operand
 * already turned into decimal parts): the decimal result, or undefined to keep the answer worked
 * out in double (a NaN or infinite operand, a domain the double check already refused).
 */
export function decimalFunction(name: string, args: (DecimalParts | number)[]): Result {
  const [x, y] = args;
  if (typeof x !== 'object') return undefined;
  switch (name) {
    case '$sqrt':
      return x.coefficient < 0n ? undefined : sqrt(x);
    case '$exp':
      return exp(x);
    case '$ln':
      return x.coefficient <= 0n ? undefined : ln(x);
    case '$log10':
      return x.coefficient <= 0n ? undefined : log10(x);
    case '$log':
      if (typeof y !== 'object' || x.coefficient <= 0n || y.coefficient <= 0n || isOne(y)) {
        return undefined;
      }
      return log(x, y);
    case '$pow':
      return typeof y === 'object' ? pow(x, y) : undefined;
    default:
      return undefined;
  }
}
