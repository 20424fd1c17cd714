/** When the page last reloaded for a missing chunk (sessionStorage, per tab). */
export const STALE_CHUNK_RELOAD_KEY = 'zizhu.staleChunkReload';
const AGAIN_AFTER_MS = 60_000;

/**
 * A tab opened before a new release asks for the previous release's lazy chunks, which are
 * gone (the API answers 404 for a missing asset). Vite reports that as `vite:preloadError`;
 * one reload fetches the new index.html and its chunks. If a chunk is still missing right
 * after such a reload, the error is shown rather than reloading in a loop.
 */
export function reloadOnStaleChunk(win: Window = window): void {
  win.addEventListener('vite:preloadError', (event) => {
    const last = Number(win.sessionStorage.getItem(STALE_CHUNK_RELOAD_KEY) ?? 0);
    if (Date.now() - last < AGAIN_AFTER_MS) return;
    event.preventDefault();
    win.sessionStorage.setItem(STALE_CHUNK_RELOAD_KEY, String(Date.now()));
    win.location.reload();
  });
}
