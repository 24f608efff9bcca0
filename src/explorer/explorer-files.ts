// Where the bundled explorer lives: dist/explorer at the repository (or image) root, found
// from this file whether it runs from src/ (tsx, tests) or dist/src/ (npm start).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`package.json not found above ${fileURLToPath(import.meta.url)}`);
}

export const explorerDir = (): string => path.join(projectRoot(), 'dist', 'explorer');
export const EXPLORER_SCRIPT = 'explorer.js';
export const EXPLORER_STYLES = 'explorer.css';
