// TRUST_PROXY's grammar, apart from the config schema that reads it (src/config.ts).
import { isIP } from 'node:net';

/** Names Express's `trust proxy` accepts besides addresses. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Express's `trust proxy` takes it: a hop count (trust that many proxies in front
 * of the server), or a list of trusted proxy addresses/CIDR ranges. `true` (trust every hop: a
 * client can then choose its own IP) and `false` stay accepted for compatibility.
 */
export function parseTrustProxy(value: string): TrustProxy | null {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d{1,3}$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim());
  const valid = entries.every((e) => {
    if (PROXY_NAMES.has(e)) return true;
    const [addr, prefix, ...rest] = e.split('/');
    const family = isIP(addr);
    if (family === 0 || rest.length > 0) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  });
  return valid && entries.length > 0 ? entries : null;
}

export type TrustProxy = boolean | number | string[];
