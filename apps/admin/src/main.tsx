import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { reloadOnStaleChunk } from './providers/reload-on-stale-chunk';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

reloadOnStaleChunk();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
