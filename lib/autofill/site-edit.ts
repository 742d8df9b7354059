import { convertSiteEntry, normalizeSiteList, type SiteMatchMode } from './site-entry';
import type { SiteBinding } from './site-match';

/*
 * An edit of an account's sites (the options page's site editor, the popup's
 * "remember it for this account"), applied the way the account stores them
 * (docs/autofill.md "Accounts know their sites").
 */

/** What an edit may say about sites: a whole new list, the match mode, or both. */
export interface SiteEdit {
  sites?: readonly string[];
  siteMatch?: SiteMatchMode;
}

/** An account's sites as stored: no `sites` when empty, no `siteMatch` for the default (`domain`). */
export interface StoredBinding {
  sites?: string[];
  siteMatch?: 'origin';
}

/**
 * The account's binding after `edit`: each entry normalised for the resulting
 * mode, repeats dropped. Switching the mode without a new list converts the
 * existing entries (`https://login.example.com` ↔ `example.com`). Throws
 * InvalidSiteError (nothing is half applied: the caller writes the whole result or
 * nothing).
 */
export function applySiteEdit(current: SiteBinding, edit: SiteEdit): StoredBinding {
  const mode: SiteMatchMode = edit.siteMatch ?? current.siteMatch ?? 'domain';
  const entries = edit.sites ?? (current.sites ?? []).map((entry) => convertSiteEntry(entry, mode));
  const sites = normalizeSiteList(entries, mode);
  return { ...(sites.length > 0 ? { sites } : {}), ...(mode === 'origin' ? { siteMatch: 'origin' as const } : {}) };
}

/** Whether the edit touches sites at all (an edit of names only leaves them exactly as stored). */
export const editsSites = (edit: SiteEdit): boolean => edit.sites !== undefined || edit.siteMatch !== undefined;
