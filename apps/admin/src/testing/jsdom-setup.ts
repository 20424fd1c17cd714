// What jsdom lacks and the panel's libraries expect of a browser (runs before each spec file).
import { TextDecoder, TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';
// From the dom library: importing @testing-library/react here, before jest's globals exist, would skip its cleanup after each test.
import { configure } from '@testing-library/dom';

Object.assign(globalThis, { TextEncoder, TextDecoder });

// @mui/x-charts' gesture handlers copy plain option objects with structuredClone, which jsdom's window lacks.
globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value));

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

// react-admin 5 still hands MUI 9 props it removed (`InputProps`, `inputRef`, …); React warns
// on every text input. Known and harmless: kept out of the specs' output so real warnings show.
const RENAMED_MUI_PROPS = new Set(['InputProps', 'InputLabelProps', 'inputProps', 'inputRef']);
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  const [format, prop] = args;
  if (typeof format === 'string' && format.includes('does not recognize the `%s` prop') && RENAMED_MUI_PROPS.has(String(prop))) return;
  consoleError(...args);
};

// findBy/waitFor give up after 1 s by default; on a busy 2-core machine a data provider's
// answer and a re-render can take longer.
configure({ asyncUtilTimeout: 5000 });
