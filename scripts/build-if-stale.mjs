// `npm start`, `seed`, `reindex` and `bench` run the compiled code in dist/. Compiling takes
// ~30 s on a busy 2-core machine and `tsc --incremental` still ~8 s when nothing changed
// (measured), so this compares instead: rebuild when any input file is newer than the
// stamp written by the last successful build, or the set of input files changed (a move or
// a deletion). A no-change start costs a directory walk (well under a second).
// `--force` always builds (`npm run build`).
/* global process, console */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(root, 'dist', '.build-stamp.json');
const INPUT_DIRS = ['src', 'seeds', 'bench'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'tsconfig.explorer.json', 'package-lock.json'];

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|json)$/.test(entry.name)) out.push(full);
  }
  return out;
}

function inputs() {
  const files = INPUT_DIRS.flatMap((d) => walk(path.join(root, d), []));
  files.push(...INPUT_FILES.map((f) => path.join(root, f)));
  return files.map((f) => path.relative(root, f)).sort();
}

function stale(files) {
  let stamp;
  try {
    stamp = { mtimeMs: statSync(STAMP).mtimeMs, files: JSON.parse(readFileSync(STAMP, 'utf8')).files };
  } catch {
    return 'no previous build';
  }
  if (stamp.files.join('\n') !== files.join('\n')) return 'files added, moved or removed';
  const newer = files.find((f) => statSync(path.join(root, f)).mtimeMs > stamp.mtimeMs);
  return newer ? `${newer} changed` : null;
}

const files = inputs();
const why = process.argv.includes('--force') ? 'forced' : stale(files);
if (why === null) {
  console.error('dist/ is up to date; not recompiling');
} else {
  console.error(`Compiling (${why})...`);
  const t0 = Date.now();
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // The development query explorer's browser bundle (GraphiQL, React, CSS) into dist/explorer.
  const bundle = spawnSync(process.execPath, [path.join(root, 'dist', 'src', 'explorer', 'build-explorer.main.js')], { stdio: 'inherit' });
  if (bundle.status !== 0) process.exit(bundle.status ?? 1);
  mkdirSync(path.dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, JSON.stringify({ files }));
  console.error(`Compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
