// `npm run build` (and `npm run build:explorer`): bundles GraphiQL, React and GraphiQL's CSS
// into dist/explorer with esbuild, so the development explorer is served entirely by the
// service itself, with no CDN (machines without internet see a working page).
import path from 'node:path';
import { build } from 'esbuild';
import { explorerDir, projectRoot } from './explorer-files.js';

export async function buildExplorer(outdir = explorerDir()): Promise<void> {
  await build({
    entryPoints: { explorer: path.join(projectRoot(), 'src', 'explorer', 'client', 'explorer.tsx') },
    outdir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    tsconfig: path.join(projectRoot(), 'tsconfig.explorer.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    // The CSS inlines its fonts and images as data: URLs already; nothing else is loaded.
    loader: { '.woff2': 'dataurl', '.woff': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]).replace(/\.ts$/, '.js') === path.resolve(import.meta.filename).replace(/\.ts$/, '.js')) {
  const t0 = Date.now();
  await buildExplorer();
  console.log(`Query explorer bundled into ${explorerDir()} in ${Date.now() - t0} ms`);
}
