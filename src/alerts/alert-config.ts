// The alerts part of the configuration (read only through src/config.ts, the one reader of
// process.env): its variables, the production rules on them, and the AlertsConfig they give.
import { z } from 'zod';

/** Outside production only: webhook secrets derived from it are as public as this file. */
const DEV_ALERT_SECRET_KEY = 'dev-alert-secret-key-never-use-in-production';
const positiveInt = z.coerce.number().int().positive();
const boolFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

// README "Alerts": the server key webhook secrets are derived from, the webhook retry schedule
// (1 s doubling, at most 1 h apart, for 24 h), the answer timeout, how often the delivery queue
// is polled, where detection runs, and the WebSocket connections one key may hold.
export const alertEnv = {
  ALERT_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  ALERT_RETRY_BASE_MS: positiveInt.default(1_000),
  ALERT_RETRY_MAX_MS: positiveInt.default(3_600_000),
  ALERT_RETRY_WINDOW_MS: positiveInt.default(86_400_000),
  ALERT_WEBHOOK_TIMEOUT_MS: positiveInt.default(10_000),
  ALERT_DELIVERY_POLL_MS: positiveInt.default(1_000),
  ALERT_MAX_FAILED_DELIVERIES: positiveInt.default(20),
  ALERT_MAX_PER_KEY: positiveInt.default(1_000),
  // Detection in a thread of its own (default; tests build many apps: in-thread unless they ask).
  ALERT_DETECTION_THREAD: boolFlag.optional(),
  // The thread's pass takes every change handed over within this window (README "Alerts").
  ALERT_DETECTION_BATCH_MS: z.coerce.number().int().min(0).max(4_000).default(2_000),
  // Test-only: holds every alert detection pass this long (crash tests); refused in production.
  ALERT_TEST_DETECTION_DELAY_MS: z.coerce.number().int().min(0).default(0),
  WS_MAX_CONNECTIONS_PER_KEY: positiveInt.default(5),
};

type AlertEnv = z.infer<z.ZodObject<typeof alertEnv>> & { NODE_ENV: 'development' | 'production' | 'test' };

export interface AlertsConfig {
  /** Webhook secrets are HMAC-derived from it (src/alerts/alert-secret.ts). */
  secretKey: string;
  retry: { baseMs: number; maxMs: number; windowMs: number };
  webhookTimeoutMs: number;
  deliveryPollMs: number;
  maxFailedDeliveries: number;
  maxPerKey: number;
  wsMaxConnectionsPerKey: number;
  /** Outside production webhooks may target this machine and private networks (tests, development). */
  allowPrivateTargets: boolean;
  /** Detection, its MongoDB work and webhook sending in their own thread (detection-thread/). */
  detectionThread: boolean;
  /** The detection thread gathers changes this long per pass: fewer, larger database round trips beside the requests. */
  detectionBatchMs: number;
  /** Test-only, 0 (inert) by default: each detection pass waits this long first (tests/alerts/detection-crash.test.ts). */
  testDetectionDelayMs: number;
}

/** Rules across variables, on the raw values (reported even when another variable is bad). */
export function alertConfigProblems(raw: Record<string, string | undefined>, production: boolean): string[] {
  const problems: string[] = [];
  if (production && !raw.ALERT_SECRET_KEY) problems.push('ALERT_SECRET_KEY: required when NODE_ENV=production (webhook signing secrets are derived from it)');
  if (production && Number(raw.ALERT_TEST_DETECTION_DELAY_MS ?? 0) > 0) {
    problems.push('ALERT_TEST_DETECTION_DELAY_MS: a test-only hook that delays alert detection; not allowed when NODE_ENV=production');
  }
  return problems;
}

export function alertsConfig(e: AlertEnv): AlertsConfig {
  return {
    secretKey: e.ALERT_SECRET_KEY ?? DEV_ALERT_SECRET_KEY,
    retry: { baseMs: e.ALERT_RETRY_BASE_MS, maxMs: e.ALERT_RETRY_MAX_MS, windowMs: e.ALERT_RETRY_WINDOW_MS },
    webhookTimeoutMs: e.ALERT_WEBHOOK_TIMEOUT_MS,
    deliveryPollMs: e.ALERT_DELIVERY_POLL_MS,
    maxFailedDeliveries: e.ALERT_MAX_FAILED_DELIVERIES,
    maxPerKey: e.ALERT_MAX_PER_KEY,
    wsMaxConnectionsPerKey: e.WS_MAX_CONNECTIONS_PER_KEY,
    allowPrivateTargets: e.NODE_ENV !== 'production',
    detectionThread: e.ALERT_DETECTION_THREAD ?? e.NODE_ENV !== 'test',
    detectionBatchMs: e.ALERT_DETECTION_BATCH_MS,
    testDetectionDelayMs: e.ALERT_TEST_DETECTION_DELAY_MS,
  };
}
