import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { InvalidSiteError, normalizeSiteEntry, type SiteMatchMode } from '../../lib/autofill/site-entry';
import type { AccountView } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { t } from '../../components/i18n';
import { siteProblemMessage } from '../../components/site-problem';
import { describedBy, ErrorOf, FieldError } from '../../components/field-error';
import { useFieldErrors } from '../../components/use-field-errors';

/*
 * The sites an account's codes may be filled on (docs/autofill.md "Accounts know
 * their sites"): list, add, edit, remove, and the exact-origin switch. Each change
 * is one `accounts.update` with the whole new list; the background normalises and
 * checks again (this page's check is for saying what is wrong before a round trip).
 */

type Checked = { ok: true; entry: string } | { ok: false; message: string };

/** What a typed site becomes when stored, or what is wrong with it (named, in the user's language). */
function checkSite(input: string, mode: SiteMatchMode, others: readonly string[]): Checked {
  if (input.trim() === '') return { ok: false, message: t('siteErrorEmpty') };
  let entry: string;
  try {
    entry = normalizeSiteEntry(input, mode);
  } catch (error) {
    if (error instanceof InvalidSiteError) return { ok: false, message: siteProblemMessage(error.problem, error.input) };
    throw error;
  }
  if (others.includes(entry)) return { ok: false, message: t('siteErrorDuplicate', [entry]) };
  return { ok: true, entry };
}

/** "Fills on github.com and its subdomains": the registrable domain (or origin) a typed entry is saved as. */
function SavedAs({ id, input, mode }: { id: string; input: string; mode: SiteMatchMode }) {
  let entry: string | null = null;
  try {
    entry = input.trim() === '' ? null : normalizeSiteEntry(input, mode);
  } catch {
    entry = null;
  }
  return (
    <p className="muted small site-saved-as" id={id} data-testid="site-saved-as">
      {entry && t(mode === 'origin' ? 'siteSavedAsOrigin' : 'siteSavedAsDomain', [entry])}
    </p>
  );
}

