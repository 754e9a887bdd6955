/**
 * A small deterministic generator for property tests, so one fast-check seed describes a whole
 * organisation: each call gives a whole number below `below`.
 */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0 || 1;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}
