import { PASSWORD_CHECK_ITEM, readItem, writeItem } from '../../storage';
import { isPasswordSlot, keySlotsOf, type VaultFile } from '../../vault';
import { passwordRefusal } from '../../vault/password-rules';
import type { PasswordCheckState } from '../../messaging/views';
import type { BackgroundPorts } from '../core';
import { PasswordChangeRequiredError, WeakPasswordError } from './errors';
import { readVaultFile } from './store';

/*
 * The password policy's record (docs/security.md, "Password policy"). The
 * strength estimate runs in the page where a password is chosen or typed (its
 * dictionaries weigh 1.9 MB and a service worker can't load code on demand); the
 * background answers only the extension's own pages, so it takes their verdict,
 * refuses a password reported weak, and remembers the verdict for the password
 * slot it was given for. A password changed since is unchecked again.
 */

/** The checksum of the slot the password opens (the first password slot: the one a change replaces). */
const passwordSlotOf = (file: VaultFile): string | null => keySlotsOf(file).slots.find(isPasswordSlot)?.checksum ?? null;

/** Refuses a new password the page reported weak (or that is under the length floor). */
export function checkNewPassword(password: string, score: number | undefined): void {
  const refusal = passwordRefusal(password, score ?? Number.POSITIVE_INFINITY);
  if (refusal === 'too-short') throw new WeakPasswordError('The password is shorter than the minimum.');
  if (refusal) throw new WeakPasswordError('The password is too easy to guess.');
}

/** Remembers whether the password of `file` met the policy; nothing when no score was reported. */
export async function recordPasswordCheck(ports: BackgroundPorts, file: VaultFile, password: string, score: number | undefined): Promise<void> {
  const slot = passwordSlotOf(file);
  if (score === undefined || !slot) return;
  await writeItem(ports.local, PASSWORD_CHECK_ITEM, { slot, weak: passwordRefusal(password, score) !== null });
}

/** What is known of the current password: met the policy, weak, or never checked (made before the policy, or adopted from elsewhere). */
export async function passwordCheckState(ports: BackgroundPorts, file: VaultFile): Promise<PasswordCheckState> {
  const check = await readItem(ports.local, PASSWORD_CHECK_ITEM);
  if (!check || check.slot !== passwordSlotOf(file)) return 'unchecked';
  return check.weak ? 'weak' : 'meets-policy';
}

/** Throws {@link PasswordChangeRequiredError} when the current password is known to be weak. */
export async function requirePasswordNotWeak(ports: BackgroundPorts): Promise<void> {
  const file = await readVaultFile(ports);
  if (file && (await passwordCheckState(ports, file)) === 'weak') throw new PasswordChangeRequiredError();
}
