/**
 * Markup for printable documents. Only the `html` tag makes a `SafeHtml`, and it escapes
 * every value it interpolates, so a student's name (or `</td><script>`) is always text.
 * The renderer takes `SafeHtml` only: an unescaped string cannot reach Chromium.
 *
 * Escaping makes values safe as element text and inside quoted attributes; never
 * interpolate into unquoted attributes, `<style>` or `<script>`.
 */

// Not exported: nothing outside this file can construct a SafeHtml.
const TRUSTED: unique symbol = Symbol('trusted markup');

export class SafeHtml {
  // An ES private field makes the class nominal: a look-alike object does not type-check.
  readonly #markup: string;

  constructor(token: typeof TRUSTED, markup: string) {
    if (token !== TRUSTED) throw new TypeError('SafeHtml is made by the html`…` tag only');
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

/** What may stand in `${…}`: nothing, false (so `${cond && html`…`}` works) and lists render empty or joined. */
export type HtmlValue = SafeHtml | string | number | bigint | false | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function markupOf(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'object') return value.map(markupOf).join('');
  return escapeHtml(String(value));
}

/** `html`<td>${name}</td>`: the literal parts are trusted markup, every value is escaped. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0];
  values.forEach((value, i) => {
    markup += markupOf(value) + strings[i + 1];
  });
  return new SafeHtml(TRUSTED, markup);
}
