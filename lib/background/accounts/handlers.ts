import { applySiteEdit, editsSites } from '../../autofill/site-edit';
import type { Account, AccountDraft } from '../../otp/account';
import { generateCode } from '../../otp/code';
import { findDuplicate, sameIssuerAndName, type DuplicateReason } from '../../otp/duplicates';
import { accountLabel } from '../../otp/label';
import { parseOtpUri } from '../../otp/uri';
import { validateDraft, validateNames } from '../../otp/validate';
import { accountsFromDrafts, deleteAccount, nextStamp, reorderAccounts, type VaultContents } from '../../vault';
import type { Handler, HandlersFor } from '../core';
import { BadRequestError } from '../core';
import { AccountNotFoundError, DuplicateAccountError } from './errors';
import type { BackgroundPorts } from '../core';
import { changeContents } from '../vault';
import { toView } from '../core';
import { findDeleted, forgetDeleted, rememberDeleted } from './undo-store';
import { codesGet } from './code-handlers';
import type { ACCOUNT_REQUESTS } from '../../messaging/requests/accounts';

function indexOf(contents: VaultContents, id: string): number {
  const index = contents.accounts.findIndex((a) => a.id === id);
  if (index < 0) throw new AccountNotFoundError(id);
  return index;
}

function assertNotDuplicate(accounts: readonly Account[], draft: Pick<AccountDraft, 'issuer' | 'accountName' | 'secret'>): void {
  const duplicate = findDuplicate(accounts, draft);
  if (duplicate) throw duplicateError(duplicate);
}

const duplicateError = ({ existing, reason }: { existing: Account; reason: DuplicateReason }) =>
  new DuplicateAccountError(existing.id, reason, accountLabel(existing));

/**
 * Adds a validated draft at the end of the list (the user's order) — or, when it
 * is the QR code / link of a restored device-bound account waiting for its
 * secret (same issuer and name), completes that account in place.
 */
export async function addAccount(ports: BackgroundPorts, draft: AccountDraft, { sameNameAllowed = false } = {}): Promise<Account> {
  return changeContents(ports, (contents) => {
    const now = ports.now();
    const stamp = nextStamp(contents, now);
    const waiting = contents.accounts.filter((a) => a.needsVerification);
    // An account waiting for its secret is completed, never doubled, whatever was allowed.
    const duplicate = findDuplicate(waiting, draft) ?? findDuplicate(contents.accounts, draft, { sameNameAllowed });
    if (duplicate?.existing.needsVerification && duplicate.reason === 'same-issuer-and-name') {
      const { needsVerification: _waiting, ...rest } = duplicate.existing;
      const verified: Account = { ...rest, ...draft, id: rest.id, createdAt: rest.createdAt, modifiedAt: stamp, deviceBound: rest.deviceBound ?? draft.deviceBound ?? false };
      const accounts = contents.accounts.map((a) => (a.id === verified.id ? verified : a));
      return { contents: { ...contents, accounts }, result: verified };
    }
    if (duplicate) throw duplicateError(duplicate);
    const [account] = accountsFromDrafts(contents, [draft], { now, newId: ports.randomId }) as [Account];
    return { contents: { ...contents, accounts: [...contents.accounts, account] }, result: account };
  });
}

export const accountsAdd: Handler<'accounts.add'> = async (payload, ports) => {
  if ('uri' in payload) return toView(await addAccount(ports, parseOtpUri(payload.uri)));
  return toView(await addAccount(ports, validateDraft(payload.draft), { sameNameAllowed: payload.sameNameAllowed === true }));
};

/** Validates a link without saving anything, so the page can show what it holds first. */
export const accountsParseUri: Handler<'accounts.parse-uri'> = async ({ uri }, ports) => {
  const draft = parseOtpUri(uri);
  const now = ports.now();
  const { secret: _secret, ...view } = { ...draft, id: '', createdAt: now, modifiedAt: now };
  return view;
};

const GENERATOR_FIELDS = ['secret', 'algorithm', 'digits', 'period', 'counter'] as const;

