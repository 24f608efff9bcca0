// Messages between the pooled engine (main thread) and an engine worker. Everything here must
// survive the structured clone: plain data, Maps, typed arrays; errors travel as plain fields
// and are rebuilt as SearchUnavailableError on the main thread.
import type { MessagePort } from 'node:worker_threads';

/** Worker-only operations used to copy one replica's state into a fresh worker. */
export const EXPORT_TO = '__exportTo';
export const IMPORT_FROM = '__importFrom';

export interface EngineRequest {
  id: number;
  method: string;
  args: unknown[];
  /** For EXPORT_TO / IMPORT_FROM: one end of the channel between the two workers. */
  port?: MessagePort;
}

export interface WireError {
  name: string;
  message: string;
  /** Set when the worker's engine threw SearchUnavailableError. */
  operation?: string;
  /** Set when it threw SearchRejectedError (a permanent refusal). */
  rejectedDetail?: string;
  causeMessage?: string;
}

export type EngineResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

export function toWireError(err: unknown): WireError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const wire: WireError = { name: err.name, message: err.message };
  const operation = (err as { operation?: unknown }).operation;
  if (typeof operation === 'string') wire.operation = operation;
  const detail = (err as { detail?: unknown }).detail;
  if (err.name === 'SearchRejectedError' && typeof detail === 'string') wire.rejectedDetail = detail;
  if (err.cause instanceof Error) wire.causeMessage = err.cause.message;
  return wire;
}
