import { describe, expect, it } from 'vitest';

import { decimalFunction } from './decimal-functions.js';
import type { DecimalParts } from './decimal-math.js';

function parts(text: string): DecimalParts {
  const [coefficient, exponent] = text.split('E');
  return { coefficient: BigInt(coefficient), exponent: Number(exponent) };
}

function run(name: string, ...args: string[]): string {
  const result = decimalFunction(name, args.map(parts));
  return typeof result === 'object' ? `${result.coefficient}E${result.exponent}` : String(result);
}

// Expected values: the true values rounded half-even to 34 digits (checked against Python's
// decimal module, which rounds these functions correctly), in IEEE 754's representation.
describe('decimalFunction', () => {
  it('rounds to 34 significant digits', () => {
    expect(run('$sqrt', '2E0')).toBe('1414213562373095048801688724209698E-33');
    expect(run('$ln', '2E0')).toBe('6931471805599453094172321214581766E-34');
    expect(run('$log10', '2E0')).toBe('3010299956639811952137388947244930E-34');
    expect(run('$exp', '-1E0')).toBe('3678794411714423215955237701614609E-34');
    expect(run('$pow', '3E0', '15E-1')).toBe('5196152422706631880582339024517617E-33');
    expect(run('$pow', '3E0', '-1E0')).toBe('3333333333333333333333333333333333E-34');
  });

  it('gives exact results at the preferred exponent', () => {
    expect(run('$sqrt', '4E0')).toBe('2E0');
    expect(run('$sqrt', '400E-2')).toBe('20E-1');
    expect(run('$sqrt', '4E-2')).toBe('2E-1');
    expect(run('$pow', '2E0', '-1E0')).toBe('5E-1');
    expect(run('$pow', '15E-1', '2E0')).toBe('225E-2');
    expect(run('$log10', '1E-5')).toBe('-5E0');
    expect(run('$exp', '0E0')).toBe('1E0');
    expect(run('$ln', '1000E-3')).toBe('0E0');
  });

  it('overflows to Infinity and underflows to zero past Decimal128 range', () => {
    expect(run('$exp', '1E5')).toBe('Infinity');
    expect(run('$exp', '-1E5')).toBe('0E-6176');
    expect(run('$pow', '10E0', '7000E0')).toBe('Infinity');
    expect(run('$pow', '-8E0', '5E-1')).toBe('NaN');
    expect(run('$pow', '-2E0', '3E0')).toBe('-8E0');
  });
});

describe('decimalFunction on extreme operands', () => {
  it('answers at once for powers far outside the range', () => {
    expect(run('$pow', '1E-6176', '58E0')).toBe('0E-6176');
    expect(run('$pow', '9999999999999999999999999999999999E6111', '58E0')).toBe('Infinity');
    expect(run('$pow', '1E-6176', '-58E0')).toBe('Infinity');
    expect(run('$exp', '1E-6000')).toBe('1000000000000000000000000000000000E-33');
  });
});
