import type { Account } from '../../otp/account';
import { generateCode } from '../../otp/code';
import { inNextCodeWindow } from '../../otp/next-code';
import type { AccountView, CodeView } from '../../messaging/protocol';

/** An account as a page may see it: everything but the secret. */
export function toView(account: Account): AccountView {
  const { secret: _secret, ...view } = account;
  return view;
}

/**
 * The current code of every account that has a secret, at `nowMs`; a time-based
 * code in the last part of its period comes with the next one (docs/popup-display.md).
 */
export function codesFor(accounts: readonly Account[], nowMs: number): CodeView[] {
  const codes: CodeView[] = [];
  for (const account of accounts) {
    if (account.needsVerification || account.secret === '') continue;
    const code = generateCode(account, nowMs);
    const next = code.validUntilMs !== null && inNextCodeWindow(code, nowMs) ? generateCode(account, code.validUntilMs).value : undefined;
    codes.push(next === undefined ? { id: account.id, ...code } : { id: account.id, ...code, next });
  }
  return codes;
}
