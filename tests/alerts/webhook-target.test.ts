// Webhook targets (SSRF rules), the signing secret and the retry schedule: pure checks.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPublicAddress, resolveWebhookTarget, webhookUrlProblem } from '../../src/alerts/webhook-target.js';
import { deriveWebhookSecret, signatureHeader } from '../../src/alerts/alert-secret.js';
import { nextAttemptAt } from '../../src/alerts/delivery-schedule.js';

describe('webhook targets', () => {
  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fc00::1', '::ffff:10.0.0.1', '224.0.0.1']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of ['8.8.8.8', '93.184.216.34', '2606:4700::1111']) expect(isPublicAddress(a), a).toBe(true);
  });

  it('checks URLs as written: http(s) only, and in production no local or private hosts', () => {
    expect(webhookUrlProblem('ftp://example.org/', true)).toMatch(/http/);
    expect(webhookUrlProblem('https://user:pw@example.org/', true)).toMatch(/credentials/);
    expect(webhookUrlProblem('http://127.0.0.1:9/x', true)).toBeNull();
    for (const u of ['http://127.0.0.1/x', 'http://localhost:8080/', 'http://[::1]/', 'http://10.0.0.5/', 'http://169.254.169.254/latest', 'http://db.internal/']) {
      expect(webhookUrlProblem(u, false), u).not.toBeNull();
    }
    expect(webhookUrlProblem('https://hooks.example.org/in', false)).toBeNull();
  });

  it('resolves at delivery time and refuses a name that points inside (DNS rebinding), pinning a checked address', async () => {
    const rebinding = async () => [{ address: '127.0.0.1', family: 4 }];
    await expect(resolveWebhookTarget('https://hooks.example.org/in', false, rebinding)).rejects.toThrow(/private/);
    const mixed = async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }];
    await expect(resolveWebhookTarget('https://hooks.example.org/in', false, mixed)).rejects.toThrow(/private/);
    const ok = await resolveWebhookTarget('https://hooks.example.org/in', false, async () => [{ address: '93.184.216.34', family: 4 }]);
    expect(ok).toMatchObject({ address: '93.184.216.34', family: 4 });
    expect(ok.url.hostname).toBe('hooks.example.org');
    // The real resolver: localhost is this machine.
    await expect(resolveWebhookTarget('http://localhost:9/x', false)).rejects.toThrow();
    expect((await resolveWebhookTarget('http://localhost:9/x', true)).address).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});

describe('signing', () => {
  it('derives a stable per-alert secret and signs "<t>.<body>"', () => {
    const s1 = deriveWebhookSecret('k'.repeat(32), 'alert-1', 'salt');
    expect(deriveWebhookSecret('k'.repeat(32), 'alert-1', 'salt')).toBe(s1);
    expect(deriveWebhookSecret('k'.repeat(32), 'alert-1', 'other')).not.toBe(s1);
    expect(deriveWebhookSecret('x'.repeat(32), 'alert-1', 'salt')).not.toBe(s1);
    const body = '{"id":"e1"}';
    const h = signatureHeader(s1, body, 1_700_000_000);
    expect(h).toBe(`t=1700000000,v1=${createHmac('sha256', s1).update(`1700000000.${body}`).digest('hex')}`);
  });
});

describe('retry schedule', () => {
  const s = { baseMs: 1_000, maxMs: 3_600_000, windowMs: 86_400_000 };
  const t0 = new Date('2026-12-01T00:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  it('starts at 1 s, doubles, caps at 1 h, and ends at 24 h', () => {
    expect(nextAttemptAt(t0, t0, 1, s)).toEqual(at(1_000));
    expect(nextAttemptAt(t0, at(1_000), 2, s)).toEqual(at(3_000));
    expect(nextAttemptAt(t0, at(3_000), 3, s)).toEqual(at(7_000));
    expect(nextAttemptAt(t0, at(10_000_000), 30, s)).toEqual(at(10_000_000 + 3_600_000));
    expect(nextAttemptAt(t0, at(86_000_000), 40, s)).toEqual(at(86_400_000));
    expect(nextAttemptAt(t0, at(86_400_000), 41, s)).toBeNull();
  });
});
