// A typed GraphQL client in a few lines: the operations below are compiled by GraphQL Code
// Generator (codegen.ts) into typed documents, so `result.searchPostings.edges[0].node.title`
// is checked by TypeScript against the schema, and variables are too. Run it against a
// running service (npm start) with:
//
//   npx tsx examples/typed-client/typed-client.ts                 # http://127.0.0.1:4000/graphql
//   HEALTHMATCH_URL=http://host:4000/graphql HEALTHMATCH_KEY=<key> npx tsx examples/typed-client/typed-client.ts
import { graphql } from './gql/index.js';
import type { TypedDocumentString } from './gql/graphql.js';

export const SearchPostingsDocument = graphql(`
  query ExampleSearchPostings($text: String, $states: [String!], $first: Int = 5) {
    searchPostings(query: $text, filter: { states: $states }, first: $first) {
      totalCount
      edges {
        node {
          id
          title
          state
          salaryMax
          employer {
            id
            name
          }
        }
      }
    }
  }
`);

export const CandidatesForPostingDocument = graphql(`
  query ExampleCandidatesForPosting($postingId: ID!) {
    candidatesForPosting(postingId: $postingId, first: 3) {
      totalCount
      edges {
        node {
          score
          candidate {
            id
            name
          }
          explanation {
            summary
          }
        }
      }
    }
  }
`);

export class GraphQLRequestError extends Error {
  constructor(public readonly errors: { message: string; extensions?: { code?: string } }[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

/** Sends one typed operation; the result and variables types come from the document. */
export async function execute<TResult, TVariables>(
  url: string,
  document: TypedDocumentString<TResult, TVariables>,
  // NoInfer: the document alone fixes both types, so a wrong variable is an error, not a widening.
  variables: NoInfer<TVariables>,
  key?: string,
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables }) });
  const body = (await res.json()) as { data?: TResult; errors?: GraphQLRequestError['errors'] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!body.data) throw new Error(`HTTP ${res.status} without data`);
  return body.data;
}

/** Searches TX postings, then (with an admin or the employer's recruiter key) ranks candidates for the first. */
export async function main(url: string, key?: string, log: (line: string) => void = console.log): Promise<void> {
  const found = await execute(url, SearchPostingsDocument, { text: 'manager', states: ['TX'] });
  log(`${found.searchPostings.totalCount} open postings match "manager" in TX`);
  for (const { node } of found.searchPostings.edges) {
    log(`- ${node.title} at ${node.employer.name} (${node.state ?? 'remote'}), id ${node.id}`);
  }
  const first = found.searchPostings.edges[0]?.node;
  if (!first || !key) return;
  const ranked = await execute(url, CandidatesForPostingDocument, { postingId: first.id }, key);
  log(`${ranked.candidatesForPosting.totalCount} eligible candidates for "${first.title}"`);
  for (const { node } of ranked.candidatesForPosting.edges) log(`- ${node.candidate.name}: ${node.score.toFixed(3)} ${node.explanation.summary}`);
}

if (process.argv[1] && import.meta.filename && process.argv[1].endsWith('typed-client.ts')) {
  await main(process.env.HEALTHMATCH_URL ?? 'http://127.0.0.1:4000/graphql', process.env.HEALTHMATCH_KEY);
}
