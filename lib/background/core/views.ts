import type { Account } from '../../otp/account';
import { generateCode } from '../../otp/code';
import type { AccountView, CodeView } from '../../messaging/protocol';

/** An account as a page may see it: everything but the secret. */
export function toView(account: Account): AccountView {
  const { secret: _secret, ...view } = account;
  return view;
}

/** The current code of every account that has a secret, at `nowMs`. */
export function codesFor(accounts: readonly Account[], nowMs: number): CodeView[] {
  const codes: CodeView[] = [];
  for (const account of accounts) {
    if (account.needsVerification || account.secret === '') continue;
    codes.push({ id: account.id, ...generateCode(account, nowMs) });
  }
  return codes;
}
