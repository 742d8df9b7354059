import { browser } from 'wxt/browser';
import type en from '../assets/public/_locales/en/messages.json';

/** Every message key, checked at compile time against the English catalogue. */
export type MessageKey = keyof typeof en;

/**
 * A UI string in the browser's language (English or Japanese), through the
 * extension's i18n messages. `substitutions` fill $1…$9 placeholders.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The UI language actually used, for `lang` attributes and number/date formats. */
export function uiLanguage(): string {
  return browser.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';
}
