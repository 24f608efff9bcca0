// One webhook POST, sent to the address webhook-target.ts checked (the URL's host goes in the
// Host header and as TLS SNI, so certificates are still verified against the name). Any
// answer is read and discarded; no answer within the timeout is a failed attempt.
import http from 'node:http';
import https from 'node:https';
import type { ResolvedTarget } from './webhook-target.js';

export type SendResult = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

export type WebhookSend = (target: ResolvedTarget, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<SendResult>;

export const sendWebhook: WebhookSend = (target, body, headers, timeoutMs) =>
  new Promise((resolve) => {
    const { url } = target;
    const secure = url.protocol === 'https:';
    const options: https.RequestOptions = {
      method: 'POST',
      host: target.address,
      family: target.family,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, host: url.host, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      // No keep-alive pool shared across targets: each attempt is its own connection.
      agent: false,
      ...(secure ? { servername: url.hostname.replace(/^\[(.*)\]$/, '$1') } : {}),
    };
    let settled = false;
    const done = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = (secure ? https : http).request(options, (res) => {
      res.resume();
      const code = res.statusCode ?? 0;
      res.on('end', () => done(code >= 200 && code < 300 ? { ok: true, statusCode: code } : { ok: false, statusCode: code, error: `HTTP ${code}` }));
      res.on('error', () => done({ ok: false, statusCode: code, error: 'response interrupted' }));
    });
    const timer = setTimeout(() => {
      done({ ok: false, statusCode: null, error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (err) => done({ ok: false, statusCode: null, error: err.message }));
    req.end(body);
  });
