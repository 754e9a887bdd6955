import type { Document } from 'mongodb';
import { Decimal128 } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

// $sqrt, $exp, $ln, $log, $log10 and $pow (MongoDB's aggregation reference): "If the argument
// resolves to a Decimal128 value, the result is Decimal128" (each operator's page: the result
// type follows the input, and a decimal operand makes the result a decimal). MongoDB computes
// these in IEEE 754 decimal128, to 34 significant digits; a double has about 16. The expected
// values below are the true values rounded to 34 digits; the check allows one unit in the last
// digit either way.

const ctx = setupDriverDb(import.meta.url);

const d = (text: string) => Decimal128.fromString(text);

/** The value as an integer count of units of its 34th significant digit, and that unit's power. */
function scaled(text: string, unitExponent: number): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:E([-+]?\d+))?$/i.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let value = BigInt(`${whole}${fraction}`);
  const power = Number(exponent) - fraction.length - unitExponent;
  value = power >= 0 ? value * 10n ** BigInt(power) : value / 10n ** BigInt(-power);
  return sign === '-' ? -value : value;
}

/** The power of ten of the leading digit (works past a double's range). */
function orderOfMagnitude(text: string): number {
  const [mantissa, exponent = '0'] = text.replace('-', '').split(/E/i);
  const [whole, fraction = ''] = mantissa.split('.');
  const leading =
    BigInt(whole) > 0n
      ? whole.replace(/^0+/, '').length - 1
      : -(/^0*/.exec(fraction)![0].length + 1);
  return leading + Number(exponent);
}

/** `actual` is a Decimal128 within one unit of the 34th significant digit of `expected`. */
function expectDecimalNear(actual: unknown, expected: string): void {
  expect(actual).toBeInstanceOf(Decimal128);
  const text = (actual as Decimal128).toString();
  const magnitude = orderOfMagnitude(expected);
  const unit = magnitude - 33;
  const difference = scaled(text, unit) - scaled(expected, unit);
  expect(
    difference >= -1n && difference <= 1n,
    `${text} differs from ${expected} beyond the 34th digit`,
  ).toBe(true);
}

async function evaluate(expressions: Document): Promise<Document> {
  const coll = ctx().db.collection('math');
  if ((await coll.countDocuments()) === 0) await coll.insertOne({ _id: 1 } as Document);
  const [doc] = await coll.aggregate([{ $project: { _id: 0, ...expressions } }]).toArray();
  return doc;
}

describe('decimal $sqrt, $exp, $ln, $log, $log10, $pow', () => {
  it('answer a Decimal128 at 34 significant digits', async () => {
    const doc = await evaluate({
      sqrt: { $sqrt: d('2') },
      exp: { $exp: d('1') },
      ln: { $ln: d('2') },
      lnHalf: { $ln: d('0.5') },
      log10: { $log10: d('2') },
      log: { $log: [d('10'), 2] },
      pow: { $pow: [d('2'), d('0.5')] },
      powFraction: { $pow: [d('3'), d('1.5')] },
    });
    expectDecimalNear(doc.sqrt, '1.414213562373095048801688724209698');
    expectDecimalNear(doc.exp, '2.718281828459045235360287471352662');
    expectDecimalNear(doc.ln, '0.6931471805599453094172321214581766');
    expectDecimalNear(doc.lnHalf, '-0.6931471805599453094172321214581766');
    expectDecimalNear(doc.log10, '0.3010299956639811952137388947244930');
    expectDecimalNear(doc.log, '3.321928094887362347870319429489390');
    expectDecimalNear(doc.pow, '1.414213562373095048801688724209698');
    expectDecimalNear(doc.powFraction, '5.196152422706631880582339024517617');
  });

  it('a whole power of a decimal is exact, and a decimal exponent of a double base is decimal', async () => {
    const doc = await evaluate({
      power: { $pow: [d('1.1'), 30] },
      inverse: { $pow: [d('2'), -3] },
      doubleBase: { $pow: [2, d('0.5')] },
    });
    expectDecimalNear(doc.power, '17.44940226888640731855880375380100');
    expect(Number((doc.power as Decimal128).toString())).toBeCloseTo(17.4494022688864, 10);
    expectDecimalNear(doc.inverse, '0.1250000000000000000000000000000000');
    expectDecimalNear(doc.doubleBase, '1.414213562373095048801688724209698');
  });

  it('reach beyond the range of a double', async () => {
    const doc = await evaluate({ big: { $exp: d('1000') } });
    expectDecimalNear(doc.big, '1.970071114017046993888879352243323E+434');
  });

  it('exact results: perfect squares, powers of ten, exp(0), ln(1)', async () => {
    const doc = await evaluate({
      sqrt: { $sqrt: d('0.25') },
      sqrtWhole: { $sqrt: d('144') },
      log10: { $log10: d('1000') },
      exp: { $exp: d('0') },
      ln: { $ln: d('1') },
    });
    const exact = Object.fromEntries(
      Object.entries(doc).map(([key, value]) => {
        expect(value).toBeInstanceOf(Decimal128);
        return [key, Number((value as Decimal128).toString())];
      }),
    );
    expect(exact).toEqual({ sqrt: 0.5, sqrtWhole: 12, log10: 3, exp: 1, ln: 0 });
  });
});
