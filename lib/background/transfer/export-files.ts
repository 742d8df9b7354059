import type { ExportFileFormat, ExportOmission } from '../../messaging/protocol';
import type { Account } from '../../otp/account';

/*
 * What the exports of docs/transfer.md#export leave out, and how their files are
 * named. Pure: the handlers pass the clock.
 */

import { accountLabel } from '../../otp/label';

export { accountLabel };

/** Device-bound accounts keep their secret on this device: an export never carries it. */
export const deviceBoundOmission = (account: Account): ExportOmission => ({
  label: accountLabel(account),
  code: 'device-bound',
  message: 'This account is device-bound: its secret never leaves this device.',
});

/**
 * The accounts a plain export may carry (in the user's order) and those it leaves
 * out: device-bound ones, and ones still waiting for verification (no secret).
 */
export function plainExportable(accounts: readonly Account[]): { accounts: Account[]; omitted: ExportOmission[] } {
  const kept: Account[] = [];
  const omitted: ExportOmission[] = [];
  for (const account of accounts) {
    if (account.deviceBound === true) omitted.push(deviceBoundOmission(account));
    else if (account.needsVerification === true || account.secret === '') {
      omitted.push({ label: accountLabel(account), code: 'no-secret', message: 'This account has no secret yet: scan its QR code first.' });
    } else kept.push(account);
  }
  return { accounts: kept, omitted };
}

const FILE_SUFFIX: Record<ExportFileFormat, { suffix: string; mimeType: string }> = {
  'hikae-encrypted': { suffix: '.json', mimeType: 'application/json' },
  'otpauth-uri-list': { suffix: '.txt', mimeType: 'text/plain' },
  'aegis-plain': { suffix: '-aegis.json', mimeType: 'application/json' },
};

/**
 * The download's name and type: `hikae-export-YYYY-MM-DD` (local date of `nowMs`,
 * ms since the epoch) and the format's suffix.
 */
export function exportFileName(format: ExportFileFormat, nowMs: number): { fileName: string; mimeType: string } {
  const date = new Date(nowMs);
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const { suffix, mimeType } = FILE_SUFFIX[format];
  return { fileName: `hikae-export-${day}${suffix}`, mimeType };
}
