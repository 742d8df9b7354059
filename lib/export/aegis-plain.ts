import type { AccountDraft } from '../otp/account';

/*
 * A plain (unencrypted) Aegis vault, content version 3, as Aegis's importer reads
 * it (docs/import-export-formats.md#aegis).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Aegis content format version written; Aegis 3.0 and later read it. */
export const AEGIS_DB_VERSION = 3;

interface AegisEntry {
  type: 'totp' | 'hotp' | 'steam';
  uuid: string;
  name: string;
  issuer: string;
  note: string;
  favorite: boolean;
  icon: null;
  icon_mime: null;
  icon_hash: null;
  info: { secret: string; algo: string; digits: number; period?: number; counter?: number };
  groups: string[];
}

export interface AegisPlainOptions {
  /** New random UUID for accounts without one; defaults to WebCrypto's randomUUID. */
  newUuid?: () => string;
}

/**
 * The accounts as a plain Aegis vault export (JSON text, 4-space indented like Aegis's).
 * An account's `id` becomes the entry's `uuid` when it is a UUID, so exports of the
 * same vault keep stable entry identities.
 */
export function toAegisPlainJson(accounts: readonly (AccountDraft & { id?: string })[], options: AegisPlainOptions = {}): string {
  const newUuid = options.newUuid ?? (() => globalThis.crypto.randomUUID());
  const entries = accounts.map((account): AegisEntry => ({
    type: account.type,
    uuid: account.id !== undefined && UUID.test(account.id) ? account.id.toLowerCase() : newUuid(),
    name: account.accountName,
    issuer: account.issuer,
    note: '',
    favorite: false,
    icon: null,
    icon_mime: null,
    icon_hash: null,
    info: {
      secret: account.secret,
      algo: account.algorithm,
      digits: account.digits,
      ...(account.type === 'hotp' ? { counter: account.counter } : { period: account.period }),
    },
    groups: [],
  }));
  const vault = {
    version: 1,
    header: { slots: null, params: null },
    db: { version: AEGIS_DB_VERSION, entries, groups: [] },
  };
  return `${JSON.stringify(vault, null, 4)}\n`;
}
