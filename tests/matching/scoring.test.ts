import { describe, expect, it } from 'vitest';
import { fitScore, matchScore, type FitFeatures } from '../../src/matching/scoring.js';

const base: FitFeatures = {
  degreeGap: 1,
  experienceGap: 2,
  preferredHeld: 1,
  preferredTotal: 3,
  skillOverlap: 2,
  postingSkillCount: 5,
  settingMatch: 0,
};
const fit = (over: Partial<FitFeatures>): number => fitScore({ ...base, ...over });

describe('fitScore', () => {
  it('stays within [0, 1] for extreme and malformed features', () => {
    const extremes: Partial<FitFeatures>[] = [
      { degreeGap: 0, experienceGap: 0, preferredHeld: 1e9, preferredTotal: 1e9, skillOverlap: 1e9, postingSkillCount: 1e9, settingMatch: 1 },
      { degreeGap: -5, experienceGap: -60, preferredHeld: 0, preferredTotal: 0, skillOverlap: 0, postingSkillCount: 0 },
      { degreeGap: 5, experienceGap: 60, preferredHeld: 5, preferredTotal: 2 },
      { experienceGap: NaN },
      { settingMatch: undefined },
    ];
    for (const e of extremes) {
      const f = fit(e);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(1);
    }
  });
  it('rises with each additional held preferred qualification (candidate side)', () => {
    for (let h = 0; h < 5; h++) expect(fit({ preferredHeld: h + 1, preferredTotal: 5 })).toBeGreaterThan(fit({ preferredHeld: h, preferredTotal: 5 }));
  });
  it('rises when a posting additionally prefers a code the candidate holds (posting side)', () => {
    for (let t = 0; t < 6; t++) {
      for (let h = 0; h <= t; h++) {
        expect(fit({ preferredHeld: h + 1, preferredTotal: t + 1 })).toBeGreaterThan(fit({ preferredHeld: h, preferredTotal: t }));
      }
    }
  });
  it('rises with skill overlap, from both sides', () => {
    for (let n = 1; n < 8; n++) {
      for (let o = 0; o < n; o++) {
        expect(fit({ skillOverlap: o + 1, postingSkillCount: n })).toBeGreaterThan(fit({ skillOverlap: o, postingSkillCount: n }));
        expect(fit({ skillOverlap: o + 1, postingSkillCount: n + 1 })).toBeGreaterThan(fit({ skillOverlap: o, postingSkillCount: n }));
      }
    }
  });
  it('falls strictly as degree or experience requirements move away from the candidate level', () => {
    for (let g = 0; g < 5; g++) {
      expect(fit({ degreeGap: g })).toBeGreaterThan(fit({ degreeGap: g + 1 }));
      expect(fit({ degreeGap: -g })).toBeGreaterThan(fit({ degreeGap: -g - 1 }));
    }
    for (let g = 0; g < 40; g += 0.5) expect(fit({ experienceGap: g })).toBeGreaterThan(fit({ experienceGap: g + 0.25 }));
  });
  it('rewards experience in the posting care setting', () => {
    expect(fit({ settingMatch: 1 })).toBeGreaterThan(fit({ settingMatch: 0 }));
  });
  it('ranks the DESIGN example: MASTER + 12y candidate, director (MASTER, 10y) above entry (ASSOCIATE, 0y)', () => {
    const director = fit({ degreeGap: 3 - 3, experienceGap: 12 - 10 });
    const entry = fit({ degreeGap: 3 - 1, experienceGap: 12 - 0 });
    expect(director).toBeGreaterThan(entry);
  });
});

describe('matchScore', () => {
  const fits = [0, 1e-9, 0.1, 0.5, 0.9, 1 - 1e-9, 1];

  it('puts eligible matches in (0.5, 1] and ineligible ones in [0, 0.5)', () => {
    for (const f of fits) {
      const e = matchScore(true, 0, f);
      expect(e).toBeGreaterThan(0.5);
      expect(e).toBeLessThanOrEqual(1);
      for (let k = 1; k <= 60; k++) {
        const i = matchScore(false, k, f);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(0.5);
      }
    }
    expect(matchScore(true, 0, 1)).toBe(1);
  });
  it('ranks every eligible match above every ineligible one', () => {
    expect(matchScore(true, 0, 0)).toBeGreaterThan(matchScore(false, 1, 1));
  });
  it('ranks fewer missing requirements strictly higher, whatever the fits (up to 1000 missing)', () => {
    for (let k = 1; k < 1000; k++) {
      expect(matchScore(false, k, 0)).toBeGreaterThan(matchScore(false, k + 1, 1));
    }
  });
  it('is strictly increasing in fit within a band', () => {
    for (const k of [0, 1, 2, 50]) {
      for (let i = 0; i + 1 < fits.length; i++) {
        expect(matchScore(k === 0, k, fits[i + 1])).toBeGreaterThan(matchScore(k === 0, k, fits[i]));
      }
    }
  });
  it('clamps out-of-range and NaN fits', () => {
    expect(matchScore(true, 0, 7)).toBe(1);
    expect(matchScore(true, 0, -1)).toBe(matchScore(true, 0, 0));
    expect(matchScore(false, 1, NaN)).toBe(matchScore(false, 1, 0));
  });
});
