import { escapeHtml } from '../core/http.ts';
import { TEST_USER_PASSWORD, TEST_USERS, type TestUser } from '../test-users.ts';

/**
 * The identity pages: plain server-rendered forms that work without JavaScript (none is
 * served). Enter in a form submits it with its first submit button (HTML "implicit
 * submission"), so the primary action comes first in the markup and `primary-first`
 * only places Cancel on its left on screen. Element ids follow the real pages (`i0116`, `i0118`, `idSIButton9`, …) so e2e
 * tests read like tests against the real thing; docs/ms-cloud-emulator.md lists them.
 */

const STYLE = `
body{font-family:system-ui,sans-serif;background:#f2f2f2;margin:0}
main{max-width:440px;margin:48px auto;background:#fff;padding:36px 44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:1.5rem;font-weight:600;margin:0 0 16px}
label{display:block;margin:12px 0 4px}
input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:6px;font-size:1rem}
.error{color:#e81123;margin:8px 0}
.buttons{display:flex;gap:8px;justify-content:flex-end;margin-top:20px}
.buttons.primary-first{flex-direction:row-reverse;justify-content:flex-start}
button{padding:6px 20px;font-size:1rem}
.primary{background:#0067b8;color:#fff;border:0}
.tile{display:block;width:100%;text-align:left;margin:6px 0;padding:10px;background:#fff;border:1px solid #ccc}
.hint{color:#555;font-size:.9rem;margin-top:24px}
.banner{font-size:.8rem;color:#666;margin-bottom:16px}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><div class="banner">Local Microsoft cloud emulator — test accounts only</div>
${body}
</main></body></html>`;
}

/** Parameters of the username + password form. */
export interface SignInFormPage {
  /** Base path of the tenant, e.g. `/consumers`. */
  tenantPath: string;
  ctx: string;
  username: string;
  usernameError?: string;
  passwordError?: string;
}

/**
 * The sign-in form, listing the test users (links that prefill the username). The
 * keyboard starts where typing does (as on the real page): the email field, or the
 * password when the email came pre-filled.
 */
export function renderSignInForm(page: SignInFormPage): string {
  const userLinks = TEST_USERS.map(
    (user) =>
      `<li><a class="test-user" data-email="${escapeHtml(user.email)}" href="${escapeHtml(
        `${page.tenantPath}/login?${new URLSearchParams({ ctx: page.ctx, username: user.email }).toString()}`,
      )}">${escapeHtml(user.email)}</a> (${escapeHtml(user.displayName)})</li>`,
  ).join('\n');
  return layout(
    'Sign in to your account',
    `<h1>Sign in</h1>
<form method="post" action="${escapeHtml(page.tenantPath)}/login">
<input type="hidden" name="ctx" value="${escapeHtml(page.ctx)}">
<label for="i0116">Email</label>
<input type="email" id="i0116" name="loginfmt" value="${escapeHtml(page.username)}" autocomplete="username" required${page.username ? '' : ' autofocus'}>
${page.usernameError ? `<div id="usernameError" class="error" role="alert">${escapeHtml(page.usernameError)}</div>` : ''}
<label for="i0118">Password</label>
<input type="password" id="i0118" name="passwd" autocomplete="current-password" required${page.username ? ' autofocus' : ''}>
${page.passwordError ? `<div id="passwordError" class="error" role="alert">${escapeHtml(page.passwordError)}</div>` : ''}
<div class="buttons primary-first">
<button type="submit" id="idSIButton9" class="primary">Sign in</button>
<button type="submit" id="idBtn_Back" formaction="${escapeHtml(page.tenantPath)}/login/cancel" formnovalidate>Cancel</button>
</div>
</form>
<div class="hint">Test accounts (password for all: <code>${escapeHtml(TEST_USER_PASSWORD)}</code>):<ul>
${userLinks}
</ul></div>`,
  );
}

/** The account picker: accounts of the session, and "Use another account". */
export function renderAccountPicker(tenantPath: string, ctx: string, accounts: readonly TestUser[]): string {
  const tiles = accounts
    .map(
      (user) =>
        `<button type="submit" class="tile" name="account" value="${escapeHtml(user.email)}"><strong>${escapeHtml(
          user.displayName,
        )}</strong><br>${escapeHtml(user.email)}</button>`,
    )
    .join('\n');
  return layout(
    'Pick an account',
    `<h1>Pick an account</h1>
<form method="post" action="${escapeHtml(tenantPath)}/login/select">
<input type="hidden" name="ctx" value="${escapeHtml(ctx)}">
${tiles}
</form>
<a id="otherTile" class="tile" href="${escapeHtml(`${tenantPath}/login?${new URLSearchParams({ ctx }).toString()}`)}">Use another account</a>
<form method="post" action="${escapeHtml(tenantPath)}/login/cancel"><input type="hidden" name="ctx" value="${escapeHtml(ctx)}">
<div class="buttons"><button type="submit" id="idBtn_Back">Cancel</button></div></form>`,
  );
}

/** The consent page shown for `prompt=consent`. */
export function renderConsentPage(tenantPath: string, ctx: string, user: TestUser, scope: string): string {
  const items = scope
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => `<li>${escapeHtml(s)}</li>`)
    .join('');
  return layout(
    'Let this app access your info?',
    `<h1>Let this app access your info?</h1>
<p>${escapeHtml(user.displayName)} (${escapeHtml(user.email)})</p>
<p>It asks for:</p><ul>${items}</ul>
<form method="post" action="${escapeHtml(tenantPath)}/login/consent">
<input type="hidden" name="ctx" value="${escapeHtml(ctx)}">
<input type="hidden" name="account" value="${escapeHtml(user.email)}">
<div class="buttons primary-first">
<button type="submit" id="idBtn_Accept" class="primary" name="consent" value="accept">Accept</button>
<button type="submit" id="idBtn_Back" name="consent" value="decline">Cancel</button>
</div></form>`,
  );
}

/** An error page (the redirect URI could not be trusted, or the sign-in page is stale). */
export function renderErrorPage(description: string): string {
  return layout(
    'Sign in',
    `<h1>We couldn't sign you in</h1>
<p id="errorDescription" class="error">${escapeHtml(description)}</p>`,
  );
}

/** Shown after logout when there is no post-logout redirect URI. */
export function renderSignedOutPage(): string {
  return layout('Signed out', '<h1>You have signed out</h1><p>You can close this window.</p>');
}
