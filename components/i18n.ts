import { browser } from './extension-api';
import type en from '../assets/public/_locales/en/messages.json';
import { pluralKey } from '../lib/i18n/plural';

/** Every message key, checked at compile time against the English catalogue. */
export type MessageKey = keyof typeof en;

/** Keys of counted messages: stored as `<key>_one` and `<key>_other` (lib/i18n/plural.ts). */
export type PluralMessageKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

/**
 * A UI string in the browser's language (English or Japanese), through the
 * extension's i18n messages. `substitutions` fill $1…$9 placeholders.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * A counted UI string ("1 account", "3 accounts"): `count` picks the language's
 * plural form; `substitutions` fill the placeholders as with `t`.
 */
export function tn(key: PluralMessageKey, count: number, substitutions: string[]): string {
  return t(pluralKey(key, count, uiLanguage()), substitutions);
}

/** The UI language actually used, for `lang` attributes and number/date formats. */
export function uiLanguage(): string {
  // A page's language is fixed for its life: read once (a popup row asks for it).
  language ??= browser.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';
  return language;
}
let language: string | undefined;
