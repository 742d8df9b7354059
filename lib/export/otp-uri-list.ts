import type { AccountDraft } from '../otp/account';
import { toOtpUri } from '../otp/uri';

/**
 * The accounts as a list of otpauth:// links, one per line ("\n"), each line ended.
 * Every field of our model except `site` and `deviceBound` is carried; any
 * authenticator that reads a URI list (and Hikae) reads it back unchanged.
 */
export function toOtpUriList(accounts: readonly AccountDraft[]): string {
  return accounts.map((account) => `${toOtpUri(account)}\n`).join('');
}
