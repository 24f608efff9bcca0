// Qualification codes named in free text (a JSON-LD `qualifications` or `description`):
// catalog codes ("CMM") and names ("Certified Medical Manager"), each required only when the
// text says so next to it, else preferred. Never a guess into a hard requirement: codes joined
// by "or" are alternatives, which a posting cannot require, so they become preferred. Pure;
// linear in the text times the catalog size (both bounded: 20,000 characters, a small catalog).

export interface CatalogName {
  code: string;
  name: string;
}

export interface Mentions {
  required: string[];
  preferred: string[];
  /** True when the text holds nothing beyond the mentions and the words around them. */
  fullyUnderstood: boolean;
}

const REQUIRED = /\b(required|requires|require|must|mandatory|needed|necessary)\b/gi;
const PREFERRED = /\b(not required|preferred|prefer|a plus|nice to have|desired|desirable|bonus|ideally|optional)\b/gi;
/** What may stand around mentions in a text that is "only" a list of qualifications. */
const FILLER = /\b(and|or|the|a|an|of|in|with|one|either|both|current|active|valid|certification|certifications|certified|certificate|credential|credentials|licen[cs]e|licen[cs]es|licensed|held|holding|hold|have|has|is|are|be|to)\b/gi;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Hit {
  code: string;
  start: number;
  end: number;
}

function findHits(sentence: string, catalog: readonly CatalogName[]): Hit[] {
  const hits: Hit[] = [];
  for (const { code, name } of catalog) {
    // Short codes ("RN") only in capitals, so ordinary words are not read as codes.
    const codeRe = new RegExp(`(?<![A-Za-z0-9-])${escape(code)}(?![A-Za-z0-9-])`, code.length >= 3 ? 'gi' : 'g');
    for (const m of sentence.matchAll(codeRe)) hits.push({ code, start: m.index, end: m.index + m[0].length });
    if (name.trim().length >= 4) {
      const nameRe = new RegExp(`(?<![A-Za-z0-9])${escape(name.trim())}(?![A-Za-z0-9])`, 'gi');
      for (const m of sentence.matchAll(nameRe)) hits.push({ code, start: m.index, end: m.index + m[0].length });
    }
  }
  // Overlaps (a code inside a name match): the longer match wins.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter((h, i) => !hits.slice(0, i).some((o) => o.start <= h.start && o.end >= h.end));
}

function keywordsIn(text: string): { at: number; required: boolean }[] {
  const found: { at: number; end: number; required: boolean }[] = [];
  for (const m of text.matchAll(PREFERRED)) found.push({ at: m.index, end: m.index + m[0].length, required: false });
  for (const m of text.matchAll(REQUIRED)) {
    // "not required" was taken as preferred already.
    if (!found.some((f) => f.at <= m.index && f.end >= m.index + m[0].length)) found.push({ at: m.index, end: m.index + m[0].length, required: true });
  }
  return found.sort((a, b) => a.at - b.at);
}

export function findQualificationMentions(text: string, catalog: readonly CatalogName[]): Mentions {
  const required = new Set<string>();
  const preferred = new Set<string>();
  let leftover = '';
  // Sentences (and lines, and list items) are the scope a "required" applies to.
  for (const sentence of text.split(/(?<=[.;!?])\s+|\n+/)) {
    const hits = findHits(sentence, catalog);
    const keywords = keywordsIn(sentence);
    hits.forEach((h, i) => {
      const nextStart = hits[i + 1]?.start ?? sentence.length;
      const between = sentence.slice(h.end, nextStart);
      const before = i > 0 ? sentence.slice(hits[i - 1].end, h.start) : '';
      const alternative = /^\W*or\b/i.test(between) && i + 1 < hits.length || /\bor\W*$/i.test(before);
      // A keyword right after the mention binds to it; else the nearest one before it.
      const after = keywords.find((k) => k.at >= h.end && k.at < nextStart);
      const prior = [...keywords].reverse().find((k) => k.at < h.start);
      const isRequired = !alternative && (after ? after.required : prior ? prior.required : false);
      (isRequired ? required : preferred).add(h.code);
    });
    let rest = sentence;
    for (const h of [...hits].reverse()) rest = rest.slice(0, h.start) + ' ' + rest.slice(h.end);
    leftover += rest.replace(REQUIRED, ' ').replace(PREFERRED, ' ').replace(FILLER, ' ');
  }
  for (const code of required) preferred.delete(code);
  return { required: [...required], preferred: [...preferred], fullyUnderstood: !/[A-Za-z0-9]/.test(leftover) };
}
