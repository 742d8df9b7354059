/** The fields of an account an error can be about; the UI shows the message next to that field. */
export type AccountField =
  | 'uri'
  | 'issuer'
  | 'accountName'
  | 'secret'
  | 'type'
  | 'algorithm'
  | 'digits'
  | 'period'
  | 'counter';

/** What is wrong, as a stable code the UI translates. */
export type AccountProblem =
  | 'required'
  | 'too-long'
  | 'control-characters'
  | 'invalid-base32'
  | 'unsupported'
  | 'out-of-range'
  | 'not-an-integer'
  | 'not-otpauth'
  | 'malformed';

/** An account (or the otpauth:// link describing one) is invalid; names the field. */
export class InvalidAccountError extends Error {
  override readonly name = 'InvalidAccountError';
  constructor(readonly field: AccountField, readonly problem: AccountProblem, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
