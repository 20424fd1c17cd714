// What jsdom lacks and the panel's libraries expect of a browser (runs before each spec file).
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });

// MUI's useMediaQuery (react-admin layouts) asks the window; jsdom has no media queries.
window.matchMedia ??= (query: string): MediaQueryList => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => undefined,
  removeListener: () => undefined,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  dispatchEvent: () => false,
});

// MUI's autosizing textarea (multiline inputs) observes its size.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// react-admin 5 still hands MUI 9 props it removed (`InputProps`, `inputRef`, …); React warns on
// every text input. Known and harmless: kept out of the specs' output so real warnings show.
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && /does not recognize the `(InputProps|InputLabelProps|inputProps|inputRef)` prop/.test(args[0])) return;
  consoleError(...args);
};
