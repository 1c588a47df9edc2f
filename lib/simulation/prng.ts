/**
 * A seeded pseudo-random generator for the simulation: xoshiro128** (Blackman and Vigna, 2018;
 * public domain), its four words of state seeded by splitmix32 from one integer. Small, fast,
 * and the same sequence on every machine: the same seed gives the same simulation, byte for byte.
 */

export interface Random {
  /** Uniform in [0, 1), 32 bits. */
  next(): number;
  /** Uniform integer in [0, n). */
  below(n: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function seededRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new Error(`a seed is an integer, not ${seed}`);
  const seedWord = splitmix32(seed);
  let [a, b, c, d] = [seedWord(), seedWord(), seedWord(), seedWord()];
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const nextWord = () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    next: () => nextWord() / 4294967296,
    below: (n) => Math.floor((nextWord() / 4294967296) * n),
  };
}
