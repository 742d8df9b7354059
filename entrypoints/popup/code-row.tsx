import { memo, useState } from 'react';
import type { AccountView, CodeView } from '../../lib/messaging/protocol';
import { groupCode } from '../../lib/otp/group-code';
import { request } from '../../components/background-client';
import { t } from '../../components/i18n';
import { NextIcon } from '../../components/icons';
import { Countdown } from './countdown';

/** How long "Copied" stays on a row, in milliseconds. */
const COPIED_FEEDBACK_MS = 1500;

/** One account: issuer, name, code (click or Enter copies), countdown; HOTP gets "next code". */
export const CodeRow = memo(function CodeRow({ account, code, observe, onNewCode, onCopied, onVerify }: {
  account: AccountView;
  /** Undefined: awaiting verification, or (for a row that has a code) the current one is on its way. */
  code: CodeView | undefined;
  /** Tells the list this row is mounted (it keeps the codes of rows near the screen fresh). */
  observe(row: HTMLElement | null): (() => void) | undefined;
  onNewCode(code: CodeView): void;
  onCopied(message: string): void;
  /** For an account without its secret (restored device-bound): scan its QR code or paste its link. */
  onVerify(account: AccountView): void;
}) {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  const title = account.issuer || account.accountName;
  const subtitle = account.issuer ? account.accountName : '';

  const pending = !code && !account.needsVerification;

  async function copy() {
    if (pending) return;
    if (!code) return onVerify(account);
    try {
      await navigator.clipboard.writeText(code.value);
      // The background clears it after the user's delay, if the clipboard still holds it.
      void request('clipboard.copied', { text: code.value });
      setCopied(true);
      setFailed(false);
      onCopied(t('copiedAnnouncement', [title]));
      window.setTimeout(() => setCopied(false), COPIED_FEEDBACK_MS);
    } catch {
      setFailed(true);
    }
  }

  async function nextCode() {
    const result = await request('accounts.next-hotp', { id: account.id });
    if (result.ok) onNewCode(result.value);
  }

  return (
    <li className="code-row" data-account-id={account.id} ref={observe}>
      {/* Named by what it shows — issuer, account, code — so a screen reader hears the code;
          the shared hint says what a press does. */}
      <button type="button" className={code || pending ? 'code-button' : 'code-button verify'} onClick={copy}
        aria-describedby={code ? 'copy-hint' : undefined} aria-busy={pending || undefined} data-testid="code-button">
        <span className="names">
          <span className="issuer">{title}</span>
          {subtitle && <span className="account-name">{subtitle}</span>}
          {account.sites?.[0] && <span className="account-name account-site" data-testid="account-site">{account.sites[0]}</span>}
        </span>
        {code ? (
          <span className="code" data-testid="code" data-code={code.value}>{groupCode(code.value)}</span>
        ) : pending ? (
          // A new period began while this row was off screen: its code is being fetched.
          <span className="code pending" data-testid="code-pending">{'··· ···'}</span>
        ) : (
          <span className="needs-verification" data-testid="verify-action">{t('needsVerification', [account.issuer])}</span>
        )}
        {copied && <span className="copied" data-testid="copied">{t('copied')}</span>}
        {failed && <span className="error">{t('copyFailed')}</span>}
      </button>
      {code && code.validUntilMs !== null && (
        <Countdown key={code.validUntilMs} fromMs={code.validFromMs} untilMs={code.validUntilMs} />
      )}
      {account.type === 'hotp' && (
        <button type="button" className="icon next-code" onClick={nextCode} title={t('nextCode')} aria-label={t('nextCode')} data-testid="next-code">
          <NextIcon />
        </button>
      )}
    </li>
  );
});
