import { HOTP, Secret, TOTP } from 'otpauth';
import type { AccountDraft } from './account';

/** The 26 characters Steam Guard codes are written in (no vowels, no look-alikes). */
const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/** The generator inputs of an account: what decides its codes. */
export type CodeParameters = Pick<AccountDraft, 'secret' | 'type' | 'algorithm' | 'digits' | 'period' | 'counter'>;

/** One code and the window it is valid in. */
export interface Code {
  /** The code as the service expects it (digits, or Steam's letters). */
  value: string;
  /** Start of validity, ms since the epoch (TOTP/Steam; for HOTP, `timestampMs`). */
  validFromMs: number;
  /** End of validity, ms since the epoch (exclusive); `null` for HOTP, which has no expiry. */
  validUntilMs: number | null;
}

/**
 * Steam Guard: the RFC 4226 dynamic truncation (a 31-bit integer) written in base
 * 26 with {@link STEAM_ALPHABET}, least significant first. Asking otpauth for 10
 * digits yields that integer whole, since 2^31 < 10^10.
 */
function steamCode(secret: Secret, counter: number): string {
  let full = Number(HOTP.generate({ secret, algorithm: 'SHA1', digits: 10, counter }));
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += STEAM_ALPHABET[full % STEAM_ALPHABET.length];
    full = Math.floor(full / STEAM_ALPHABET.length);
  }
  return out;
}

/**
 * The code of an account at a moment. Pure: time is passed in.
 * @param timestampMs milliseconds since the epoch
 */
export function generateCode(params: CodeParameters, timestampMs: number): Code {
  const secret = Secret.fromBase32(params.secret);
  if (params.type === 'hotp') {
    const value = HOTP.generate({ secret, algorithm: params.algorithm, digits: params.digits, counter: params.counter });
    return { value, validFromMs: timestampMs, validUntilMs: null };
  }
  const periodMs = params.period * 1000;
  const step = Math.floor(timestampMs / periodMs);
  const value =
    params.type === 'steam'
      ? steamCode(secret, step)
      : TOTP.generate({ secret, algorithm: params.algorithm, digits: params.digits, period: params.period, timestamp: timestampMs });
  return { value, validFromMs: step * periodMs, validUntilMs: (step + 1) * periodMs };
}
