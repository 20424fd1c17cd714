import { escapeHtml, html, type HtmlValue, SafeHtml } from './safe-html';

describe('html`…`', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['</td><td>', '&lt;/td&gt;&lt;td&gt;'],
    [`" onload="x' &amp;`, '&quot; onload=&quot;x&#39; &amp;amp;'],
    ['张三', '张三'],
  ])('escapes the value %s', (value, escaped) => {
    expect(html`<td title="${value}">${value}</td>`.toString()).toBe(`<td title="${escaped}">${escaped}</td>`);
  });

  it('keeps nested documents as markup and joins lists', () => {
    const rows = ['<a>', 'b'].map((name) => html`<tr><td>${name}</td></tr>`);
    expect(html`<tbody>${rows}</tbody>`.toString()).toBe('<tbody><tr><td>&lt;a&gt;</td></tr><tr><td>b</td></tr></tbody>');
  });

  it.each<[HtmlValue, string]>([
    [null, ''],
    [undefined, ''],
    [false, ''],
    [0, '0'],
    [1500.5, '1500.5'],
    [12n, '12'],
  ])('renders %p as %p', (value, text) => {
    expect(html`<p>${value}</p>`.toString()).toBe(`<p>${text}</p>`);
  });

  it('cannot be made from a string outside the tag', () => {
    const forge = SafeHtml as unknown as new (token: symbol, markup: string) => SafeHtml;
    expect(() => new forge(Symbol('trusted markup'), '<script>')).toThrow(TypeError);
  });

  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