/** One site being edited in place: Enter saves, Escape cancels. */
function SiteRowEditor({ site, mode, others, onSave, onCancel }: {
  site: string;
  mode: SiteMatchMode;
  others: readonly string[];
  onSave(entry: string): Promise<string | null>;
  onCancel(): void;
}) {
  const [text, setText] = useState(site);
  const errors = useFieldErrors<'site-edit'>();
  const ids = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    const checked = checkSite(text, mode, others);
    const error = checked.ok ? await onSave(checked.entry) : checked.message;
    errors.show(error === null ? {} : { 'site-edit': error });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form ref={errors.form} className="site-row-editor" onSubmit={save} onKeyDown={onKeyDown} noValidate>
      <label>
        {t('siteFieldEdit')}
        <input name="site-edit" value={text} onChange={(e) => { setText(e.target.value); errors.clear('site-edit'); }} autoFocus spellCheck={false}
          autoComplete="off" {...errors.field('site-edit', `${ids}-saved`)} />
      </label>
      <SavedAs id={`${ids}-saved`} input={text} mode={mode} />
      <ErrorOf form={errors} field="site-edit" />
      <div className="buttons">
        <button type="submit" className="primary">{t('save')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

/** The site editor of one account, under its row in the options page's account list. */
export function SiteEditor({ account, onChanged }: { account: AccountView; onChanged(): Promise<void> | void }) {
  const [sites, setSites] = useState<string[]>(account.sites ?? []);
  const [mode, setMode] = useState<SiteMatchMode>(account.siteMatch ?? 'domain');
  const [newSite, setNewSite] = useState('');
  // The add form's one field, through the shared field errors (components/use-field-errors.ts).
  const newErrors = useFieldErrors<'site-new'>();
  const setNewError = (error: string | null) => newErrors.show(error === null ? {} : { 'site-new': error });
  const [modeError, setModeError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const newInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const ids = useId();
  const name = account.issuer || account.accountName;

  // Another page (or the popup's first-use binding) may change the sites meanwhile: show what is stored.
  const stored = JSON.stringify([account.sites ?? [], account.siteMatch ?? 'domain']);
  useEffect(() => {
    setSites(account.sites ?? []);
    setMode(account.siteMatch ?? 'domain');
  }, [stored]); // `stored` stands for both fields

  /** Saves a whole new binding; answers the error to show, or null when saved. */
  async function save(edit: { sites?: string[]; siteMatch?: SiteMatchMode }, done: string): Promise<string | null> {
    const result = await request('accounts.update', { id: account.id, edit });
    if (!result.ok) return failureMessage(result.error);
    setSites(result.value.sites ?? []);
    setMode(result.value.siteMatch ?? 'domain');
    setAnnouncement(done);
    await onChanged();
    return null;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const checked = checkSite(newSite, mode, sites);
    if (!checked.ok) return setNewError(checked.message);
    const error = await save({ sites: [...sites, checked.entry] }, t('siteAddedAnnouncement', [checked.entry]));
    setNewError(error);
    if (error === null) {
      setNewSite('');
      newInput.current?.focus();
    }
  }

  async function remove(index: number) {
    const site = sites[index] as string;
    const error = await save({ sites: sites.filter((_, i) => i !== index) }, t('siteRemovedAnnouncement', [site]));
    setNewError(error);
    if (error === null) newInput.current?.focus();
  }

  async function replace(index: number, entry: string): Promise<string | null> {
    const error = await save({ sites: sites.map((s, i) => (i === index ? entry : s)) }, t('siteSavedAnnouncement'));
    if (error === null) {
      setEditing(null);
      requestAnimationFrame(() => list.current?.querySelectorAll<HTMLButtonElement>('button.site-edit')[index]?.focus());
    }
    return error;
  }

  async function switchMode(exact: boolean) {
    setModeError(await save({ siteMatch: exact ? 'origin' : 'domain' }, t('siteSavedAnnouncement')));
  }

  return (
    <section className="site-editor" aria-labelledby={`${ids}-title`} data-testid="site-editor">
      <h3 id={`${ids}-title`}>{t('sitesTitle', [name])}</h3>
      <p className="muted small">{t('sitesHelp')}</p>
      {sites.length === 0 ? (
        <p className="muted small" data-testid="sites-none">{t('sitesNone')}</p>
      ) : (
        <ul ref={list} className="site-list" aria-labelledby={`${ids}-title`}>
          {sites.map((site, index) => (
            <li key={site} data-testid="site-item">
              {editing === index ? (
                <SiteRowEditor site={site} mode={mode} others={sites.filter((_, i) => i !== index)} onSave={(entry) => replace(index, entry)}
                  onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <span className="site-entry" data-testid="site-entry">{site}</span>
                  <button type="button" className="site-edit" onClick={() => setEditing(index)} aria-label={t('siteEditLabel', [site])}>{t('edit')}</button>
                  <button type="button" className="danger" onClick={() => void remove(index)} aria-label={t('siteRemoveLabel', [site])}>{t('siteRemove')}</button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form ref={newErrors.form} className="site-add" onSubmit={add} noValidate>
        <label htmlFor={`${ids}-new`}>{t('siteFieldNew')}</label>
        <div className="site-add-row">
          <input ref={newInput} id={`${ids}-new`} name="site-new" value={newSite} placeholder="github.com" spellCheck={false} autoComplete="off"
            onChange={(e) => { setNewSite(e.target.value); newErrors.clear('site-new'); }} {...newErrors.field('site-new', `${ids}-new-saved`)} />
          <button type="submit">{t('siteAdd')}</button>
        </div>
        <SavedAs id={`${ids}-new-saved`} input={newSite} mode={mode} />
        <ErrorOf form={newErrors} field="site-new" />
      </form>
      <label className="checkbox">
        <input type="checkbox" name="site-exact-origin" checked={mode === 'origin'} onChange={(e) => void switchMode(e.target.checked)}
          aria-describedby={[`${ids}-exact-help`, describedBy(`${ids}-exact-error`, modeError)].filter(Boolean).join(' ')} />
        {t('siteExactOrigin')}
      </label>
      <p className="muted small" id={`${ids}-exact-help`}>{t('siteExactOriginHelp')}</p>
      <FieldError id={`${ids}-exact-error`} message={modeError} />
      <div className="visually-hidden" role="status" aria-live="polite">{announcement}</div>
    </section>
  );
}
