// Where a webhook may point. http(s) only, always. In production (allowPrivate false) no
// loopback, link-local, private, unique-local, CGNAT, multicast or unspecified address: checked
// on the URL at creation (literal addresses and "localhost") and again at every delivery on
// the addresses DNS gives then, and the request is sent to the address that was checked (the
// URL's host stays in the Host header and TLS SNI), so a name re-pointed between the check and
// the connection (DNS rebinding) cannot reach an internal service.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** ipaddr.js range names that are reachable from the public internet. */
const PUBLIC_RANGES = new Set(['unicast']);
export const MAX_WEBHOOK_URL_LENGTH = 2_000;

export interface ResolvedTarget {
  url: URL;
  /** The checked address the request goes to. */
  address: string;
  family: 4 | 6;
}

export class WebhookTargetError extends Error {}

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return PUBLIC_RANGES.has(parsed.range());
}

/** The URL without brackets around an IPv6 host. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Problem with the URL as written, or null. Does not resolve names (creation must not wait on DNS). */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) return `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must use http or https';
  if (url.username || url.password) return 'must not carry credentials';
  if (allowPrivate) return null;
  const host = hostOf(url).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
    return 'must not point at this machine or a private network';
  }
  if (isIP(host) !== 0 && !isPublicAddress(host)) return 'must not point at a loopback, link-local or private address';
  return null;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/** Resolves the URL's host now and checks every address; throws WebhookTargetError when refused. */
export async function resolveWebhookTarget(raw: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<ResolvedTarget> {
  const problem = webhookUrlProblem(raw, allowPrivate);
  if (problem) throw new WebhookTargetError(`webhook URL ${problem}`);
  const url = new URL(raw);
  const host = hostOf(url);
  const addresses = isIP(host) !== 0 ? [{ address: host, family: isIP(host) }] : await resolve(host);
  if (addresses.length === 0) throw new WebhookTargetError(`webhook host ${host} did not resolve`);
  // Every address must pass: a name with one public and one private address is refused.
  if (!allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) {
    throw new WebhookTargetError(`webhook host ${host} resolves to a loopback, link-local or private address`);
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
