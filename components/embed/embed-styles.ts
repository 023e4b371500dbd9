import type { WidgetOptions } from '@/lib/embed/widget-options';

/**
 * The widget's own few rules, inline: the same look as the app's card (stone and emerald) without shipping
 * the app's stylesheet into every host page. The card keeps the app card's fixed height in every state, so
 * the iframe the host reserves for it never has to change size.
 */
export const WIDGET_HEIGHT_PX = 480;

/** The earn preview's one line: `embed.js` starts its iframe at this height (its `LINE`), and so must hosts. */
export const PREVIEW_HEIGHT_PX = 40;

const LIGHT =
  '--bg:#fff;--fg:#1c1917;--muted:#57534e;--soft:#f5f5f4;--line:#e7e5e4;--accent:#1c1917;--on-accent:#fff;' +
  '--good:#047857;--good-bg:#d1fae5;--warn:#78350f;--warn-bg:#fffbeb;color-scheme:light';
const DARK =
  '--bg:#1c1917;--fg:#fafaf9;--muted:#a8a29e;--soft:#292524;--line:#44403c;--accent:#fafaf9;--on-accent:#1c1917;' +
  '--good:#6ee7b7;--good-bg:#064e3b;--warn:#fde68a;--warn-bg:#451a03;color-scheme:dark';

const RULES = `
*{box-sizing:border-box}
html,body{margin:0;background:transparent}
body{color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.card{display:flex;flex-direction:column;gap:14px;min-height:${WIDGET_HEIGHT_PX}px;padding:24px;border:1px solid var(--line);border-radius:16px;background:var(--bg)}
h2{margin:0;font-size:12px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
h2.title{font-size:18px;letter-spacing:0;text-transform:none;color:var(--fg)}
p{margin:0}
.row{display:flex;justify-content:space-between;align-items:flex-start;gap:8px}
.muted{color:var(--muted)}
.stack{display:grid;gap:8px}
.lead{font-size:22px;font-weight:600;line-height:1.25}
.balance{display:flex;align-items:baseline;gap:8px}
.balance b{font-size:48px;line-height:1;font-variant-numeric:tabular-nums}
.balance span{font-size:18px;color:var(--muted)}
.badge{border-radius:999px;padding:4px 12px;font-size:12px;font-weight:600;background:var(--soft);white-space:nowrap}
.badge.on{background:var(--good-bg);color:var(--good)}
.totals{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;margin:0;text-align:center}
.totals div{background:var(--soft);border-radius:8px;padding:8px 2px}
.totals dt{font-size:11px;color:var(--muted)}
.totals dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
.panel{background:var(--soft);border-radius:12px;padding:12px}
.bar{height:8px;border-radius:99px;background:var(--line);overflow:hidden;margin:8px 0 4px}
.bar i{display:block;height:100%;background:var(--accent)}
.small{font-size:12px}
.warn{background:var(--warn-bg);color:var(--warn);border-radius:12px;padding:10px 12px}
.foot{margin-top:auto;display:flex;justify-content:space-between;align-items:center;gap:8px;font-size:12px;color:var(--muted)}
.btn{display:inline-flex;justify-content:center;align-items:center;border:0;border-radius:8px;padding:8px 14px;font:inherit;font-weight:600;background:var(--accent);color:var(--on-accent);cursor:pointer;text-decoration:none;white-space:nowrap}
.btn:disabled{opacity:.6;cursor:not-allowed}
.link{background:none;border:0;padding:0;font:inherit;color:inherit;text-decoration:underline;cursor:pointer;white-space:nowrap}
a{color:inherit}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.offers{list-style:none;margin:0;padding:0;display:grid;gap:8px}
.offer{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:6px 12px;padding:8px 12px;border:1px solid var(--line);border-radius:12px}
.offer div{display:grid;flex:1 1 11rem;min-width:0}
.good{color:var(--good);font-weight:600}
.status{min-height:20px;font-weight:500}
.bone{background:var(--soft);border-radius:6px;animation:pulse 1.5s ease-in-out infinite}
@keyframes pulse{50%{opacity:.5}}
@media (prefers-reduced-motion:reduce){.bone{animation:none}}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
h3{margin:0;font-size:15px}
button.badge{border:0;font-family:inherit;color:inherit;cursor:pointer}
.confirm{flex-basis:100%;display:grid;gap:8px;padding:10px 12px;border-radius:8px;background:var(--soft)}
.confirm .row{justify-content:flex-end;align-items:center}
.code{font:600 13px ui-monospace,monospace;letter-spacing:.08em;background:var(--soft);border-radius:6px;padding:2px 6px}
.code.big{font-size:20px}
.code.used{text-decoration:line-through;color:var(--muted)}
.entries{list-style:none;margin:0;padding:0;border:1px solid var(--line);border-radius:12px}
.entry{display:flex;justify-content:space-between;align-items:center;gap:12px;padding:8px 12px}
.entry+.entry{border-top:1px solid var(--line)}
.entry div{display:grid;min-width:0}
.entry b{white-space:nowrap;font-variant-numeric:tabular-nums}
.back{margin:0 0 8px}
[dir=rtl] .flip{display:inline-block;transform:scaleX(-1)}
.tabs{display:flex;flex-wrap:wrap;gap:4px;margin-bottom:8px;padding:4px;border-radius:12px;background:var(--soft)}
.tabs [role=tab]{flex:1 1 auto;border:0;border-radius:8px;padding:6px 4px;font:inherit;font-weight:600;background:none;color:var(--muted);cursor:pointer}
.tabs [aria-selected=true]{background:var(--bg);color:var(--fg)}
.tiers{list-style:none;margin:0;padding:0;display:grid;gap:8px}
.tier{display:grid;gap:4px;padding:10px 12px;border:1px solid var(--line);border-radius:12px}
.tier[aria-current]{border-color:var(--accent);box-shadow:inset 0 0 0 1px var(--accent)}
.perks{margin:0;padding-inline-start:18px;font-size:12px}
.preview{display:flex;align-items:center;gap:8px;width:fit-content;max-width:100%;height:${PREVIEW_HEIGHT_PX}px;padding:0 12px;border-radius:8px;background:var(--soft)}
.preview p{flex:1;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.preview .btn{padding:4px 12px}
[aria-busy=true] .preview p{opacity:.5}
.star{color:var(--good)}
.field{width:100%;min-width:0;font:inherit;padding:8px 10px;border:1px solid var(--line);border-radius:8px;background:var(--bg);color:var(--fg)}
[hidden]{display:none!important}
`;

/** The stylesheet for one widget: its theme, and the host's accent when it passed validation. */
export function widgetStyles({ theme, accent }: Pick<WidgetOptions, 'theme' | 'accent'>): string {
  const palette =
    theme === 'dark'
      ? `:root{${DARK}}`
      : theme === 'auto'
        ? `:root{${LIGHT}}@media (prefers-color-scheme:dark){:root{${DARK}}}`
        : `:root{${LIGHT}}`;
  // `accent` passed `safeCssColor`: no character in it can end the declaration or the rule.
  const custom = accent ? `:root{--accent:${accent};--on-accent:#fff}` : '';
  return `${palette}${custom}${RULES}`;
}
