// Turns the researched credential catalog (seeds/source/domain-catalog.json, a verbatim
// copy of the domain team's file) into QualificationInput-shaped seed entries. Pure, so
// the drift test can re-run it and compare with the committed seeds/catalog.json.
import { QualificationKind } from '../src/shared/enums.js';
import type { SeedQualification, SeedStateRenewal } from './seed-types.js';
import { STATE_RENEWALS, type StateRenewalSource } from './state-renewals.js';

/** The part of a domain catalog entry we rely on, checked at runtime (it is parsed JSON). */
interface DomainCredential {
  code: string;
  name: string;
  issuer: string | null;
  kind: QualificationKind;
  stateSpecific: boolean;
  renewalMonths: number | null;
  ceHours: number | null;
  renewalDetail: string | null;
  renewalConfidence: string | null;
  sources: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function intOrNull(value: unknown, where: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(`${where}: expected a non-negative integer or null, got ${JSON.stringify(value)}`);
  }
  return value;
}

function readCredential(raw: unknown, index: number): DomainCredential {
  const where = `credentials[${index}]`;
  if (!isRecord(raw)) throw new Error(`${where}: not an object`);
  const { code, name, issuer, kind, stateSpecific } = raw;
  if (typeof code !== 'string' || code.trim() === '') throw new Error(`${where}.code: missing`);
  if (typeof name !== 'string' || name.trim() === '') throw new Error(`${where}.name: missing`);
  if (kind !== QualificationKind.CERTIFICATION && kind !== QualificationKind.LICENSE) {
    throw new Error(`${where}.kind: unknown ${JSON.stringify(kind)}`);
  }
  return {
    code,
    name,
    issuer: typeof issuer === 'string' && issuer.trim() !== '' ? issuer.trim() : null,
    kind,
    stateSpecific: stateSpecific === true,
    renewalMonths: intOrNull(raw.renewalMonths, `${where}.renewalMonths`),
    ceHours: intOrNull(raw.ceHours, `${where}.ceHours`),
    renewalDetail: typeof raw.renewalDetail === 'string' ? raw.renewalDetail : null,
    renewalConfidence: confidenceOf(raw.confidence),
    sources: Array.isArray(raw.source) ? raw.source.filter((s): s is string => typeof s === 'string') : [],
  };
}

/** The domain file rates renewal facts under `confidence.renewal` (or `.all` for the whole entry). */
function confidenceOf(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const c = value.renewal ?? value.all ?? value.renewalCE;
  return typeof c === 'string' ? c : null;
}

/**
 * Where the entry's renewalMonths / continuingEducationHours come from: the domain catalog's
 * own renewal text, its confidence rating and its first source (the issuer's page where it
 * has one). When neither figure is published it says so: both stay null.
 */
export function renewalSourceNote(c: DomainCredential, stateRuleCount = 0): string {
  const detail = c.renewalDetail ? ` "${c.renewalDetail}"` : '';
  if (c.renewalMonths === null && c.ceHours === null) {
    const states = stateRuleCount > 0 ? ' (set per state: see renewalByState)' : '';
    return `Domain catalog ${c.code}: no renewal cycle or CE hours retrieved${states}, both left null.${detail}`;
  }
  const confidence = c.renewalConfidence ? ` [${c.renewalConfidence}]` : '';
  // The renewal page when the sources name one, else the first (usually the issuer's).
  const url = c.sources.find((u) => RENEWAL_PAGE.test(u)) ?? c.sources[0];
  return `Domain catalog ${c.code}:${detail}${confidence}${url ? ` ${url}` : ''}`;
}

const RENEWAL_PAGE = /recert|maintain|ceu|renew/i;

function stateRules(code: string, table: readonly StateRenewalSource[]): SeedStateRenewal[] {
  return table
    .filter((r) => r.code === code)
    .map(({ state, renewalMonths, continuingEducationHours, source }) => ({ state, renewalMonths, continuingEducationHours, source }))
    .sort((a, b) => a.state.localeCompare(b.state));
}

/**
 * A few domain entries name a family of variants in one row, e.g. code
 * "CRCE-I / CRCE-P", name "... (Institutional / Professional)". A person holds one
 * variant, and a code with spaces and a slash is not a usable identifier, so each
 * variant becomes its own entry with the matching part of the parenthesised name.
 */
export function splitCompoundCode(code: string): string[] {
  return code
    .split('/')
    .map((part) => part.trim().toUpperCase())
    .filter((part) => part !== '');
}

function variantName(name: string, index: number, count: number): string {
  if (count === 1) return name.trim();
  const match = /^(.*)\(([^()]*)\)\s*$/.exec(name);
  const parts = match ? match[2].split('/').map((p) => p.trim()) : [];
  if (!match || parts.length !== count) return name.trim();
  return `${match[1].trim()} (${parts[index]})`;
}

export function transformCatalog(domainFile: unknown, stateRenewals: readonly StateRenewalSource[] = STATE_RENEWALS): SeedQualification[] {
  if (!isRecord(domainFile) || !Array.isArray(domainFile.credentials)) {
    throw new Error('domain catalog: expected an object with a "credentials" array');
  }
  const out: SeedQualification[] = [];
  const seen = new Set<string>();

  domainFile.credentials.forEach((raw: unknown, index: number) => {
    const credential = readCredential(raw, index);
    const codes = splitCompoundCode(credential.code);
    codes.forEach((code, variant) => {
      if (seen.has(code)) throw new Error(`domain catalog: duplicate code ${code}`);
      seen.add(code);
      out.push({
        code,
        name: variantName(credential.name, variant, codes.length),
        kind: credential.kind,
        issuer: credential.issuer,
        stateSpecific: credential.stateSpecific,
        renewalMonths: credential.renewalMonths,
        continuingEducationHours: credential.ceHours,
        renewalByState: stateRules(code, stateRenewals),
        renewalSource: renewalSourceNote(credential, stateRules(code, stateRenewals).length),
      });
    });
  });
  const unknown = stateRenewals.filter((r) => !seen.has(r.code));
  if (unknown.length > 0) throw new Error(`state renewals for codes the catalog lacks: ${unknown.map((r) => r.code).join(', ')}`);
  return out;
}
