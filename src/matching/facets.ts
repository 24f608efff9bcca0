// Facet rules shared by both engines (DESIGN §9 "Facets", contract-next PostingFacets):
// salary bands by salaryCeiling, and the output order of facet counts. Pure.

export interface FacetCount {
  value: string;
  count: number;
}

/** Band labels in ascending order; a band holds ceilings in [lower, next lower). */
export const SALARY_BANDS: readonly { value: string; lower: number }[] = [
  { value: '<50000', lower: -Infinity },
  { value: '50000-74999', lower: 50_000 },
  { value: '75000-99999', lower: 75_000 },
  { value: '100000-124999', lower: 100_000 },
  { value: '125000-149999', lower: 125_000 },
  { value: '>=150000', lower: 150_000 },
];

/** The band of a salaryCeiling; null (not counted) for postings without a salary. */
export function salaryBand(ceiling: number | null): string | null {
  if (ceiling === null || !Number.isFinite(ceiling)) return null;
  let band = SALARY_BANDS[0].value;
  for (const b of SALARY_BANDS) if (ceiling >= b.lower) band = b.value;
  return band;
}

/** Non-zero counts, count desc then value asc (the contract's order). */
export function facetList(counts: ReadonlyMap<string, number> | Record<string, number>): FacetCount[] {
  const entries = counts instanceof Map ? [...counts.entries()] : Object.entries(counts);
  return entries
    .filter(([, n]) => n > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Adds one to `value`'s count. */
export function bump(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}
