/**
 * HTML for the embedded widget, which is rendered as a string (no React on the client, see the README). A
 * `html` template escapes every value it is given; only another `html` result goes in as markup, so text
 * from Wix, the request or the host page can never become tags or attributes.
 */

export type SafeHtml = { readonly markup: string };

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && 'markup' in value) return value.markup;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let markup = strings[0]!;
  values.forEach((value, index) => {
    markup += render(value) + strings[index + 1]!;
  });
  return { markup };
}

/**
 * A `<style>` element for CSS this app composed itself. Style text is not HTML-decoded, so it cannot go
 * through `html`; a `<` is escaped the CSS way so the text can never close the element.
 */
export function styleElement(css: string): SafeHtml {
  return { markup: `<style>${css.replace(/</g, '\\3c ')}</style>` };
}
