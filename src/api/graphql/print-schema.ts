import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from './schema.js';

export async function printAppSchema(): Promise<string> {
  const header = '# Emitted from the code by `npm run schema:emit`. Do not edit: a test fails when it drifts.\n\n';
  return header + printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}

export function emittedSchemaPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'schema', 'schema.graphql');
    dir = path.dirname(dir);
  }
  throw new Error('project root not found');
}
