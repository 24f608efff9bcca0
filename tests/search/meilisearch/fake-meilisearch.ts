// A stand-in HTTP server speaking the few Meilisearch endpoints the adapter uses, recording
// every request, so the adapter's requests, task checks and error mapping are testable without
// a Meilisearch binary. It does not evaluate filters: search answers are scripted per test.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  /** The query string, decoded ("" when none). */
  query?: string;
}

/** What a fresh Meilisearch index reports (the subset the adapter sets). */
const DEFAULT_SETTINGS: Record<string, unknown> = {
  searchableAttributes: ['*'],
  filterableAttributes: [],
  sortableAttributes: [],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  pagination: { maxTotalHits: 1000 },
  embedders: {},
};

export type SearchResponder = (indexUid: string, body: Record<string, unknown>) => Record<string, unknown>;

export class FakeMeilisearch {
  readonly requests: RecordedRequest[] = [];
  /** Task types that finish with status "failed" (e.g. "documentAdditionOrUpdate"). */
  failingTaskTypes = new Set<string>();
  /** The error code of those failed tasks: invalid_* is a permanent refusal, others transient. */
  failingTaskCode = 'invalid_document_fields';
  /** Respond to every request with HTTP 500 and a Meilisearch error body. */
  broken = false;
  /** Answer HTTP 400 (invalid_document_id) to a document addition that contains such a document. */
  rejectDocument: (doc: Record<string, unknown>) => boolean = () => false;
  /** Answer every search with HTTP 400 (invalid_search_filter), as for a malformed filter. */
  rejectSearch = false;
  search: SearchResponder = () => ({ hits: [], totalHits: 0, page: 1, hitsPerPage: 0, totalPages: 0 });
  /**
   * Tasks of the types this returns true for report "processing": the adapter's waitTask keeps
   * waiting, so a test can see what happens while the engine is busy. They finish once it
   * returns false again.
   */
  holdTask: (type: string) => boolean = () => false;
  /** Each index's settings as GET /settings reports them: what PATCHes set over server defaults. */
  readonly settings = new Map<string, Record<string, unknown>>();
  /** Stored documents per index uid, served by GET /indexes/:uid/documents (offset, limit, fields). */
  documents = new Map<string, Record<string, unknown>[]>();
  private readonly tasks = new Map<number, { type: string; indexUid: string }>();
  private server: Server | null = null;
  /** The base URL, once started. */
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(([status, payload]) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  bodiesTo(pathSuffix: string, method = 'POST'): Record<string, unknown>[] {
    return this.requests.filter((r) => r.method === method && r.path.endsWith(pathSuffix)).map((r) => r.body as Record<string, unknown>);
  }

  private enqueue(type: string, indexUid: string): [number, unknown] {
    const uid = this.tasks.size + 1;
    this.tasks.set(uid, { type, indexUid });
    return [202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() }];
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown]> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : null;
    const path = (req.url ?? '').split('?')[0];
    const method = req.method ?? 'GET';
    this.requests.push({ method, path, body, query: decodeURIComponent((req.url ?? '').split('?')[1] ?? '') });
    if (this.broken) return [500, { message: 'boom', code: 'internal', type: 'internal', link: '' }];
    if (path === '/health') return [200, { status: 'available' }];
    const task = /^\/tasks\/(\d+)$/.exec(path);
    if (task) {
      const t = this.tasks.get(Number(task[1]))!;
      if (this.holdTask(t.type)) {
        return [200, { uid: Number(task[1]), batchUid: 1, indexUid: t.indexUid, type: t.type, canceledBy: null, status: 'processing', error: null, enqueuedAt: new Date().toISOString() }];
      }
      const failed = this.failingTaskTypes.has(t.type);
      return [200, {
        uid: Number(task[1]), batchUid: 1, indexUid: t.indexUid, type: t.type, canceledBy: null,
        status: failed ? 'failed' : 'succeeded',
        error: failed ? { message: 'rejected', code: this.failingTaskCode, type: this.failingTaskCode.startsWith('invalid_') ? 'invalid_request' : 'internal', link: '' } : null,
        duration: 'PT0S', enqueuedAt: new Date().toISOString(), startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(),
      }];
    }
    if (path === '/multi-search' && method === 'POST') {
      const queries = (body as { queries: Record<string, unknown>[] }).queries;
      return [200, { results: queries.map((q) => ({ indexUid: q.indexUid, processingTimeMs: 0, query: q.q ?? '', ...this.search(String(q.indexUid), q) })) }];
    }
    if (path === '/indexes' && method === 'POST') return this.enqueue('indexCreation', String((body as { uid: string }).uid));
    const m = /^\/indexes\/([^/]+)\/(.+)$/.exec(path);
    if (!m) return [404, { message: 'not found', code: 'not_found', type: 'invalid_request', link: '' }];
    const [, uid, rest] = m;
    if (rest === 'settings' && method === 'GET') return [200, this.settings.get(uid) ?? DEFAULT_SETTINGS];
    if (rest === 'settings') {
      // Stored as the real server reports them: unordered attribute lists come back sorted.
      const merged: Record<string, unknown> = { ...(this.settings.get(uid) ?? DEFAULT_SETTINGS), ...(body as Record<string, unknown>) };
      for (const k of ['filterableAttributes', 'sortableAttributes']) if (Array.isArray(merged[k])) merged[k] = [...(merged[k] as string[])].sort();
      const embedders = Object.entries((merged.embedders ?? {}) as Record<string, unknown>).filter(([, v]) => v !== null);
      merged.embedders = Object.fromEntries(embedders.map(([k, v]) => [k, { ...(v as object), documentTemplateMaxBytes: 400 }]));
      this.settings.set(uid, merged);
      return this.enqueue('settingsUpdate', uid);
    }
    if (rest === 'documents' && method === 'POST') {
      if ((body as Record<string, unknown>[]).some((d) => this.rejectDocument(d))) {
        return [400, { message: 'Document identifier is invalid.', code: 'invalid_document_id', type: 'invalid_request', link: '' }];
      }
      return this.enqueue('documentAdditionOrUpdate', uid);
    }
    if (rest === 'documents' && method === 'GET') {
      const params = new URL(req.url ?? '', 'http://fake').searchParams;
      const offset = Number(params.get('offset') ?? 0);
      const limit = Number(params.get('limit') ?? 20);
      const fields = params.get('fields')?.split(',');
      const all = this.documents.get(uid) ?? [];
      const pick = (d: Record<string, unknown>) => (fields ? Object.fromEntries(fields.filter((f) => f in d).map((f) => [f, d[f]])) : d);
      return [200, { results: all.slice(offset, offset + limit).map(pick), offset, limit, total: all.length }];
    }
    if (rest === 'stats') return [200, { numberOfDocuments: (this.documents.get(uid) ?? []).length, rawDocumentDbSize: 0, avgDocumentSize: 0, isIndexing: false, numberOfEmbeddings: 0, numberOfEmbeddedDocuments: 0, fieldDistribution: {} }];
    if (rest === 'documents' && method === 'DELETE') return this.enqueue('documentDeletion', uid);
    if (rest === 'documents/delete-batch') return this.enqueue('documentDeletion', uid);
    if (rest === 'search' && this.rejectSearch) {
      return [400, { message: 'Attribute `nope` is not filterable.', code: 'invalid_search_filter', type: 'invalid_request', link: '' }];
    }
    if (rest === 'search') return [200, { processingTimeMs: 0, query: '', ...this.search(uid, body as Record<string, unknown>) }];
    return [404, { message: 'not found', code: 'not_found', type: 'invalid_request', link: '' }];
  }
}
