// Turns the Authorization header into a Principal. Keys are compared as SHA-256 digests
// with a constant-time comparison, so neither timing nor length leaks the admin key.
import { createHash, timingSafeEqual } from 'node:crypto';
import { anonymous, type Principal } from './principal.js';

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

export class AuthService {
  private readonly adminDigest: Buffer;

  constructor(adminApiKey: string) {
    this.adminDigest = hashApiKey(adminApiKey);
  }

  async authenticate(authorizationHeader: string | undefined): Promise<Principal> {
    if (authorizationHeader === undefined || authorizationHeader === '') return anonymous;
    const token = bearerToken(authorizationHeader);
    if (!token) return { kind: 'anonymous', invalidKey: true };
    if (timingSafeEqual(hashApiKey(token), this.adminDigest)) {
      return { kind: 'key', role: 'ADMIN', keyId: 'bootstrap-admin' };
    }
    return { kind: 'anonymous', invalidKey: true };
  }
}
