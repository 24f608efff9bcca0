// Turns the Authorization header into a Principal. Keys are compared as SHA-256 digests
// with a constant-time comparison, so neither timing nor length leaks a key.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Types } from 'mongoose';
import { anonymous, BOOTSTRAP_ADMIN_KEY_ID, type Principal } from '../auth/principal.js';
import type { ApiKeyRepository } from './api-key.repository.js';

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

// Issued keys look like `hm_<24 hex: the key's id>_<43 base64url: 256 random bits>`. The id
// part makes the lookup one `_id` read; the digest of the whole key is what proves it.
const ISSUED_KEY = /^hm_([0-9a-f]{24})_[A-Za-z0-9_-]{43}$/;

export function formatIssuedKey(id: Types.ObjectId, secret: string): string {
  return `hm_${id.toHexString()}_${secret}`;
}

export class AuthService {
  private readonly adminDigest: Buffer;

  constructor(
    adminApiKey: string,
    private readonly apiKeys: ApiKeyRepository,
  ) {
    this.adminDigest = hashApiKey(adminApiKey);
  }

  async authenticate(authorizationHeader: string | undefined): Promise<Principal> {
    if (authorizationHeader === undefined || authorizationHeader === '') return anonymous;
    const token = bearerToken(authorizationHeader);
    if (!token) return { kind: 'anonymous', invalidKey: true };
    const digest = hashApiKey(token);
    if (timingSafeEqual(digest, this.adminDigest)) {
      return { kind: 'key', role: 'ADMIN', keyId: BOOTSTRAP_ADMIN_KEY_ID };
    }
    const match = ISSUED_KEY.exec(token);
    if (!match) return { kind: 'anonymous', invalidKey: true };
    // Read on every request (one point read) so a revocation takes effect at once on every
    // instance, with no cache to invalidate.
    const record = await this.apiKeys.findById(new Types.ObjectId(match[1]));
    if (!record || !timingSafeEqual(digest, Buffer.from(record.keyHash, 'hex'))) {
      return { kind: 'anonymous', invalidKey: true };
    }
    if (record.revokedAt) return { kind: 'anonymous', invalidKey: true, revokedKey: true };
    return {
      kind: 'key',
      role: record.role,
      keyId: record._id.toHexString(),
      employerId: record.employerId?.toHexString(),
      candidateId: record.candidateId?.toHexString(),
    };
  }
}
