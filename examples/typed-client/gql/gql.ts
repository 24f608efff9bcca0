/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ExampleSearchPostings($text: String, $states: [String!], $first: Int = 5) {\n    searchPostings(query: $text, filter: { states: $states }, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          state\n          salaryMax\n          employer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExampleSearchPostingsDocument,
    "\n  query ExampleCandidatesForPosting($postingId: ID!) {\n    candidatesForPosting(postingId: $postingId, first: 3) {\n      totalCount\n      edges {\n        node {\n          score\n          candidate {\n            id\n            name\n          }\n          explanation {\n            summary\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExampleCandidatesForPostingDocument,
};
const documents: Documents = {
    "\n  query ExampleSearchPostings($text: String, $states: [String!], $first: Int = 5) {\n    searchPostings(query: $text, filter: { states: $states }, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          state\n          salaryMax\n          employer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ExampleSearchPostingsDocument,
    "\n  query ExampleCandidatesForPosting($postingId: ID!) {\n    candidatesForPosting(postingId: $postingId, first: 3) {\n      totalCount\n      edges {\n        node {\n          score\n          candidate {\n            id\n            name\n          }\n          explanation {\n            summary\n          }\n        }\n      }\n    }\n  }\n": types.ExampleCandidatesForPostingDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExampleSearchPostings($text: String, $states: [String!], $first: Int = 5) {\n    searchPostings(query: $text, filter: { states: $states }, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          state\n          salaryMax\n          employer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ExampleSearchPostingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExampleCandidatesForPosting($postingId: ID!) {\n    candidatesForPosting(postingId: $postingId, first: 3) {\n      totalCount\n      edges {\n        node {\n          score\n          candidate {\n            id\n            name\n          }\n          explanation {\n            summary\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ExampleCandidatesForPostingDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
