/**
 * Debian's Chromium as every launch here starts it (the PDF renderer, the browser tests and
 * their benchmarks): headless, unsandboxed (containers run it as root), and kept from reaching
 * for the (closed) network on its own.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
