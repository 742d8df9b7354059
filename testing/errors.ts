/*
 * The one error the kit throws. `code` is the extension's own failure code when
 * the extension refused something (`wrong-password`, `invalid-account`,
 * `import-wrong-password`, …; docs/messaging.md), or one of the kit's below.
 */

/** Failures found by the kit itself, before or after asking the extension. */
export type KitOwnErrorCode =
  /** No account matches the reference given. */
  | 'account-not-found'
  /** Several accounts match the reference given: name it more precisely. */
  | 'ambiguous-account'
  /** No account is bound to the page's site. */
  | 'no-account-for-site'
  /** The account has no code on this device (a device-bound account restored without its secret). */
  | 'no-code'
  /** An export file has entries the import would leave out (each named in the message). */
  | 'import-entries-skipped'
  /** An input the kit can check itself is wrong (e.g. an impossible `minSecondsLeft`). */
  | 'invalid-argument'
  /** `fill(page)`: the toolbar click did not grant the page (it was closed or navigated away meanwhile). */
  | 'fill-not-granted'
  /** Time control was asked of a build without the test clock (a production build). */
  | 'time-control-unavailable';

export class HikaeKitError extends Error {
  override name = 'HikaeKitError';
  /** The extension's failure code, or one of {@link KitOwnErrorCode}. */
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
