import { describe, expect, it } from 'vitest';
import { html } from './html';

describe('html template', () => {
  it('escapes every value and keeps nested templates as markup', () => {
    const name = '<img src=x onerror=alert(1)> & "quotes"';
    const inner = html`<b>${name}</b>`;
    expect(html`<p title="${name}">${inner}</p>`.markup).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"><b>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</b></p>',
    );
  });

  it('renders lists and leaves out empty values', () => {
    const items = [1, 2].map((n) => html`<li>${n}</li>`);
    const markup = html`<ul>
        ${items}
      </ul>
      ${null}${false}${undefined}`.markup;
    expect(markup.replace(/\s+/g, '')).toBe('<ul><li>1</li><li>2</li></ul>');
  });
});
