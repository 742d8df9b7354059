import { TEXT_LIMITS } from './scan-limits';

const OURS = /^otpauth(-migration)?:\/\//i;

/** Whether a decoded QR text is one of ours: an `otpauth://` or `otpauth-migration://` link (any case). */
export function isOtpText(text: string): boolean {
  return OURS.test(text.trim());
}

/**
 * The texts worth keeping from decoded QR codes, appended to those already kept:
 * only ours (everything else — URLs, Wi-Fi codes — is dropped without a word),
 * trimmed, each once, at most {@link TEXT_LIMITS}.maxTexts, each at most
 * maxTextChars long (longer is not a QR code's). Order is first seen.
 */
export function keepOtpTexts(kept: readonly string[], decoded: readonly string[]): string[] {
  const result = [...kept];
  const seen = new Set(kept);
  for (const raw of decoded) {
    const text = raw.trim();
    if (!isOtpText(text) || text.length > TEXT_LIMITS.maxTextChars || seen.has(text)) continue;
    if (result.length >= TEXT_LIMITS.maxTexts) break;
    seen.add(text);
    result.push(text);
  }
  return result;
}
