// `npm run schema:emit`: writes schema/schema.graphql from the code. A test fails when the
// committed file differs from what the code emits.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { emittedSchemaPath, printAppSchema } from './api/graphql/print-schema.js';

writeFileSync(emittedSchemaPath(), await printAppSchema());
console.log(`Wrote ${emittedSchemaPath()}`);
