// The filter strings and settings the Meilisearch adapter sends, parsed with the documented
// grammar (meili-filter-grammar.ts): client strings must come back as the exact literal.
import { describe, expect, it } from 'vitest';
import { CareSetting, EmploymentType } from '../../../src/shared/enums.js';
import {
  OPEN_POSTING,
  and,
  candidateEligibilityClause,
  inList,
  not,
  num,
  postingEligibilityClause,
  postingFilterClause,
  quote,
  requirableTokens,
} from '../../../src/search/meilisearch/meilisearch-filters.js';
import { CANDIDATE_SETTINGS, POSTING_SETTINGS } from '../../../src/search/meilisearch/meilisearch-settings.js';
import { FIT_DIMENSIONS, FIT_EMBEDDER } from '../../../src/search/meilisearch/meilisearch-fit-vectors.js';
import { candidateQueryFitVector, postingDocumentFitVector } from '../../../src/search/meilisearch/meilisearch-fit-inputs.js';
import { buildPostingDocument } from '../../../src/search/documents/posting-document.js';
import { conditions, parseFilter, type FilterNode } from './meili-filter-grammar.js';
import { ALICE, CATALOG, POSTING_SOURCES, TODAY } from '../contract-fixtures.js';

const attrs = (node: FilterNode): string[] => conditions(node).map((c) => ('attr' in c ? c.attr : ''));

