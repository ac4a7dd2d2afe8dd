import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectApi } from './api/connect';
import './styles/base.css';
import './styles/home.css';
import './styles/map.css';

// The CSP forbids eval: zod must not even try to compile its parsers with `new Function`.
z.config({ jitless: true });

const client = connectApi();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
