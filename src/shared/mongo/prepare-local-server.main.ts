// Makes sure a local MongoDB-protocol server can start (building FerretDB if needed), then
// stops it. Used by .ci/run so the one-time build is not counted against the test timeouts.
import { resolveMongo } from './local-mongo.js';

const server = await resolveMongo({
  prefer: (process.env.MONGO_LOCAL_SERVER as 'auto' | 'mongod' | 'ferretdb' | undefined) ?? 'auto',
  ferretdbBinary: process.env.FERRETDB_BIN || undefined,
  log: (m) => console.log(m),
});
console.log(`Local server OK: ${server.server}`);
await server.stop();
