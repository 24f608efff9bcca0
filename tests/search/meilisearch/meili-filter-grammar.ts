// A test-side parser of Meilisearch's documented filter grammar (docs "Filter expression
// reference"; quoting and escaping as in meilisearch's filter-parser crate: inside "..." a
// backslash escapes the next character). The filter tests parse what the adapter sends and
// assert on the tree, so an injected quote shows up as a changed tree, not a passing string.
export type FilterNode =
  | { op: 'AND' | 'OR'; items: FilterNode[] }
  | { op: 'NOT'; item: FilterNode }
  | { op: 'CMP'; attr: string; cmp: string; value: string }
  | { op: 'IN' | 'NOT IN'; attr: string; values: string[] }
  | { op: 'IS'; attr: string; what: string }
  | { op: 'GEO'; fn: string; args: number[] };

type Token = { kind: 'word' | 'string' | 'sym'; text: string };

function lex(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) i++;
    else if (c === '"' || c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new SyntaxError('unterminated string');
        const d = input[i];
        if (d === '\\') {
          if (i + 1 >= input.length) throw new SyntaxError('dangling escape');
          text += input[i + 1];
          i += 2;
        } else if (d === c) {
          i++;
          break;
        } else {
          text += d;
          i++;
        }
      }
      out.push({ kind: 'string', text });
    } else if ('()[],'.includes(c)) {
      out.push({ kind: 'sym', text: c });
      i++;
    } else if ('=!<>'.includes(c)) {
      const two = input.slice(i, i + 2);
      const text = ['!=', '>=', '<='].includes(two) ? two : c;
      out.push({ kind: 'sym', text });
      i += text.length;
    } else {
      const m = /^[\p{L}\p{N}_.-]+/u.exec(input.slice(i));
      if (!m) throw new SyntaxError(`unexpected ${JSON.stringify(c)} at ${i}`);
      out.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'EMPTY', 'NULL', 'EXISTS', 'TO']);

export function parseFilter(input: string): FilterNode {
  const t = lex(input);
  let p = 0;
  const peek = (): Token | undefined => t[p];
  const isWord = (w: string): boolean => peek()?.kind === 'word' && peek()!.text === w;
  const expect = (text: string): void => {
    if (peek()?.text !== text) throw new SyntaxError(`expected ${text} at token ${p}`);
    p++;
  };
  const value = (): string => {
    const tok = peek();
    if (!tok || tok.kind === 'sym' || (tok.kind === 'word' && KEYWORDS.has(tok.text))) throw new SyntaxError(`expected value at token ${p}`);
    p++;
    return tok.text;
  };
  const list = (): string[] => {
    expect('[');
    const values = [value()];
    while (peek()?.text === ',') {
      p++;
      values.push(value());
    }
    expect(']');
    return values;
  };
  const condition = (): FilterNode => {
    // _geoRadius(lat, lng, distance_in_meters) / _geoBoundingBox(...): numbers only (docs "Filter
    // expression reference", geo filters).
    if (peek()?.kind === 'word' && /^_geo(Radius|BoundingBox)$/.test(peek()!.text) && t[p + 1]?.text === '(') {
      const fn = peek()!.text;
      p += 2;
      const args = [Number(value())];
      while (peek()?.text === ',') {
        p++;
        args.push(Number(value()));
      }
      expect(')');
      if (args.some((a) => !Number.isFinite(a))) throw new SyntaxError(`${fn} takes numbers`);
      if (fn === '_geoRadius' && args.length !== 3) throw new SyntaxError('_geoRadius takes lat, lng, metres');
      return { op: 'GEO', fn, args };
    }
    const attr = value();
    if (isWord('IN')) {
      p++;
      return { op: 'IN', attr, values: list() };
    }
    if (isWord('NOT')) {
      p++;
      expect('IN');
      return { op: 'NOT IN', attr, values: list() };
    }
    if (isWord('IS')) {
      p++;
      let what = '';
      if (isWord('NOT')) {
        p++;
        what = 'NOT ';
      }
      if (!isWord('NULL') && !isWord('EMPTY')) throw new SyntaxError(`expected NULL or EMPTY at token ${p}`);
      what += peek()!.text;
      p++;
      return { op: 'IS', attr, what };
    }
    const cmp = peek();
    if (!cmp || cmp.kind !== 'sym' || !['=', '!=', '>=', '<=', '>', '<'].includes(cmp.text)) throw new SyntaxError(`expected operator at token ${p}`);
    p++;
    return { op: 'CMP', attr, cmp: cmp.text, value: value() };
  };
  const primary = (): FilterNode => {
    if (isWord('NOT')) {
      p++;
      return { op: 'NOT', item: primary() };
    }
    if (peek()?.text === '(') {
      p++;
      const inner = or();
      expect(')');
      return inner;
    }
    return condition();
  };
  const and = (): FilterNode => {
    const items = [primary()];
    while (isWord('AND')) {
      p++;
      items.push(primary());
    }
    return items.length === 1 ? items[0] : { op: 'AND', items };
  };
  const or = (): FilterNode => {
    const items = [and()];
    while (isWord('OR')) {
      p++;
      items.push(and());
    }
    return items.length === 1 ? items[0] : { op: 'OR', items };
  };
  const tree = or();
  if (p !== t.length) throw new SyntaxError(`trailing input at token ${p}`);
  return tree;
}

