// The query explorer's browser side: GraphiQL (the `graphiql` package) with the service's own
// endpoint, example tabs and headers. Bundled by build-explorer.main.ts into dist/explorer, so
// the page loads nothing from another host. Settings come from the page (explorer.page.ts).
import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';

interface ExplorerSettings {
  endpoint: string;
  headers: string;
  tabs: { query: string; variables?: string }[];
}

const settings = JSON.parse(document.getElementById('explorer-settings')?.textContent ?? '{}') as ExplorerSettings;

// A plain JSON POST: Apollo's CSRF prevention accepts it, and no subscription client is needed.
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const res = await fetch(settings.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return res.json();
};

const root = document.getElementById('explorer');
if (root) {
  createRoot(root).render(
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={settings.tabs}
      defaultHeaders={settings.headers}
      isHeadersEditorEnabled
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    />,
  );
}
