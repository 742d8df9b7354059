import type { CloudStatusView } from '../../../lib/messaging/protocol';
import { request } from '../../../components/background-client';
import { failureMessage } from '../../../components/failure-message';
import { signInWithMicrosoft } from './sign-in';
import { TurnOnBackupError } from './turn-on-error';

/**
 * "Turn on backup" from anywhere on the options page: signs in first when no
 * Microsoft account is connected (signing in for backup means wanting backup,
 * so no second step), then switches backup on and uploads. Throws a sign-in
 * error, or TurnOnBackupError with the sentence to show.
 */
export async function turnOnBackup(signedIn: boolean): Promise<CloudStatusView> {
  if (!signedIn) await signInWithMicrosoft();
  const result = await request('cloud.enable', {});
  if (!result.ok) throw new TurnOnBackupError(failureMessage(result.error));
  return result.value;
}