/** Every condition in the tree, flattened (for "contains exactly these conditions" checks). */
export function conditions(node: FilterNode): FilterNode[] {
  if (node.op === 'AND' || node.op === 'OR') return node.items.flatMap(conditions);
  if (node.op === 'NOT') return conditions(node.item);
  return [node];
}

/**
 * Evaluates a parsed filter against one document with Meilisearch's documented semantics:
 * `attr IN [...]` holds when the value (or any element of an array) is listed; `NOT IN` is
 * its negation; comparisons on a missing or null attribute are false (so `NOT` of them is
 * true); dotted names reach into nested objects (`qualificationExpiry.CMM`).
 */
export function evaluateFilter(node: FilterNode, doc: Record<string, unknown>): boolean {
  const valueOf = (attr: string): unknown =>
    attr.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);
  const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
  const same = (v: unknown, literal: string): boolean =>
    typeof v === 'number' ? v === Number(literal) : typeof v === 'boolean' ? String(v) === literal : v === literal;
  switch (node.op) {
    case 'AND':
      return node.items.every((n) => evaluateFilter(n, doc));
    case 'OR':
      return node.items.some((n) => evaluateFilter(n, doc));
    case 'NOT':
      return !evaluateFilter(node.item, doc);
    case 'IN':
      return asList(valueOf(node.attr)).some((v) => node.values.some((l) => same(v, l)));
    case 'NOT IN':
      return !asList(valueOf(node.attr)).some((v) => node.values.some((l) => same(v, l)));
    case 'IS': {
      // IS NULL holds for an explicit null only (docs: a missing attribute is not NULL).
      const v = valueOf(node.attr);
      if (node.what === 'NULL') return v === null;
      if (node.what === 'NOT NULL') return v !== null && v !== undefined;
      throw new Error(`IS ${node.what} is not used by the adapter`);
    }
    case 'GEO': {
      // _geoRadius(lat, lng, metres) over the document's `_geo` {lat, lng}; no _geo: false.
      if (node.fn !== '_geoRadius') throw new Error(`${node.fn} is not used by the adapter`);
      const g = doc._geo as { lat: number; lng: number } | undefined;
      if (!g) return false;
      const [lat, lng, metres] = node.args;
      const r = Math.PI / 180;
      const h = Math.sin(((g.lat - lat) * r) / 2) ** 2 + Math.cos(lat * r) * Math.cos(g.lat * r) * Math.sin(((g.lng - lng) * r) / 2) ** 2;
      return 2 * 6_371_000 * Math.asin(Math.sqrt(h)) <= metres;
    }
    case 'CMP': {
      const values = asList(valueOf(node.attr));
      if (node.cmp === '=') return values.some((v) => same(v, node.value));
      if (node.cmp === '!=') return !values.some((v) => same(v, node.value));
      const limit = Number(node.value);
      return values.some((v) => {
        if (typeof v !== 'number') return false;
        switch (node.cmp) {
          case '>=': return v >= limit;
          case '<=': return v <= limit;
          case '>': return v > limit;
          case '<': return v < limit;
          default: throw new Error(`unknown comparison ${node.cmp}`);
        }
      });
    }
  }
}
