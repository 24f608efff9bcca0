// One log line per request (request id, operation, role, duration, outcome; nothing personal)
// and x-request-id in and out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger, type CapturedLine } from '../../helpers/capture-logger.js';
import { ADMIN_KEY, startTestApp, type TestApp } from '../../helpers/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function post(t: TestApp, body: object, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

function requestLines(lines: CapturedLine[], requestId: string): CapturedLine[] {
  return lines.filter((l) => l.msg === 'request' && l.requestId === requestId);
}

describe.each(['info', 'debug'] as const)('request log at LOG_LEVEL=%s', (level) => {
  let t: TestApp;
  const { logger, lines } = captureLogger(level);
  beforeAll(async () => {
    t = await startTestApp({ logger });
  });
  afterAll(async () => t?.close());

  it('logs one line per GraphQL request with id, operation, role, status, outcome and duration', async () => {
    const res = await post(
      t,
      { query: 'query FindCodes($kind: QualificationKind) { qualifications(kind: $kind) { code } }', variables: { kind: 'CERTIFICATION' } },
      { authorization: `Bearer ${ADMIN_KEY}`, 'x-request-id': 'trace-abc.123_X' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('trace-abc.123_X');
    const [line, ...more] = requestLines(lines, 'trace-abc.123_X');
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 'info', method: 'POST', path: '/graphql', operation: 'FindCodes', role: 'ADMIN', status: 200, outcome: 'ok' });
    expect(typeof line.durationMs).toBe('number');
    // Variables' values are never logged; their names only at debug.
    expect(JSON.stringify(line)).not.toContain('CERTIFICATION');
    if (level === 'debug') {
      expect(line).toMatchObject({ variableNames: ['kind'], operationType: 'query', keyId: 'bootstrap-admin' });
      // The GraphQL stages in the order they happen, all within the request's duration.
      const stages = line.stagesMs as unknown as Record<string, number>;
      expect(Object.keys(stages)).toEqual(['graphqlStart', 'validated', 'executionStart', 'executionEnd', 'responseReady']);
      const at = Object.values(stages);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(at.at(-1)).toBeLessThanOrEqual(line.durationMs as number);
    } else expect(line.variableNames).toBeUndefined();
  });

  it('the outcome is the error code, and anonymous callers are ANONYMOUS', async () => {
    const res = await post(t, { query: 'query Secret { candidate(id: "0123456789abcdef01234567") { email } }' }, { 'x-request-id': 'anon-1' });
    expect(res.headers.get('x-request-id')).toBe('anon-1');
    expect(requestLines(lines, 'anon-1')).toEqual([expect.objectContaining({ operation: 'Secret', role: 'ANONYMOUS', outcome: 'UNAUTHENTICATED' })]);

    await post(t, { query: '{ nope }' }, { 'x-request-id': 'invalid-1' });
    expect(requestLines(lines, 'invalid-1')).toEqual([expect.objectContaining({ operation: 'unknown', status: 400, outcome: 'GRAPHQL_VALIDATION_FAILED' })]);
  });

  it.each([
    ['too long', 'x'.repeat(129)],
    ['with spaces', 'a b'],
    ['with a newline injection', 'ok\n{"level":"error"}'.replace('\n', '%0A')],
  ])('replaces a request id %s with a generated one', async (_what, given) => {
    const res = await post(t, { query: '{ __typename }' }, { 'x-request-id': given });
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(UUID);
    expect(requestLines(lines, id)).toHaveLength(1);
  });

  it('generates a fresh id per request when none is sent', async () => {
    const a = (await post(t, { query: '{ __typename }' })).headers.get('x-request-id');
    const b = (await post(t, { query: '{ __typename }' })).headers.get('x-request-id');
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it('health checks carry an id too, but log at debug only', async () => {
    const res = await fetch(t.url.replace(/graphql$/, 'health'), { headers: { 'x-request-id': 'health-1' } });
    expect(res.headers.get('x-request-id')).toBe('health-1');
    const logged = requestLines(lines, 'health-1');
    if (level === 'debug') expect(logged).toEqual([expect.objectContaining({ level: 'debug', path: '/health', status: res.status })]);
    else expect(logged).toEqual([]);
  });
});
