import type { CloudProblem } from '../../../lib/messaging/protocol';
import type { MessageKey } from '../../../components/i18n';

/** What each backup problem says to the user. */
export const PROBLEM_TEXT: Record<CloudProblem, MessageKey> = {
  'sign-in-required': 'problemSignInRequired',
  'backup-missing': 'problemBackupMissing',
  offline: 'problemOffline',
  throttled: 'problemThrottled',
  'server-error': 'problemServerError',
  forbidden: 'problemForbidden',
  'needs-unlock': 'problemNeedsUnlock',
  'needs-password': 'problemNeedsPassword',
  'remote-damaged': 'problemRemoteDamaged',
  'remote-newer-version': 'problemRemoteNewerVersion',
  pending: 'problemPending',
};
