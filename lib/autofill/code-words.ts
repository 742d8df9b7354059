/*
 * The words that mark a one-time-code field, and those that mark something else
 * (docs/autofill.md "Finding the field"). Matched against a field's name, id,
 * placeholder, labels, aria labels and title, lower-cased and NFKC-normalised.
 */

/** Words that by themselves say "one-time code" (score 60). */
export const STRONG_CODE_WORDS = [
  'otp',
  'totp',
  '2fa',
  'mfa',
  'one time',
  'onetime',
  'passcode',
  'verification',
  'verify',
  'security code',
  'authenticator',
  'auth code',
  'authcode',
  'two factor',
  'twofactor',
  'token',
  '確認コード',
  '認証コード',
  'ワンタイム',
  'セキュリティコード',
  '二段階',
  '2段階',
  '認証番号',
  '確認番号',
  'パスコード',
] as const;

/** Weaker words: a code of some kind (score 30). */
export const WEAK_CODE_WORDS = ['code', 'コード'] as const;

/** Words of fields that are never a one-time code, whatever else they say. */
export const NOT_CODE_WORDS = ['zip', 'postal', 'phone', 'coupon', 'promo', 'captcha', 'search', 'email', 'e mail', 'gift', 'voucher', 'country', 'area code', 'barcode', 'qr code', '郵便', '電話', 'クーポン'] as const;

/** `autocomplete` tokens of fields that are something else. */
export const NOT_CODE_AUTOCOMPLETE = /^(username|email|current-password|new-password|tel.*|cc-.*|postal-code|name|given-name|family-name|street-address|address.*|country.*|bday.*)$/;

/**
 * A field's describing text as the words are matched: camelCase split
 * (`otpCode` → `otp code`), NFKC (full-width `ＯＴＰ` → `otp`), lower case, and
 * `_ - . : [ ]` as spaces.
 */
export function wordText(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[_\-.:[\]]+/g, ' ');
}

/**
 * Whether `text` (see {@link wordText}) holds `word`. An ASCII word must start or
 * end at a word edge: `otpcode` and `smscode` count, `spinner` holds no `pin`, a
 * `motpx` no `otp`. Japanese words match anywhere (no spaces between words).
 */
export function containsWord(text: string, word: string): boolean {
  if (!/^[a-z0-9]/.test(word)) return text.includes(word);
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = text[at - 1] ?? ' ';
    const after = text[at + word.length] ?? ' ';
    if (!/[a-z0-9]/.test(before) || !/[a-z]/.test(after)) return true;
    from = at + 1;
  }
}
