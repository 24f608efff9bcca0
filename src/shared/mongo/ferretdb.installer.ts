// Builds FerretDB v1 (SQLite backend, pure Go) from the Go module proxy into a cache under
// the home directory. Used when no MongoDB server can be had (machines without internet).
// `go install …@version` cannot be used: it needs the module's version list, which the proxy
// refuses for FerretDB, and FerretDB panics at start-up unless built as the main module with
// build/version/version.txt present. So: download the exact version, copy it, write that file,
// and `go build` it as the main module (with the one-line index fix described below).
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile, mkdir, chmod, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FERRETDB_VERSION = 'v1.24.0';
/** Our build differs from upstream by the one-line fix below; the name keeps old caches apart. */
export const FERRETDB_BUILD = `${FERRETDB_VERSION}-idindex`;

// FerretDB v1's SQLite backend looks documents up by `_ferretdb_sjson->'$._id'` while the
// unique `_id` index it creates is on `_ferretdb_sjson->"_id"`. In SQLite both mean the same
// JSON value, but the planner only uses an expression index for the identical expression, so
// every `_id` look-up scanned the whole table (~90 ms at 5,000 documents, growing linearly).
// Writing the look-up the way the index is written makes it an index search.
const ID_COLUMN_FILE = path.join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go');
const ID_COLUMN_UPSTREAM = `IDColumn = DefaultColumn + "->'$._id'"`;
const ID_COLUMN_INDEXED = `IDColumn = DefaultColumn + "->'_id'"`;

async function patchIdLookup(src: string): Promise<void> {
  const file = path.join(src, ID_COLUMN_FILE);
  const text = await readFile(file, 'utf8');
  if (!text.includes(ID_COLUMN_UPSTREAM)) throw new Error(`FerretDB source changed: ${ID_COLUMN_FILE} lacks the expected IDColumn`);
  await writeFile(file, text.replace(ID_COLUMN_UPSTREAM, ID_COLUMN_INDEXED));
}

const goEnv = {
  ...process.env,
  CGO_ENABLED: '0',
  GOFLAGS: '-mod=mod',
  // The checksum database is not reachable from every build machine; the proxy still serves the module.
  GOSUMDB: 'off',
};

export async function isGoAvailable(): Promise<boolean> {
  try {
    await run('go', ['version']);
    return true;
  } catch {
    return false;
  }
}

export async function buildFerretDb(targetBinary: string, log: (msg: string) => void): Promise<void> {
  log(`Building FerretDB ${FERRETDB_VERSION} from the Go module proxy into ${targetBinary} (first run only, ~1-2 min)…`);
  const work = await mkdtemp(path.join(tmpdir(), 'ferretdb-build-'));
  try {
    const { stdout } = await run('go', ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`], {
      env: goEnv,
      cwd: work,
      maxBuffer: 10 * 1024 * 1024,
    });
    const moduleDir = (JSON.parse(stdout) as { Dir: string }).Dir;
    const src = path.join(work, 'src');
    await cp(moduleDir, src, { recursive: true });
    await chmod(src, 0o755);
    await run('chmod', ['-R', 'u+w', src]);
    await writeFile(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    await patchIdLookup(src);
    await mkdir(path.dirname(targetBinary), { recursive: true });
    await run('go', ['build', '-o', targetBinary, './cmd/ferretdb'], {
      env: goEnv,
      cwd: src,
      maxBuffer: 10 * 1024 * 1024,
    });
    log('FerretDB built.');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
