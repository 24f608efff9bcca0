// GraphQL Code Generator (client preset) for the typed-client example: reads the service's
// emitted schema (schema/schema.graphql) and the operations written in typed-client.ts, and
// writes typed documents into ./gql. Regenerate with `npm run examples:codegen`; a test fails
// when the committed files differ from a fresh generation.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/typed-client/typed-client.ts'],
  ignoreNoDocuments: false,
  // Imports with .js extensions, as Node's ESM resolution (tsconfig NodeNext) needs.
  emitLegacyCommonJSImports: false,
  generates: {
    'examples/typed-client/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // Plain strings, not AST objects: the client sends them with fetch, no GraphQL library.
      config: { documentMode: 'string', useTypeImports: true, enumsAsTypes: true, scalars: { DateTimeISO: 'string' } },
    },
  },
};

export default config;
