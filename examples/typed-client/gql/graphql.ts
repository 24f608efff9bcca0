/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ExampleSearchPostingsQueryVariables = Exact<{
  text?: string | null | undefined;
  states?: Array<string> | string | null | undefined;
  first?: number | null | undefined;
}>;


export type ExampleSearchPostingsQuery = { searchPostings: { totalCount: number, edges: Array<{ node: { id: string, title: string, state: string | null, salaryMax: number | null, employer: { id: string, name: string } } }> } };

export type ExampleCandidatesForPostingQueryVariables = Exact<{
  postingId: string | number;
}>;


export type ExampleCandidatesForPostingQuery = { candidatesForPosting: { totalCount: number, edges: Array<{ node: { score: number, candidate: { id: string, name: string }, explanation: { summary: string } } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ExampleSearchPostingsDocument = new TypedDocumentString(`
    query ExampleSearchPostings($text: String, $states: [String!], $first: Int = 5) {
  searchPostings(query: $text, filter: {states: $states}, first: $first) {
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
    `) as unknown as TypedDocumentString<ExampleSearchPostingsQuery, ExampleSearchPostingsQueryVariables>;
export const ExampleCandidatesForPostingDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ExampleCandidatesForPostingQuery, ExampleCandidatesForPostingQueryVariables>;