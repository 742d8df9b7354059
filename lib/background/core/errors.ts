/** The request is well-formed but makes no sense for its target (e.g. "next code" on a TOTP account). */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}
