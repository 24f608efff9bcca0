// The development explorer is served from dist/explorer, which `npm run build` makes; tests
// run from source, so the bundle is made here once per run (about two seconds).
import { buildExplorer } from '../../src/explorer/build-explorer.main.js';

export default async function setup(): Promise<void> {
  await buildExplorer();
}
