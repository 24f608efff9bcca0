// Who is calling. Issue-4 roles (JOB_BOARD, RECRUITER, CANDIDATE) extend this; ADMIN is the
// bootstrap key from ADMIN_API_KEY.
export type Role = 'ADMIN' | 'JOB_BOARD' | 'RECRUITER' | 'CANDIDATE';

export type Principal =
  | { kind: 'anonymous'; invalidKey: boolean }
  | { kind: 'key'; role: Role; keyId: string; employerId?: string; candidateId?: string };

export const anonymous: Principal = { kind: 'anonymous', invalidKey: false };

export function describePrincipal(p: Principal): string {
  return p.kind === 'anonymous' ? 'anonymous' : `${p.role}:${p.keyId}`;
}
