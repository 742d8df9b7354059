import type { Snapshot } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { t } from '../../components/i18n';
import { CodeList } from './code-list';
import { h } from './dom';
import { LazyIsland } from './lazy-island';
import { openOptions } from './open-options';
import { PopupHeader } from './popup-header';
import type { ScanStart } from './scan-found-banner';
import { SiteSection } from './site-section';

/**
 * The unlocked popup: the header, this site's accounts with their codes and Fill,
 * and the accounts with their live codes (plain DOM, on the start path: all in the
 * first answer's paint), then — once every row is in — the React island above the
 * list: codes found on this tab. "Scan this page" takes the list's place until it
 * is closed.
 */
export class UnlockedView {
  private readonly header: PopupHeader;
  private readonly list: CodeList;
  private readonly site: SiteSection;
  private islandsStarted = false;
  private scanFound: LazyIsland<'scanFound'> | null = null;
  private panel: LazyIsland<'scanPanel'> | null = null;

  constructor(private readonly root: HTMLElement, private readonly reload: () => void) {
    this.header = new PopupHeader({
      scan: () => this.openScan({}),
      lock: () => void request('vault.lock', {}).then(reload),
    });
    this.site = new SiteSection(reload);
    this.list = new CodeList({
      openOptions,
      scan: () => this.openScan({}),
      changed: reload,
      locked: reload,
      verify: (account) => openOptions(`verify-${account.id}`),
      masked: (masked) => this.site.setMasked(masked),
    });
    // The site's accounts come first, in the page and in the keyboard's order.
    root.replaceChildren(this.header.element, this.site.element, this.list.element);
    this.list.focus();
  }

  /** Shows a snapshot of the unlocked vault (the first screen's accounts, or all of them). */
  update(snapshot: Snapshot): void {
    this.header.setBackupBehind(snapshot.backupBehind);
    this.site.show(snapshot.site, snapshot.codes, snapshot.accounts);
    this.list.show(snapshot.accounts, snapshot.codes, snapshot.display);
    if (!this.islandsStarted && snapshot.accounts.length === snapshot.accountCount) {
      this.islandsStarted = true;
      // After the frame that shows every code: React's chunk loads while nobody waits on it.
      requestAnimationFrame(() => setTimeout(() => this.placeIslands(), 0));
    } else if (this.islandsStarted) {
      this.placeIslands();
    }
  }

  /** The view is replaced (locked, or an error). */
  destroy(): void {
    this.list.destroy();
    this.site.destroy();
    for (const island of [this.scanFound, this.panel]) island?.remove();
  }

  /** The island above the list, where it belongs now (none while the scan panel is open). */
  private placeIslands(): void {
    if (this.panel) return;
    this.scanFound ??= new LazyIsland(h('div'), 'scanFound', { onOpen: (start) => this.openScan(start) });
    if (!this.scanFound.container.isConnected) this.site.element.before(this.scanFound.container);
  }

  private openScan(start: ScanStart): void {
    if (this.panel) return;
    this.scanFound?.container.remove();
    this.site.element.remove();
    this.list.element.remove();
    const placeholder = h('p', { class: 'muted popup-body' }, t('scanScanning'));
    this.panel = new LazyIsland(h('div'), 'scanPanel', { start, onClose: () => this.closeScan(), onAdded: this.reload }, placeholder);
    this.root.append(this.panel.container);
  }

  private closeScan(): void {
    this.panel?.remove();
    this.panel = null;
    this.root.append(this.site.element, this.list.element);
    if (this.islandsStarted) this.placeIslands();
    this.list.focus();
  }
}
