import { describe, expect, it } from 'vitest';
import { isEmailAddress } from '../../src/candidates/candidate.validation.js';

// The pattern the linear check replaces: the reference for what counts as an address.
const OLD_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

describe('isEmailAddress', () => {
  it('accepts and refuses like the old pattern on hand-picked cases', () => {
    const cases = ['a@b.c', 'ab@example.org', 'a.b+c@mail.example.co.uk', 'a@b..', 'a@.b.c', 'a@b.', 'a@.b', '@b.c', 'a@b', 'a b@c.d',
      'a@b@c.d', 'a@b.c\n', '\u00a0a@b.c', 'é@ü.de', 'a@b.c.', 'a@@b.c', '', '@', '.@.', 'a@b\tc.d'];
    for (const c of cases) expect(isEmailAddress(c), JSON.stringify(c)).toBe(OLD_PATTERN.test(c));
  });

  it('agrees with the old pattern on random short strings over a hostile alphabet', () => {
    const alphabet = ['a', 'b', '@', '.', ' ', '\t', '\u2028', 'é'];
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let n = 0; n < 20_000; n++) {
      const len = Math.floor(next() * 9);
      let s = '';
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(isEmailAddress(s), JSON.stringify(s)).toBe(OLD_PATTERN.test(s));
    }
  });

  it('answers the input that made the old pattern backtrack quadratically', () => {
    // 64,000 dots: the old pattern needed seconds; the check is one pass. Asserting the answer
    // (not the time): the test would time out if it were quadratic again.
    expect(isEmailAddress('a@' + '.'.repeat(64_000) + '@')).toBe(false);
    expect(isEmailAddress('a@' + 'b'.repeat(64_000) + '.c')).toBe(true);
  });
});
