import { secretFromBytes } from '../../otp/secret';
import { describeKeys, type Preferences } from '../android-preferences';
import { decodeHex } from '../encoding';
import { EntryCollector } from '../entries';
import { DamagedFileError, UnsupportedFormatError } from '../errors';
import type { ImportResult } from '../result';

/* Battle.net Authenticator's preferences from a rooted device (docs/import-export-formats.md#battlenet-authenticator-rooted-device-preferences). */

const PREFIX = 'com.blizzard.messenger.AUTHENTICATOR_';
const SECRET_KEY = `${PREFIX}DEVICE_SECRET`;
const SERIAL_KEY = `${PREFIX}SERIAL`;
const ENCRYPTION_KEY = `${PREFIX}CREDENTIALS_ENCRYPTION_TYPE`;
export const BATTLE_NET_ISSUER = 'Battle.net';

/** Blizzard's fixed obfuscation mask (a published constant of the app, not a secret). */
const MASK = Uint8Array.from([
  0x39, 0x8e, 0x27, 0xfc, 0x50, 0x27, 0x6a, 0x65, 0x60, 0x65, 0xb0, 0xe5, 0x25, 0xf4, 0xc0, 0x6c, 0x04, 0xc6, 0x10, 0x75, 0x28, 0x6b, 0x8e, 0x7a, 0xed,
  0xa5, 0x9d, 0xa9, 0x81, 0x3b, 0x5d, 0xd6, 0xc8, 0x0d, 0x2f, 0xb3, 0x80, 0x68, 0x77, 0x3f, 0xa5, 0x9b, 0xa4, 0x7c, 0x17, 0xca, 0x6c, 0x64, 0x79, 0x01,
  0x5c, 0x1d, 0x5b, 0x8b, 0x8f, 0x6b, 0x9a,
]);

export function isBattleNetPreferences(preferences: Preferences): boolean {
  return preferences.has(SECRET_KEY);
}

/** The ASCII text of a masked hex value; undefined when it is not hex or longer than the mask. */
function unmask(hex: string): string | undefined {
  const bytes = decodeHex(hex.trim());
  if (bytes === undefined || bytes.length === 0 || bytes.length > MASK.length) return undefined;
  return String.fromCharCode(...bytes.map((byte, i) => byte ^ (MASK[i] ?? 0)));
}

/** Reads the Battle.net Authenticator's preferences (one account). */
export function parseBattleNet(preferences: Preferences): ImportResult {
  const encryption = preferences.get(ENCRYPTION_KEY) ?? 'MASK';
  if (encryption !== 'MASK') {
    throw new UnsupportedFormatError(`This Battle.net Authenticator file protects its secret with "${encryption.slice(0, 20)}", which is not read (only "MASK").`);
  }
  const secretHex = unmask(preferences.get(SECRET_KEY) ?? '');
  const serial = unmask(preferences.get(SERIAL_KEY) ?? '') ?? '';
  const secret = secretHex === undefined ? undefined : decodeHex(secretHex);
  if (secret === undefined || secret.length !== 20) {
    throw new DamagedFileError(`The Battle.net secret does not unmask to 20 bytes of hex, so the file is damaged (it has ${describeKeys(preferences)}).`);
  }
  const collector = new EntryCollector();
  collector.add(serial || BATTLE_NET_ISSUER, () => ({
    type: 'totp',
    issuer: BATTLE_NET_ISSUER,
    accountName: /^[A-Z]{2}-\d{4}-\d{4}-\d{4}$/.test(serial) ? serial : '',
    secret: secretFromBytes(secret),
    algorithm: 'SHA1',
    digits: 8,
    period: 30,
  }));
  return { format: 'battle-net', encrypted: false, ...collector.result() };
}
