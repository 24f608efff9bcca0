import type { CareSetting } from '../src/shared/enums.js';
import { EMPLOYER_NAME_PATTERNS, EMPLOYER_SHARES } from './care-settings.js';
import { Rng, WeightedTable } from './prng.js';
import type { SeedEmployer } from './seed-types.js';
import { CITIES, LAST_NAMES, PLACE_WORDS, SAINT_NAMES, STATE_NAMES, TREE_WORDS } from './vocabulary.js';

// Salt so employers, postings and candidates built from the same seed use unrelated streams.
const EMPLOYER_SALT = 0x3e1d_0001;

export const CITY_TABLE = new WeightedTable(CITIES.map(([city, state, weight]) => [[city, state] as const, weight] as const));

/**
 * How many employers of each setting: proportional to EMPLOYER_SHARES (largest remainder),
 * but at least one of every setting when there are enough employers, so a small demo set
 * still shows every setting.
 */
export function apportionSettings(count: number): CareSetting[] {
  const total = EMPLOYER_SHARES.reduce((sum, [, w]) => sum + w, 0);
  const quotas = EMPLOYER_SHARES.map(([, w]) => (count * w) / total);
  const minimum = count >= EMPLOYER_SHARES.length ? 1 : 0;
  const counts = quotas.map((q) => Math.max(minimum, Math.floor(q)));
  let assigned = counts.reduce((a, b) => a + b, 0);
  // Ties break by table order (index) so the result is deterministic.
  while (assigned < count) {
    let best = 0;
    for (let i = 1; i < counts.length; i++) if (quotas[i] - counts[i] > quotas[best] - counts[best]) best = i;
    counts[best]++;
    assigned++;
  }
  while (assigned > count) {
    let worst = -1;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] <= minimum) continue;
      if (worst < 0 || quotas[i] - counts[i] < quotas[worst] - counts[worst]) worst = i;
    }
    counts[worst]--;
    assigned--;
  }
  const settings: CareSetting[] = [];
  counts.forEach((n, i) => {
    for (let k = 0; k < n; k++) settings.push(EMPLOYER_SHARES[i][0]);
  });
  return settings;
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function employerName(rng: Rng, setting: CareSetting, city: string, state: string): string {
  const surname = rng.pick(LAST_NAMES);
  let surname2 = rng.pick(LAST_NAMES);
  if (surname2 === surname) surname2 = LAST_NAMES[(LAST_NAMES.indexOf(surname) + 1) % LAST_NAMES.length];
  return rng
    .pick(EMPLOYER_NAME_PATTERNS[setting])
    .replace('{city}', city)
    .replace('{state}', STATE_NAMES[state] ?? state)
    .replace('{place}', rng.pick(PLACE_WORDS))
    .replace('{tree}', rng.pick(TREE_WORDS))
    .replace('{saint}', rng.pick(SAINT_NAMES))
    .replace('{surname}', surname)
    .replace('{surname2}', surname2);
}

export function generateEmployers(count: number, seed: number): SeedEmployer[] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`generateEmployers: bad count ${count}`);
  const rng = new Rng(seed ^ EMPLOYER_SALT);
  const settings = rng.sample(apportionSettings(count), count);
  const usedKeys = new Set<string>();
  return settings.map((setting) => {
    const [city, state] = CITY_TABLE.draw(rng);
    let name = employerName(rng, setting, city, state);
    const base = slugify(name.includes(city) ? `${name} ${state}` : `${name} ${city} ${state}`);
    let key = base;
    // Same name in the same city twice is confusing in a demo: number the later ones.
    for (let n = 2; usedKeys.has(key); n++) {
      key = `${base}-${n}`;
      if (!usedKeys.has(key)) name = `${name.replace(/ #\d+$/, '')} #${n}`;
    }
    usedKeys.add(key);
    return { key, name, setting, city, state };
  });
}
