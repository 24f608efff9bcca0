// The development query explorer: GET /graphql from a browser (Accept: text/html, no query)
// gets GraphiQL, and /explorer/* serves its bundle (dist/explorer, built by `npm run build`).
// Every asset comes from this service and the page's Content-Security-Policy allows nothing
// else, so it works offline. Not mounted in production (introspection is off there too).
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { EXPLORER_TABS } from '../../explorer/explorer-tabs.js';
import { EXPLORER_SCRIPT, EXPLORER_STYLES, explorerDir } from '../../explorer/explorer-files.js';

export interface ExplorerOptions {
  /** The development admin key is in use: prefill it so the examples run as they are. */
  devAdminKey?: string;
  dir?: string;
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A browser navigating to /graphql, not a client sending an operation by GET. */
function wantsExplorer(req: Request): boolean {
  return req.method === 'GET' && req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html';
}

function page(settings: object): string {
  // "<" escaped so no string in the settings can close the script element.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>healthmatch query explorer</title>
<link rel="stylesheet" href="explorer/${EXPLORER_STYLES}">
<style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="explorer"></div>
<script id="explorer-settings" type="application/json">${json}</script>
<script type="module" src="explorer/${EXPLORER_SCRIPT}"></script>
</body>
</html>
`;
}

export function explorerRouter(options: ExplorerOptions = {}): express.Router {
  const dir = options.dir ?? explorerDir();
  const router = express.Router();
  router.use('/explorer', express.static(dir, { index: false, fallthrough: false, maxAge: '1h' }));
  const html = page({
    endpoint: 'graphql',
    headers: options.devAdminKey ? JSON.stringify({ Authorization: `Bearer ${options.devAdminKey}` }, null, 2) : '{}',
    tabs: EXPLORER_TABS,
  });
  router.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (!wantsExplorer(req)) return next();
    res.setHeader('content-security-policy', CSP);
    res.setHeader('cache-control', 'no-cache');
    if (!existsSync(path.join(dir, EXPLORER_SCRIPT))) {
      res.status(503).type('text/plain').send('The query explorer is not built yet: run `npm run build` (or `npm run build:explorer`).\n');
      return;
    }
    res.type('html').send(html);
  });
  return router;
}
