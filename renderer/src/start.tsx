/** The React app and its API client, loaded by main.tsx once the first requests are under way. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectApi } from './api/connect';

export function startApp(origin: string): void {
  const client = connectApi(origin);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
