import type { LockState, Snapshot } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { listenToPageEvents } from '../../components/page-events';
import { h } from './dom';
import { LazyIsland, loadIslands } from './lazy-island';
import { openOptions } from './open-options';
import { scanTargetTab } from './scan-target-tab';
import { UnlockedView } from './unlocked-view';

/**
 * Accounts asked for first: more than the popup's first screen holds (about
 * eight rows), so the first scroll finds codes too. Their codes come in the
 * first answer; the rest of the accounts follow in a second one.
 */
export const FIRST_SCREEN_ACCOUNTS = 24;

/**
 * The toolbar popup: first run, locked, or the accounts with their live codes.
 * Its data comes first screen first: the vault state, the first accounts and the
 * current tab's accounts with their codes, and — asked in the same breath,
 * answered after — every account (names for search, rows for scrolling). Read
 * again whole when the background reports a change.
 */
export class Popup {
  private view: UnlockedView | null = null;
  private form: { state: LockState; island: LazyIsland<'unlock'> | LazyIsland<'createVault'> } | null = null;
  /** Answers are shown in the order their requests were sent: an older one never overwrites a newer one. */
  private sent = 0;
  private shown = 0;
  /** The tab under the popup, asked once: every snapshot brings its page's accounts (docs/autofill.md). */
  private readonly tab = scanTargetTab().catch(() => null);

  constructor(private readonly root: HTMLElement) {}

  start(): void {
    // Both asked at once: the background answers the first screen first, then works
    // on every account while the popup shows those (#15: not one round trip after the other).
    void this.load(FIRST_SCREEN_ACCOUNTS);
    void this.load();
    listenToPageEvents(['vault', 'accounts', 'cloud'], () => void this.load());
  }

  private readonly reload = () => void this.load();

  private async load(first?: number): Promise<void> {
    const mine = ++this.sent;
    const tabId = await this.tab;
    // In the popup's order (pinned first, then the chosen sort), with the display settings.
    const result = await request('vault.snapshot', { ordered: true, ...(first === undefined ? {} : { first }), ...(tabId === null ? {} : { tabId }) });
    if (mine < this.shown) return;
    this.shown = mine;
    if (!result.ok) {
      this.clear();
      this.root.replaceChildren(h('p', { class: 'error', role: 'alert' }, failureMessage(result.error)));
      return;
    }
    this.render(result.value);
  }

  private render(snapshot: Snapshot): void {
    const { state } = snapshot.status;
    if (state === 'unlocked') {
      if (!this.view) {
        this.clear();
        this.view = new UnlockedView(this.root, this.reload);
      }
      this.view.update(snapshot);
      return;
    }
    // First run or locked: React's forms. The form stays as it is while the state does.
    if (this.form?.state === state) return;
    this.clear();
    void loadIslands();
    const body = h('main', { class: 'popup-body' });
    this.root.replaceChildren(body);
    const island = state === 'uninitialized'
      ? new LazyIsland(body, 'createVault', { onCreated: this.reload, onBeginRecovery: () => openOptions('recovery') })
      : new LazyIsland(body, 'unlock', { onUnlocked: this.reload });
    this.form = { state, island };
  }

  private clear(): void {
    this.view?.destroy();
    this.view = null;
    this.form?.island.remove();
    this.form = null;
  }
}