const pick = <T extends object, K extends keyof T>(from: T, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
const definedFields = <T extends object, K extends keyof T>(from: T, keys: readonly K[]) => pick(from, keys.filter((k) => from[k] !== undefined));

export const accountsUpdate: Handler<'accounts.update'> = async ({ id, edit }, ports) =>
  changeContents(ports, (contents) => {
    const index = indexOf(contents, id);
    const current = contents.accounts[index] as Account;
    const editsGenerator = GENERATOR_FIELDS.some((field) => edit[field] !== undefined);
    if (editsGenerator && (current.needsVerification || current.secret === '')) {
      throw new BadRequestError('This account has no secret yet: verify it with its QR code or link instead.');
    }
    // Edited names (and generator fields) go through the same checks as a new
    // account's; names alone do not re-check the secret: an account waiting for
    // verification has none yet.
    const names = { issuer: edit.issuer ?? current.issuer, accountName: edit.accountName ?? current.accountName };
    const checked = editsGenerator
      ? validateDraft({ ...pick(current, ['type', ...GENERATOR_FIELDS]), ...names, ...definedFields(edit, GENERATOR_FIELDS) })
      : { ...current, ...validateNames(names) };
    const others = contents.accounts.filter((a) => a.id !== id);
    // Names kept as they were (two accounts the user chose to keep under the same
    // name): only a rename onto another account's name is refused.
    const duplicate = findDuplicate(others, checked, { sameNameAllowed: sameIssuerAndName(current, checked) });
    if (duplicate) throw duplicateError(duplicate);
    const updated: Account = {
      ...current,
      issuer: checked.issuer,
      accountName: checked.accountName,
      secret: checked.secret,
      algorithm: checked.algorithm,
      digits: checked.digits,
      period: checked.period,
      counter: checked.counter,
      modifiedAt: nextStamp(contents, ports.now()),
    };
    if (edit.deviceBound !== undefined) updated.deviceBound = edit.deviceBound;
    if (editsSites(edit)) {
      // Sites are part of the account record: the edit is stamped with it and merges with it (backup-format.md).
      const { sites: _sites, siteMatch: _siteMatch, ...rest } = updated;
      return replaceAccount(contents, index, { ...rest, ...applySiteEdit(current, edit) });
    }
    return replaceAccount(contents, index, updated);
  });

/** The contents with the account at `index` replaced, and its view as the answer. */
function replaceAccount(contents: VaultContents, index: number, updated: Account) {
  const accounts = contents.accounts.slice();
  accounts[index] = updated;
  return { contents: { ...contents, accounts }, result: toView(updated) };
}

export const accountsDelete: Handler<'accounts.delete'> = async ({ id }, ports) => {
  await changeContents(
    ports,
    (contents) => {
      const index = indexOf(contents, id);
      const deletedAt = ports.now();
      return { contents: deleteAccount(contents, id, deletedAt), result: { account: contents.accounts[index] as Account, index, deletedAt } };
    },
    (removed) => rememberDeleted(ports, removed),
  );
  return null;
};

export const accountsUndoDelete: Handler<'accounts.undo-delete'> = async ({ id }, ports) =>
  changeContents(
    ports,
    async (contents) => {
      const entry = await findDeleted(ports, id);
      if (!entry) throw new AccountNotFoundError(id);
      assertNotDuplicate(contents.accounts, entry.account);
      // Stamped above every tombstone held here, its own included: the undo beats the deletion everywhere.
      const restored: Account = { ...entry.account, modifiedAt: nextStamp(contents, ports.now()) };
      const accounts = contents.accounts.slice();
      accounts.splice(Math.min(entry.index, accounts.length), 0, restored);
      return {
        contents: { ...contents, accounts, tombstones: contents.tombstones.filter((t) => t.id !== id) },
        result: toView(restored),
      };
    },
    () => forgetDeleted(ports, id),
  );

export const accountsReorder: Handler<'accounts.reorder'> = async ({ ids }, ports) =>
  changeContents(ports, (contents) => {
    const known = new Set(contents.accounts.map((a) => a.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) throw new AccountNotFoundError(unknown);
    // Accounts the page did not list (added meanwhile elsewhere) keep their place after the listed ones.
    return { contents: reorderAccounts(contents, ids, ports.now()), result: null };
  });

export const accountsNextHotp: Handler<'accounts.next-hotp'> = async ({ id }, ports) =>
  changeContents(ports, (contents) => {
    const index = indexOf(contents, id);
    const current = contents.accounts[index] as Account;
    if (current.type !== 'hotp') throw new BadRequestError('Only HOTP accounts have a next code.');
    if (current.needsVerification || current.secret === '') throw new BadRequestError('This account has no secret yet: scan its QR code first.');
    const now = ports.now();
    const advanced: Account = { ...current, counter: current.counter + 1, modifiedAt: nextStamp(contents, now) };
    const accounts = contents.accounts.slice();
    accounts[index] = advanced;
    return { contents: { ...contents, accounts }, result: { id, ...generateCode(advanced, now) } };
  });

/** The handler of each accounts request (lib/messaging/requests/accounts.ts). */
export const ACCOUNT_HANDLERS: HandlersFor<typeof ACCOUNT_REQUESTS> = {
  'codes.get': codesGet,
  'accounts.add': accountsAdd,
  'accounts.parse-uri': accountsParseUri,
  'accounts.update': accountsUpdate,
  'accounts.delete': accountsDelete,
  'accounts.undo-delete': accountsUndoDelete,
  'accounts.reorder': accountsReorder,
  'accounts.next-hotp': accountsNextHotp,
};
