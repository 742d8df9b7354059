import { t } from '../../components/i18n';
import { h, icon } from './dom';
import { openOptions } from './open-options';

/**
 * The popup's header: its name, the backup alert when the backup is behind,
 * "Add account" (the options page's Add, for a key typed or pasted; the empty
 * list offers it too), "Scan this page", the options and "Lock now".
 */
export class PopupHeader {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private alert: HTMLElement | null = null;

  constructor(actions: { scan(): void; lock(): void }) {
    const button = (label: string, name: 'add' | 'scan' | 'settings' | 'lock', onClick: () => void, testId?: string) => {
      const element = h('button', { type: 'button', class: 'icon', title: label, 'aria-label': label, 'data-testid': testId }, icon(name));
      element.addEventListener('click', onClick);
      return element;
    };
    this.title = h('h1', {}, t('extShortName'));
    this.element = h('header', { class: 'popup-header' },
      this.title,
      button(t('addAccount'), 'add', () => openOptions('add'), 'add-account'),
      button(t('scanPage'), 'scan', () => {
        performance.mark('scan-clicked');
        actions.scan();
      }, 'scan-page'),
      button(t('openOptions'), 'settings', () => openOptions('accounts')),
      button(t('lockNow'), 'lock', () => actions.lock(), 'lock'));
  }

  /** Shows or hides the backup alert. */
  setBackupBehind(behind: boolean): void {
    if (behind === (this.alert !== null)) return;
    if (!behind) {
      this.alert?.remove();
      this.alert = null;
      return;
    }
    // Words, not only a red icon: what is wrong and that a click fixes it.
    this.alert = h('button', { type: 'button', class: 'alert-chip', 'data-testid': 'backup-alert' }, icon('alert'), ` ${t('backupAlert')} — ${t('fix')}`);
    this.alert.addEventListener('click', () => openOptions('backup'));
    this.title.after(this.alert);
  }
}
