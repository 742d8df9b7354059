import type { AccountView, CodeView } from '../../lib/messaging/protocol';
import { groupCode } from '../../lib/otp/group-code';
import { request } from '../../components/background-client';
import { t } from '../../components/i18n';
import { countdown } from './countdown';
import { h, icon } from './dom';
import { accountLabel } from '../../lib/display/account-label';

/** How long "Copied" stays on a row, in milliseconds. */
const COPIED_FEEDBACK_MS = 1500;

/** What a row asks of its list. */
export interface RowActions {
  /** Says `message` to screen readers (the list's live region). */
  announce(message: string): void;
  /** For an account without its secret (restored device-bound): scan its QR code or paste its link. */
  verify(account: AccountView): void;
  /** An HOTP account's next code arrived. */
  newCode(code: CodeView): void;
  /** Pins the account to the top, or unpins it. */
  pin(account: AccountView, pinned: boolean): void;
}

/**
 * One account: issuer, name, code (click or Enter copies), countdown; HOTP gets
 * "next code". Built once; {@link CodeRow.show} swaps the code in place.
 * The SVG parts (countdown ring, pin icon) are the costly ones to build, so a row
 * far from the screen goes without them until {@link CodeRow.decorate} (#15:
 * a thousand rows in one go); its code is there from the start.
 */
export class CodeRow {
  readonly element: HTMLLIElement;
  private readonly button: HTMLButtonElement;
  private codeElement: HTMLElement;
  private ring: HTMLElement | null = null;
  private code: CodeView | undefined;
  private feedback: HTMLElement | null = null;
  private feedbackTimer = 0;
  private built = false;
  private decorated = false;
  private readonly pinButton: HTMLButtonElement;

  constructor(readonly account: AccountView, code: CodeView | undefined, private readonly actions: RowActions) {
    const title = account.issuer || account.accountName;
    const site = account.sites?.[0];
    this.codeElement = h('span');
    // Named by what it shows — issuer, account, code — so a screen reader hears the code;
    // the shared hint says what a press does.
    this.button = h('button', { type: 'button', 'data-testid': 'code-button' },
      h('span', { class: 'names', title: accountLabel(account) },
        h('span', { class: 'issuer' }, title),
        account.issuer && h('span', { class: 'account-name' }, account.accountName),
        site && h('span', { class: 'account-name account-site', 'data-testid': 'account-site' }, site)),
      this.codeElement);
    this.button.addEventListener('click', () => void this.copy());
    this.element = h('li', { class: 'code-row', 'data-account-id': account.id }, this.button);
    if (account.type === 'hotp') {
      const next = h('button', { type: 'button', class: 'icon next-code', title: t('nextCode'), 'aria-label': t('nextCode'), 'data-testid': 'next-code' }, icon('next'));
      next.addEventListener('click', () => void this.nextCode());
      this.element.append(next);
    }
    // One label, pressed or not: a toggle (docs/popup-display.md, "Pins and order"). Not a Tab
    // stop of its own (shown only on the row pointed at or focused, it would be one per row):
    // → from the row's code reaches it, ← goes back (code-list.ts), and the hint says so.
    const pinLabel = t('pinAccount', [title]);
    this.pinButton = h('button', { type: 'button', class: 'icon pin', tabindex: '-1', 'aria-pressed': 'false', title: pinLabel, 'aria-label': pinLabel, 'data-testid': 'pin' });
    this.pinButton.addEventListener('click', () => actions.pin(account, this.pinButton.getAttribute('aria-pressed') !== 'true'));
    this.element.append(this.pinButton);
    this.show(code);
  }

  /** Awaiting its code: an account with a secret whose current code is on its way. */
  private get pending(): boolean {
    return !this.code && !this.account.needsVerification;
  }

