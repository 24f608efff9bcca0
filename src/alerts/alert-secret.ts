// Webhook signing secrets. HMAC-SHA256 needs the secret itself at every delivery, so it cannot
// be stored as a one-way hash. We derive it instead of storing it encrypted:
//   secret = "whsec_" + base64url(HMAC-SHA256(ALERT_SECRET_KEY, "alert-webhook-secret:" + alertId + ":" + salt))
// with a random per-alert salt kept in the alert document. Why derivation over encryption:
// nothing secret is in the database at all (a dump or backup alone yields no secret), there is
// no ciphertext, IV or auth tag to manage, and a deployment's one key is the only thing to
// protect. The cost: rotating ALERT_SECRET_KEY changes every alert's secret (owners re-create
// their alerts), which is also what one wants after a key leak. The secret is returned once by
// createAlert and is never logged (log lines name alert ids only).
import { createHmac, randomBytes } from 'node:crypto';

export function newSecretSalt(): string {
  return randomBytes(16).toString('hex');
}

export function deriveWebhookSecret(serverKey: string, alertId: string, salt: string): string {
  return `whsec_${createHmac('sha256', serverKey).update(`alert-webhook-secret:${alertId}:${salt}`).digest('base64url')}`;
}

/** The X-Healthmatch-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}
