// Builds FerretDB v1 (SQLite backend, pure Go) from the Go module proxy into a cache under
// the home directory. Used when no MongoDB server can be had (machines without internet).
// `go install …@version` cannot be used: it needs the module's version list, which the proxy
// refuses for FerretDB, and FerretDB panics at start-up unless built as the main module with
// build/version/version.txt present. So: download the exact version, copy it, write that file,
// and `go build` it as the main module.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile, mkdir, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FERRETDB_VERSION = 'v1.24.0';

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
