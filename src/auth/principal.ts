// Who is calling. ADMIN is the bootstrap key from ADMIN_API_KEY or an issued admin key;
// JOB_BOARD, RECRUITER (bound to one employer) and CANDIDATE (bound to one candidate) hold
// keys issued through issueApiKey.
export type Role = 'ADMIN' | 'JOB_BOARD' | 'RECRUITER' | 'CANDIDATE';

export type Principal =
  /** invalidKey: a key was sent but is unknown or malformed; revokedKey: it was revoked. */
  | { kind: 'anonymous'; invalidKey: boolean; revokedKey?: boolean }
  | { kind: 'key'; role: Role; keyId: string; employerId?: string; candidateId?: string };

export const anonymous: Principal = { kind: 'anonymous', invalidKey: false };

export const BOOTSTRAP_ADMIN_KEY_ID = 'bootstrap-admin';

