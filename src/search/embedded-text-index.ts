// Full-text relevance for searchPostings via @orama/orama (BM25 over title, description,
// employer name and skills). Orama only answers "which documents match these words, how well";
// filters and ordering are applied by the posting store so both operations share one filter
// implementation (posting-filter.ts).
import { create, insertMultiple, removeMultiple, search, type AnyOrama } from '@orama/orama';
import type { PostingSearchDocument } from './search-engine.js';

const schema = {
  title: 'string',
  description: 'string',
  employerName: 'string',
  skills: 'string[]',
} as const;

interface TextDoc {
  id: string;
  title: string;
  description: string;
  employerName: string;
  skills: string[];
}

export class PostingTextIndex {
  private db: AnyOrama = create({ schema });
  private readonly present = new Set<string>();

  async upsert(docs: readonly PostingSearchDocument[]): Promise<void> {
    await this.remove(docs.map((d) => d.id));
    const rows: TextDoc[] = docs.map((d) => ({
      id: d.id,
      title: d.title,
      description: d.description,
      employerName: d.employerName,
      skills: d.skills,
    }));
    if (rows.length === 0) return;
    await insertMultiple(this.db, rows, 1000);
    for (const r of rows) this.present.add(r.id);
  }

  async remove(ids: readonly string[]): Promise<void> {
    const existing = ids.filter((id) => this.present.has(id));
    if (existing.length === 0) return;
    await removeMultiple(this.db, existing, 1000);
    for (const id of existing) this.present.delete(id);
  }

  /** Every matching document id with its relevance (higher is better). */
  async search(text: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (this.present.size === 0) return out;
    const res = await search(this.db, { term: text, limit: this.present.size });
    for (const hit of res.hits) out.set(String(hit.id), hit.score);
    return out;
  }

  clear(): void {
    this.db = create({ schema });
    this.present.clear();
  }
}