describe('quote', () => {
  it.each([
    ['TX', '"TX"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['ends with \\', '"ends with \\\\"'],
    ['\\"', '"\\\\\\""'],
  ])('escapes %j as %s', (raw, quoted) => {
    expect(quote(raw)).toBe(quoted);
    expect(parseFilter(`a = ${quote(raw)}`)).toEqual({ op: 'CMP', attr: 'a', cmp: '=', value: raw });
  });

  it('refuses non-finite numbers instead of writing NaN into a filter', () => {
    expect(() => num(Number.NaN)).toThrow(RangeError);
    expect(() => num(Infinity)).toThrow(RangeError);
    expect(num(-2.5)).toBe('-2.5');
  });
});

describe('posting filter', () => {
  it('builds IN lists, booleans, numeric comparisons and equality, all grouped with AND', () => {
    const f = postingFilterClause({
      states: ['tx', 'CA'],
      settings: [CareSetting.HOSPITAL],
      employmentTypes: [EmploymentType.FULL_TIME, EmploymentType.CONTRACT],
      remote: false,
      minSalary: 95_000,
      employerId: 'e1',
    })!;
    expect(f).toBe(
      '(state IN ["TX", "CA"]) AND (setting IN ["HOSPITAL"]) AND (employmentType IN ["FULL_TIME", "CONTRACT"]) AND (remote = false) AND (salaryCeiling >= 95000) AND (employerId = "e1")',
    );
    expect(parseFilter(and(OPEN_POSTING, f))).toMatchObject({ op: 'AND' });
  });

  it('treats absent and empty lists as no constraint', () => {
    expect(postingFilterClause(null)).toBeNull();
    expect(postingFilterClause({ states: [], settings: [], remote: null })).toBeNull();
    expect(and(OPEN_POSTING, postingFilterClause({}))).toBe('(status = "OPEN")');
  });

  it.each([
    ['TX" OR status = CLOSED', 'TX" OR STATUS = CLOSED'],
    ['TX\\" OR status = "CLOSED', 'TX\\" OR STATUS = "CLOSED'],
    ['TX] OR (status = CLOSED', 'TX] OR (STATUS = CLOSED'],
  ])('keeps the injection attempt %j a single literal', (state, literal) => {
    const tree = parseFilter(and(OPEN_POSTING, postingFilterClause({ states: [state], employerId: `${state}'` })));
    expect(tree.op).toBe('AND');
    expect(conditions(tree)).toEqual([
      { op: 'CMP', attr: 'status', cmp: '=', value: 'OPEN' },
      { op: 'IN', attr: 'state', values: [literal] },
      { op: 'CMP', attr: 'employerId', cmp: '=', value: `${state}'` },
    ]);
  });

  it('says requiredCode as the code\'s tokens, bare and with every state (a state-specific licence carries its posting\'s)', () => {
    const tree = parseFilter(postingFilterClause({ requiredCode: ' nha ' })!);
    expect(tree).toMatchObject({ op: 'IN', attr: 'requiredQualificationTokens' });
    const values = (tree as { values: string[] }).values;
    expect(values[0]).toBe('NHA');
    expect(values).toContain('NHA_in_TX');
    expect(values).toHaveLength(1 + 56);
    expect(POSTING_SETTINGS.filterableAttributes).toContain('requiredQualificationTokens');
    // A code that is not a plain identifier stays one quoted literal per token.
    const hostile = parseFilter(postingFilterClause({ requiredCode: 'X"] OR status = "CLOSED' })!);
    expect(conditions(hostile)).toHaveLength(1);
  });

  it('rejects a non-finite minSalary rather than sending it', () => {
    expect(() => postingFilterClause({ minSalary: Number.NaN })).toThrow(RangeError);
  });
});

describe('eligibility filters', () => {
  it('expresses a candidate view: degree tokens IN, experience <=, required tokens NOT IN the not-held ones', () => {
    const view = { degreeTokens: ['ANY', 'L0', 'L0|business'], experienceYears: 2.5, currentTokens: new Set(['NHA', 'NHA_in_TX']) };
    const tree = parseFilter(postingEligibilityClause(view, CATALOG));
    expect(tree.op).toBe('AND');
    const [degree, experience, quals] = (tree as { items: FilterNode[] }).items;
    expect(degree).toEqual({ op: 'IN', attr: 'degreeTokens', values: ['ANY', 'L0', 'L0|business'] });
    expect(experience).toMatchObject({ op: 'CMP', attr: 'minYearsExperience', cmp: '<=' });
    expect(quals.op).toBe('NOT IN');
    const notHeld = (quals as { values: string[] }).values;
    expect(notHeld).toContain('CMM');
    expect(notHeld).toContain('NHA_in_CA');
    expect(notHeld).not.toContain('NHA_in_TX');
    expect(notHeld).not.toContain('NHA');
    expect(notHeld.length).toBe(requirableTokens(CATALOG).length - 2);
  });

  it('tests each required credential as one flattened attribute against the query day', () => {
    const tree = parseFilter(
      candidateEligibilityClause({ degreeTokens: ['L2|health administration'], minYearsExperience: 2, requiredTokens: ['NHA_in_TX', 'CMM'] }, 20_500),
    );
    const conds = conditions(tree);
    expect(conds).toContainEqual({ op: 'CMP', attr: 'discoverable', cmp: '=', value: 'true' });
    expect(conds).toContainEqual({ op: 'IN', attr: 'degreeTokens', values: ['L2|health administration'] });
    expect(conds).toContainEqual({ op: 'CMP', attr: 'qualificationExpiry.NHA_in_TX', cmp: '>=', value: '20500' });
    expect(conds).toContainEqual({ op: 'CMP', attr: 'qualificationExpiry.CMM', cmp: '>=', value: '20500' });
    // Closed total, running career (anchor <= day - 2*365.25), or a stale anchor re-checked exactly.
    expect(conds).toContainEqual({ op: 'CMP', attr: 'experienceClosedDays', cmp: '>=', value: '730.5' });
    expect(conds).toContainEqual({ op: 'CMP', attr: 'experienceEffectiveStartDay', cmp: '<=', value: '19769.5' });
    expect(attrs(tree)).toContain('experienceValidUntilDay');
  });

  it('omits degree and experience clauses a posting does not have', () => {
    const f = candidateEligibilityClause({ degreeTokens: ['ANY'], minYearsExperience: 0, requiredTokens: [] }, 20_500);
    expect(f).toBe('(discoverable = true)');
    expect(parseFilter(not(f))).toEqual({ op: 'NOT', item: { op: 'CMP', attr: 'discoverable', cmp: '=', value: 'true' } });
  });

  it('refuses a token that is not a plain identifier as an attribute name', () => {
    expect(() => candidateEligibilityClause({ degreeTokens: ['ANY'], minYearsExperience: 0, requiredTokens: ['X >= 0 OR a'] }, 1)).toThrow(RangeError);
  });

  it('quotes degree-field tokens that contain quotes', () => {
    expect(parseFilter(inList('degreeTokens', ['L2|"health" admin']))).toEqual({ op: 'IN', attr: 'degreeTokens', values: ['L2|"health" admin'] });
  });
});

describe('index settings and vectors', () => {
  const filterAttributes = (settings: typeof POSTING_SETTINGS) => (settings.filterableAttributes ?? []).map(String);

  it('makes every attribute the posting filters use filterable, and the tie-break sortable', () => {
    const view = { degreeTokens: ['ANY'], experienceYears: 1, currentTokens: new Set<string>() };
    const used = attrs(parseFilter(and(OPEN_POSTING, postingFilterClause({ states: ['TX'], settings: [CareSetting.OTHER], employmentTypes: [EmploymentType.FULL_TIME], remote: true, minSalary: 1, employerId: 'e' }), postingEligibilityClause(view, CATALOG))));
    for (const a of used) expect(filterAttributes(POSTING_SETTINGS)).toContain(a);
    expect(POSTING_SETTINGS.sortableAttributes).toEqual(['postedAt', 'id', 'salarySortKey', '_geo']);
    // Sort first: NEWEST/SALARY/DISTANCE order worded searches too; RELEVANCE sends no sort.
    expect(POSTING_SETTINGS.rankingRules?.[0]).toBe('sort');
  });

  it('makes every attribute the candidate filters use filterable (nested ones through their parent)', () => {
    const used = attrs(parseFilter(candidateEligibilityClause({ degreeTokens: ['L1'], minYearsExperience: 1, requiredTokens: ['CMM'] }, 20_000)));
    for (const a of used) expect(filterAttributes(CANDIDATE_SETTINGS)).toContain(a.split('.')[0]);
  });

  it('declares a userProvided embedder whose dimensions match the vectors sent', () => {
    for (const s of [POSTING_SETTINGS, CANDIDATE_SETTINGS]) {
      expect(s.embedders).toEqual({ [FIT_EMBEDDER]: { source: 'userProvided', dimensions: FIT_DIMENSIONS } });
    }
    const pv = postingDocumentFitVector(buildPostingDocument(POSTING_SOURCES[1], CATALOG));
    const cv = candidateQueryFitVector(ALICE, TODAY);
    expect(pv).toHaveLength(FIT_DIMENSIONS);
    expect(cv).toHaveLength(FIT_DIMENSIONS);
    for (const x of [...pv, ...cv]) expect(Number.isFinite(x)).toBe(true);
    expect(cv.some((x) => x !== 0)).toBe(true);
  });
});
