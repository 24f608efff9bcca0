// Sends generated fuzz cases through real HTTP and checks the rules every response must keep:
// no HTTP 5xx, no INTERNAL_SERVER_ERROR, a JSON body, and a mutation that was refused wrote
// nothing (the data collections hash the same before and after it).
import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { FuzzCase, FuzzGenerator, FuzzKey, FuzzWorld } from './fuzz-cases.js';

/** What the API writes, minus the audit log and the outbox (both also record refusals). */
const DATA_COLLECTIONS = ['qualifications', 'employers', 'postings', 'candidates', 'api_keys'];

export interface FuzzFailure {
  index: number;
  operation: string;
  reason: string;
  request: string;
}

export interface FuzzSummary {
  total: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  byOperation: Record<string, { sent: number; ok: number; refused: number }>;
  failures: FuzzFailure[];
}

export interface FuzzTarget {
  url: string;
  connection: Connection;
  keys: Record<FuzzKey, string | null>;
}

async function dataHash(connection: Connection): Promise<string> {
  const hash = createHash('sha256');
  for (const name of DATA_COLLECTIONS) {
    const docs = await connection.collection(name).find({}).sort({ _id: 1 }).toArray();
    hash.update(name).update(JSON.stringify(docs));
  }
  return hash.digest('hex');
}

interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql(url: string, key: string | null, query: string, variables: Record<string, unknown>, operationName?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const payload = JSON.stringify({ query, variables, operationName });
  const res = await fetch(url, { method: 'POST', headers, body: payload, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  let body: GqlBody | null;
  try {
    body = JSON.parse(text) as GqlBody;
  } catch {
    body = null;
  }
  return { status: res.status, body, text };
}

function describeRequest(c: FuzzCase): string {
  let s: string;
  try {
    s = JSON.stringify({ key: c.key, query: c.query, variables: c.variables });
  } catch (err) {
    return `(not printable: ${err instanceof Error ? err.message : String(err)}) ${c.query.slice(0, 300)}`;
  }
  return s.length > 600 ? `${s.slice(0, 600)}… (${s.length} characters)` : s;
}

export async function runFuzz(target: FuzzTarget, generator: FuzzGenerator, count: number, onProgress?: (done: number) => void): Promise<FuzzSummary> {
  const summary: FuzzSummary = { total: 0, byStatus: {}, byCode: {}, byOperation: {}, failures: [] };
  // The data as the last mutation left it: queries write nothing, and nothing else writes the
  // data collections (the index sync and the audit log write their own), so it is also the
  // state before the next mutation.
  let known = await dataHash(target.connection);
  for (let i = 0; i < count; i++) {
    const c = generator.next(i);
    const fail = (reason: string) => summary.failures.push({ index: i, operation: c.operation, reason, request: describeRequest(c) });
    let r;
    try {
      r = await gql(target.url, target.keys[c.key], c.query, c.variables, c.operationName);
    } catch (err) {
      fail(`no response: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    summary.total++;
    summary.byStatus[r.status] = (summary.byStatus[r.status] ?? 0) + 1;
    const op = (summary.byOperation[c.operation] ??= { sent: 0, ok: 0, refused: 0 });
    op.sent++;
    if (r.status >= 500) fail(`HTTP ${r.status}: ${r.text.slice(0, 300)}`);
    if (!r.body) {
      fail(`not JSON (HTTP ${r.status}): ${r.text.slice(0, 200)}`);
      continue;
    }
    const codes = (r.body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
    for (const code of new Set(codes)) summary.byCode[code] = (summary.byCode[code] ?? 0) + 1;
    if (codes.length === 0) {
      summary.byCode.OK = (summary.byCode.OK ?? 0) + 1;
      op.ok++;
    } else {
      op.refused++;
    }
    if (codes.includes('INTERNAL_SERVER_ERROR')) fail(`INTERNAL_SERVER_ERROR: ${r.text.slice(0, 300)}`);
    if (codes.includes('NO_CODE')) fail(`an error without a code: ${r.text.slice(0, 300)}`);
    const result = r.body.data?.[c.operation];
    if (c.mutation) {
      const after = await dataHash(target.connection);
      const refused = codes.length > 0 && (result === null || result === undefined);
      if (refused && after !== known) fail(`a refused mutation (${codes.join(', ')}) changed the data`);
      known = after;
    }
    onProgress?.(i + 1);
  }
  return summary;
}

/** A small world through the API itself: the catalog, an employer, a posting, two candidates, keys. */
export async function buildFuzzWorld(url: string, adminKey: string): Promise<{ world: FuzzWorld; candidateKey: string }> {
  const admin = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const r = await gql(url, adminKey, query, variables);
    if (!r.body?.data || r.body.errors) throw new Error(`fuzz world setup failed: ${r.text}`);
    return r.body.data as T;
  };
  const codes = ['CMM', 'CPAM', 'NHA'];
  for (const code of codes) {
    await admin(`mutation($c: String!, $s: Boolean) { upsertQualification(input: {code: $c, name: $c, kind: CERTIFICATION, stateSpecific: $s}) { id } }`, {
      c: code,
      s: code === 'NHA',
    });
  }
  const e = await admin<{ createEmployer: { id: string } }>(`mutation { createEmployer(input: {name: "Fuzz Hospital", setting: HOSPITAL, state: "TX"}) { id } }`);
  const p = await admin<{ createJobPosting: { id: string } }>(
    `mutation($e: ID!) { createJobPosting(input: {employerId: $e, title: "Practice Manager", description: "Runs the practice.", state: "TX", requiredQualificationCodes: ["CMM"]}) { id } }`,
    { e: e.createEmployer.id },
  );
  const candidate = async (email: string) =>
    (
      await admin<{ createCandidate: { id: string } }>(
        `mutation($m: String!) { createCandidate(input: {name: "Fuzz Person", email: $m, state: "TX", qualifications: [{code: "CMM"}], experience: [{title: "Manager", startDate: "2015-01-01"}]}) { id } }`,
        { m: email },
      )
    ).createCandidate.id;
  const candidateId = await candidate('fuzz.self@example.org');
  const otherCandidateId = await candidate('fuzz.other@example.org');
  const issue = async (input: Record<string, unknown>) =>
    (await admin<{ issueApiKey: { key: string; apiKey: { id: string } } }>(`mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { key apiKey { id } } }`, { i: input }))
      .issueApiKey;
  const candidateKey = await issue({ role: 'CANDIDATE', label: 'Fuzz candidate', candidateId });
  // A key the fuzz may revoke without locking out the candidate key above.
  const spare = await issue({ role: 'JOB_BOARD', label: 'Fuzz spare' });
  return {
    world: {
      employerId: e.createEmployer.id,
      postingId: p.createJobPosting.id,
      candidateId,
      otherCandidateId,
      apiKeyId: spare.apiKey.id,
      qualificationCodes: codes,
    },
    candidateKey: candidateKey.key,
  };
}

export function formatSummary(s: FuzzSummary, operations: string[]): string {
  const lines = [`Fuzz: ${s.total} requests, ${s.failures.length} failures`];
  lines.push(`  HTTP status: ${Object.entries(s.byStatus).map(([k, v]) => `${k} x${v}`).join(', ')}`);
  lines.push(`  outcomes:    ${Object.entries(s.byCode).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} x${v}`).join(', ')}`);
  lines.push('  per operation (sent / ok / refused):');
  for (const name of [...operations, ...Object.keys(s.byOperation).filter((k) => k.startsWith('document:')).sort()]) {
    const o = s.byOperation[name] ?? { sent: 0, ok: 0, refused: 0 };
    lines.push(`    ${name.padEnd(28)} ${String(o.sent).padStart(6)} ${String(o.ok).padStart(6)} ${String(o.refused).padStart(6)}`);
  }
  for (const f of s.failures.slice(0, 20)) lines.push(`  FAIL #${f.index} ${f.operation}: ${f.reason}\n       ${f.request}`);
  if (s.failures.length > 20) lines.push(`  … and ${s.failures.length - 20} more failures`);
  return lines.join('\n');
}
