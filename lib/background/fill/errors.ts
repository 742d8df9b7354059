import type { SiteHint } from '../../autofill/resemblance';

/*
 * Why a fill did not happen (docs/autofill.md). Each becomes a `fill-…` failure the
 * popup explains; nothing of the code is in any of them.
 */

/** The page can never get a code: not a web page, http outside loopback, or the browser refused the fill script. */
export class FillPageRefusedError extends Error {
  override readonly name = 'FillPageRefusedError';
  constructor(
    readonly problem: 'not-web' | 'insecure' | 'not-scriptable',
    readonly host: string | null,
    options?: { cause?: unknown },
  ) {
    super(
      problem === 'insecure'
        ? `Codes are filled on https pages only (${host ?? 'this page'} is http).`
        : problem === 'not-web'
          ? 'Codes are filled on web pages only.'
          : 'The browser does not let the extension fill this page.',
      options,
    );
  }
}

/** No account (or not the one asked for) is bound to the page's site. */
export class NoAccountForSiteError extends Error {
  override readonly name = 'NoAccountForSiteError';
  constructor(
    readonly host: string,
    readonly site: string,
    readonly hints: SiteHint[],
  ) {
    const hint = hints[0];
    super(`No account for ${site}${hint ? ` — ${hint.issuer}'s is ${hint.site}` : ''}.`);
  }
}

/** Several accounts are bound to the page: the user picks one in the popup. */
export class SeveralAccountsError extends Error {
  override readonly name = 'SeveralAccountsError';
  constructor(readonly accountIds: string[]) {
    super(`${accountIds.length} accounts are bound to this site: choose one.`);
  }
}

/** The only code field is in a frame that is not on the account's site. */
export class FrameOffSiteError extends Error {
  override readonly name = 'FrameOffSiteError';
  constructor(
    readonly frameHost: string | null,
    readonly site: string,
  ) {
    super(`The code field is in a frame of ${frameHost ?? 'another page'}, not ${site}: nothing was filled.`);
  }
}

/** No visible, enabled code field in any frame the fill script reached. */
export class NoFieldError extends Error {
  override readonly name = 'NoFieldError';
  override readonly message = 'No code field found on this page.';
}

/** The page navigated, closed or refused before the digits were written. */
export class FillInterruptedError extends Error {
  override readonly name = 'FillInterruptedError';
  constructor(message = 'The page changed before the code was filled: nothing was filled.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class AlreadyBoundError extends Error {
  override readonly name = 'AlreadyBoundError';
  constructor(readonly sites: string[]) {
    super(`This account is for ${sites.join(', ')}: it is not bound to another site from the popup.`);
  }
}

/** The background was started without fill ports: a wiring bug, never a user's problem. */
export class FillNotWiredError extends Error {
  override readonly name = 'FillNotWiredError';
  override readonly message = 'Filling is not wired into this background.';
}
