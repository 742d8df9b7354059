import { useEffect, useRef, useState } from 'react';
import type { SiteAccountsView } from '../../lib/autofill/fill-view';
import type { AccountView } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { t } from '../../components/i18n';
import { scanTargetTab } from './scan-target-tab';

/*
 * "This site's accounts first" (docs/autofill.md "What each trigger does"): when the
 * popup opens it asks the background which accounts match the active tab, by the
 * URL the browser reports; the matching and the resemblance check run there, not
 * on the popup's start path. Each listed account has Fill (a button: Enter or a
 * click); accounts without a site may be bound only through the explicit
 * "Fill on … and remember it for this account".
 */

const nameOf = (account: AccountView) => account.issuer || account.accountName;

/** The top of the popup's list on a web page: its accounts with Fill, or why none. */
export function SiteFill({ accounts }: { accounts: AccountView[] }) {
  const [view, setView] = useState<SiteAccountsView | null>(null);
  const [binding, setBinding] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const firstFill = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const tabId = await scanTargetTab();
      if (tabId === null) return;
      const answer = await request('fill.site-accounts', { tabId });
      if (live && answer.ok) setView(answer.value);
    })();
    return () => {
      live = false;
    };
  }, []);

  // The site's first account is where Enter fills, as soon as it is known.
  const hasMatch = (view?.matching.length ?? 0) > 0;
  useEffect(() => {
    if (hasMatch) firstFill.current?.focus();
  }, [hasMatch]);

  if (!view) return null;
  if (!view.page) {
    // A browser page or a file: nothing to say. Plain http on a real host: say why nothing fills.
    if (view.problem !== 'insecure') return null;
    return (
      <section className="site-fill" aria-labelledby="site-fill-title" data-testid="site-fill">
        <h2 id="site-fill-title" className="site-fill-title">{t('fillOnSite', [view.host ?? ''])}</h2>
        <p className="muted site-fill-none" data-testid="site-fill-none">{t('errorFillInsecure', [view.host ?? ''])}</p>
      </section>
    );
  }
  const page = view.page;
  const byId = new Map(accounts.map((a) => [a.id, a] as const));
  const matching = view.matching.flatMap((id) => byId.get(id) ?? []);
  const unbound = view.unbound.flatMap((u) => {
    const account = byId.get(u.id);
    return account ? [{ account, resembles: u.resemblesSite }] : [];
  });

  const current = view;
  const fill = async (account: AccountView, bindFirst: boolean) => {
    setStatus({ text: t('fillWorking'), error: false });
    if (bindFirst) {
      const bound = await request('fill.bind-site', { tabId: current.tabId, accountId: account.id });
      if (!bound.ok) return setStatus({ text: failureMessage(bound.error), error: true });
      setBinding(null);
    }
    const filled = await request('fill.account', { tabId: current.tabId, accountId: account.id });
    if (!filled.ok) return setStatus({ text: failureMessage(filled.error), error: true });
    setStatus({ text: t(filled.value.waitedMs > 0 ? 'fillWaitedFilled' : 'fillFilled', [filled.value.frameHost]), error: false });
    if (bindFirst) {
      // Now one of the site's accounts: list it there, as the next opening of the popup will.
      setView({ ...current, matching: [...current.matching, account.id], unbound: current.unbound.filter((u) => u.id !== account.id) });
    }
  };

  return (
    <section className="site-fill" aria-labelledby="site-fill-title" data-testid="site-fill">
      <h2 id="site-fill-title" className="site-fill-title">{t('fillOnSite', [page.site])}</h2>
      {matching.length > 0 ? (
        <ul className="site-fill-list" aria-labelledby="site-fill-title">
          {matching.map((account, index) => (
            <li key={account.id} data-testid="site-account" data-account-id={account.id}>
              <span className="names">
                <span className="issuer">{nameOf(account)}</span>
                {account.issuer && <span className="account-name">{account.accountName}</span>}
              </span>
              <button type="button" className="primary" ref={index === 0 ? firstFill : undefined} onClick={() => void fill(account, false)}
                aria-label={t('fillButtonLabel', [nameOf(account)])} data-testid="fill">{t('fillButton')}</button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted site-fill-none" data-testid="site-fill-none">
          {view.hints[0] ? t('errorFillNoAccountHint', [page.site, view.hints[0].issuer, view.hints[0].site]) : t('errorFillNoAccount', [page.site])}
        </p>
      )}
      {unbound.length > 0 && (
        <details className="site-fill-unbound" data-testid="site-fill-unbound" open={matching.length === 0}>
          <summary>{t('fillUnboundTitle')}</summary>
          <ul>
            {unbound.map(({ account, resembles }) => (
              <li key={account.id} data-testid="unbound-account">
                <span className="issuer" id={`unbound-${account.id}`}>{nameOf(account)}</span>
                {binding === account.id ? (
                  <div className="site-fill-bind" role="group" aria-label={t('fillBindConfirm', [page.site])}>
                    {!resembles && <p className="warning" role="alert" data-testid="bind-warning">{t('fillBindWarning', [nameOf(account), page.site])}</p>}
                    <button type="button" className={resembles ? 'primary' : 'danger'} onClick={() => void fill(account, true)} autoFocus
                      data-testid="bind-confirm">{t('fillBindConfirm', [page.site])}</button>
                    <button type="button" onClick={() => setBinding(null)}>{t('cancel')}</button>
                  </div>
                ) : (
                  <button type="button" onClick={() => setBinding(account.id)} aria-describedby={`unbound-${account.id}`}
                    data-testid="bind-offer">{t('fillBindOffer', [page.site])}</button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className={status?.error ? 'error' : 'muted'} role="status" aria-live="polite" data-testid="fill-status">{status?.text}</p>
    </section>
  );
}

export default SiteFill;