  /** Shows `code`; undefined: the current one is on its way (or the account awaits verification). */
  show(code: CodeView | undefined): void {
    const same = code === this.code || (code && this.code && code.value === this.code.value && code.validUntilMs === this.code.validUntilMs && code.next === this.code.next);
    this.code = code;
    if (same && this.built) return;
    this.built = true;
    const { button } = this;
    button.className = code || this.pending ? 'code-button' : 'code-button verify';
    if (code) button.setAttribute('aria-describedby', 'copy-hint');
    else button.removeAttribute('aria-describedby');
    if (this.pending) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
    const shown = code
      ? codeLine(code)
      : this.pending
        // A new period began while this row was off screen: its code is being fetched.
        ? h('span', { class: 'code pending', 'data-testid': 'code-pending' }, '··· ···')
        : h('span', { class: 'needs-verification', 'data-testid': 'verify-action' }, t('needsVerification', [this.account.issuer]));
    this.codeElement.replaceWith(shown);
    this.codeElement = shown;
    if (this.decorated) this.placeRing();
  }

  /** The row is on screen or about to be: its countdown ring and pin icon are built (once). */
  decorate(): void {
    if (this.decorated) return;
    this.decorated = true;
    this.placeRing();
    if (!this.pinButton.firstChild) this.pinButton.append(icon('pin'));
  }

  setPinned(pinned: boolean): void {
    this.pinButton.setAttribute('aria-pressed', String(pinned));
    this.pinButton.classList.toggle('pinned', pinned);
    // A pinned row shows its pin even when not hovered (popup.css).
    if (pinned && !this.pinButton.firstChild) this.pinButton.append(icon('pin'));
  }

  /** The countdown of the code shown, if it has an expiry (a new code gets a new ring). */
  private placeRing(): void {
    const code = this.code;
    const ring = code && code.validUntilMs !== null ? countdown(code.validFromMs, code.validUntilMs) : null;
    this.ring?.remove();
    if (ring) this.button.after(ring);
    this.ring = ring;
  }

  private async copy(): Promise<void> {
    const code = this.code;
    if (this.pending) return;
    if (!code) return this.actions.verify(this.account);
    try {
      await navigator.clipboard.writeText(code.value);
      // The background clears it after the user's delay, if the clipboard still holds it.
      void request('clipboard.copied', { text: code.value, id: this.account.id });
      this.setFeedback(h('span', { class: 'copied', 'data-testid': 'copied' }, t('copied')));
      this.feedbackTimer = window.setTimeout(() => this.setFeedback(null), COPIED_FEEDBACK_MS);
      this.actions.announce(t('copiedAnnouncement', [this.account.issuer || this.account.accountName]));
    } catch {
      this.setFeedback(h('span', { class: 'error' }, t('copyFailed')));
    }
  }

  /** "Copied" or the copy's failure, inside the button; `null` clears it. */
  private setFeedback(feedback: HTMLElement | null): void {
    window.clearTimeout(this.feedbackTimer);
    this.feedback?.remove();
    this.feedback = feedback;
    if (feedback) this.button.append(feedback);
  }

  private async nextCode(): Promise<void> {
    const result = await request('accounts.next-hotp', { id: this.account.id });
    if (result.ok) this.actions.newCode(result.value);
  }
}

const mask = (value: string) => groupCode('•'.repeat(value.length));

/**
 * The code, its mask (shown by CSS instead while "hide codes" is on and the row is
 * neither hovered nor focused; hidden from screen readers), and in the last seconds
 * of a period the next code, labelled (docs/popup-display.md).
 */
export function codeLine(code: CodeView): HTMLElement {
  return h('span', { class: 'code-line' },
    // The code's expiry travels with the code: the countdown ring is built only once the
    // row comes near the screen (#15), so it can't be where the code's validity is read.
    h('span', { class: 'code', 'data-testid': 'code', 'data-code': code.value, 'data-valid-until': code.validUntilMs }, groupCode(code.value)),
    h('span', { class: 'code code-mask', 'aria-hidden': 'true', 'data-testid': 'code-mask' }, mask(code.value)),
    code.next && h('span', { class: 'next-preview', 'data-testid': 'next-preview' }, `${t('nextCodeLabel')} `,
      h('span', { class: 'next-value', 'data-code': code.next }, groupCode(code.next)),
      h('span', { class: 'next-mask', 'aria-hidden': 'true' }, mask(code.next))));
}
