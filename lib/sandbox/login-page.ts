import { escapeHtml } from './http';

export interface LoginChoice {
  memberId: string;
  name: string;
  email: string;
  note: string;
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f5f7; color: #1d1f23; }
  main { width: min(28rem, calc(100vw - 2rem)); background: #fff; border-radius: 12px; padding: 2rem;
    box-shadow: 0 4px 24px rgb(0 0 0 / 0.08); }
  h1 { font-size: 1.35rem; margin: 0 0 0.25rem; }
  p { margin: 0 0 1.25rem; color: #4a4f57; line-height: 1.45; }
  .badge { display: inline-block; font-size: 0.75rem; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase;
    background: #fff4ce; color: #6b4e00; border-radius: 999px; padding: 0.15rem 0.6rem; margin-bottom: 0.75rem; }
  ul { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: 0.5rem; }
  button { font: inherit; width: 100%; text-align: left; border-radius: 8px; padding: 0.75rem 1rem; cursor: pointer; }
  .member { border: 1px solid #d0d4da; background: #fff; display: grid; gap: 0.15rem; }
  .member:hover { border-color: #116dff; background: #f0f6ff; }
  .member .name { font-weight: 600; }
  .member .email, .member .note { font-size: 0.875rem; color: #4a4f57; }
  .cancel { border: 0; background: transparent; color: #116dff; text-align: center; text-decoration: underline; }
  button:focus-visible { outline: 3px solid #116dff; outline-offset: 2px; }
`;

/**
 * The sandbox's own mark, inline: with an icon declared the browser does not ask the sandbox for
 * `/favicon.ico`, which it has not got.
 */
const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#116dff"/>' +
    '<circle cx="16" cy="16" r="6" fill="#fff"/></svg>',
)}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${ICON}">
<style>${STYLE}</style>
</head>
<body>
<main>
<span class="badge">Local sandbox</span>
${body}
</main>
</body>
</html>`;
}

/** Stands in for Wix's hosted login: no passwords, just a choice of demo member. */
export function renderLoginPage(sessionId: string, choices: LoginChoice[]): string {
  const items = choices
    .map(
      (
        choice,
      ) => `<li><button class="member" type="submit" name="memberId" value="${escapeHtml(choice.memberId)}">
<span class="name">${escapeHtml(choice.name)}</span>
<span class="email">${escapeHtml(choice.email)}</span>
<span class="note">${escapeHtml(choice.note)}</span>
</button></li>`,
    )
    .join('\n');
  return page(
    'Wix sandbox — sign in',
    `<h1 id="title">Sign in to the Wix sandbox</h1>
<p>Choose a demo member to continue. This page replaces Wix's hosted login while the app runs against the local sandbox.</p>
<form method="post" action="/_sandbox/login?session=${encodeURIComponent(sessionId)}" aria-labelledby="title">
<ul>
${items}
</ul>
<button class="cancel" type="submit" name="action" value="cancel">Cancel</button>
</form>`,
  );
}

export function renderMessagePage(
  title: string,
  message: string,
  role: 'alert' | 'status' = 'alert',
): string {
  return page(
    `Wix sandbox — ${title}`,
    `<h1>${escapeHtml(title)}</h1>\n<p role="${role}">${escapeHtml(message)}</p>`,
  );
}
