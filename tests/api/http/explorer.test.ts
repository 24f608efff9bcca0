// The development query explorer works offline: GET /graphql from a browser serves GraphiQL
// whose every asset comes from this service, with one example tab per kind of user and the
// development key prefilled; production has no explorer. A headless Chromium (Debian's
// package, driven by playwright-core) runs an example with every other host blocked; without
// Chromium that test is reported as skipped.
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const schema = buildSchema(readFileSync(path.resolve(import.meta.dirname, '../../../schema/schema.graphql'), 'utf8'));

const browserGet = (url: string) => fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });

interface Settings {
  endpoint: string;
  headers: string;
  tabs: { query: string; variables?: string }[];
}

function settingsOf(html: string): Settings {
  const m = /<script id="explorer-settings" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]) as Settings;
}

describe('query explorer in development', () => {
  let t: TestApp;
  let html: string;
  let page: Response;
  beforeAll(async () => {
    // No ADMIN_API_KEY: the development key, which the explorer prefills.
    t = await startTestApp({ env: { NODE_ENV: 'development', ADMIN_API_KEY: '' } });
    page = await browserGet(t.url);
    html = await page.text();
  });
  afterAll(async () => t?.close());

  it('serves GraphiQL at GET /graphql to a browser', () => {
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<div id="explorer">');
  });

  it('every script and stylesheet the page references is served by the service itself', async () => {
    const refs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) {
      const url = new URL(ref, t.url);
      expect(url.origin, ref).toBe(new URL(t.url).origin);
      const res = await fetch(url);
      expect(res.status, ref).toBe(200);
      const body = await res.text();
      expect(body.length, ref).toBeGreaterThan(1000);
      expect(res.headers.get('content-type'), ref).toMatch(ref.endsWith('.css') ? /text\/css/ : /javascript/);
    }
  });

  it('names no other host, and its Content-Security-Policy allows none', () => {
    expect(html).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+/i);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('preloads one valid example per kind of user and the development key', () => {
    const settings = settingsOf(html);
    expect(settings.endpoint).toBe('graphql');
    expect(JSON.parse(settings.headers)).toEqual({ Authorization: 'Bearer dev-admin-key' });
    const names = settings.tabs.map((tab) => /query (\w+)/.exec(tab.query)?.[1]);
    expect(names).toEqual(['SearchPostings', 'CandidatesForPosting', 'MatchesForCandidate']);
    for (const tab of settings.tabs) expect(validate(schema, parse(tab.query)), tab.query).toEqual([]);
  });

  it('a GraphQL client GET is still answered by Apollo, not the explorer', async () => {
    const res = await fetch(`${t.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    const curl = await fetch(t.url, { headers: { accept: '*/*' } });
    expect(curl.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it.skipIf(!CHROMIUM)('runs an example in headless Chromium with every other host blocked', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const origin = new URL(t.url).origin;
    const foreign: string[] = [];
    const problems: string[] = [];
    try {
      const context = await browser.newContext();
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
        foreign.push(url);
        return route.abort('internetdisconnected');
      });
      const tab = await context.newPage();
      tab.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      tab.on('pageerror', (e) => problems.push(e.message));
      await tab.goto(t.url, { waitUntil: 'load' });
      await tab.locator('.graphiql-container').waitFor({ timeout: 20_000 });
      await tab.getByText('query SearchPostings').first().waitFor({ timeout: 20_000 });
      expect(await tab.locator('.graphiql-tab').count()).toBe(3);
      await tab.locator('.graphiql-execute-button').click();
      await tab.locator('.result-window').getByText('totalCount').waitFor({ timeout: 20_000 });
      expect(await tab.locator('.result-window').innerText()).toContain('"searchPostings"');
      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);
});

describe('query explorer in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => t?.close());

  it('is not served: no page, no assets', async () => {
    const res = await browserGet(t.url);
    expect(res.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await res.text()).not.toContain('explorer');
    expect((await fetch(new URL('explorer/explorer.js', t.url))).status).toBe(404);
  });
});
