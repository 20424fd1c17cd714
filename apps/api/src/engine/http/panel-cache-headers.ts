import type { ServerResponse } from 'node:http';
import { sep } from 'node:path';

/** What a year-long, never-revalidated cache may keep: vite's content-hashed build output. */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/;

/**
 * Cache headers for the built panel. Files under `assets/` carry a content hash in their
 * name, so a browser may keep them for a year without asking again; everything else
 * (index.html, which names the current hashes) must be revalidated on every load.
 */
export function setPanelCacheHeaders(response: ServerResponse, path: string): void {
  const hashed = path.includes(`${sep}assets${sep}`) && HASHED_ASSET.test(path);
  response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}
