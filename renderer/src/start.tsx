/** The React app, loaded by main.tsx once the connection and the first requests are under way. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { ApiClient } from './api/client';

export function startApp(client: ApiClient): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
