import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as ja from '@zxcvbn-ts/language-ja';

/*
 * Password strength for the first-run and change-password screens, by zxcvbn-ts
 * (pattern matching against common passwords, English and Japanese words and
 * names, keyboard walks, dates, repeats, l33t). Its dictionaries weigh ~1.9 MB
 * minified, so this module is NOT re-exported from lib/vault: load it with
 * `import('…/lib/vault/password-strength')` where it is needed, and bundlers keep
 * it out of the popup's start path and out of the background.
 */

/** zxcvbn's scale: 0 too guessable … 4 very unguessable (≥ 10¹⁰ guesses). */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: StrengthScore;
  /** log10 of the estimated number of guesses an attacker needs. */
  guessesLog10: number;
  /** Whether the score reaches {@link RECOMMENDED_MIN_SCORE}. */
  acceptable: boolean;
  /** Stable key of the main warning (zxcvbn's, e.g. `similarToCommon`), or null. */
  warningKey: string | null;
  /** Stable keys of the suggestions (e.g. `anotherWord`). */
  suggestionKeys: string[];
  /** The warning in the requested language, or null. */
  warning: string | null;
  /** The suggestions in the requested language. */
  suggestions: string[];
}

/**
 * The least score the UI should accept without an extra confirmation: 3 means
 * "safely unguessable" (≈ 10⁸–10¹⁰ guesses), which with Argon2id at ~0.3 s per
 * guess on a desktop is out of reach of an offline attack on a stolen backup.
 */
export const RECOMMENDED_MIN_SCORE: StrengthScore = 3;

/** Words anyone attacking this extension's files would try first. */
const PRODUCT_WORDS = ['hikae', 'authenticator', 'onedrive', 'microsoft', 'backup', 'vault', 'extension'];

const TRANSLATIONS = { en: en.translations, ja: ja.translations } as const;

let factory: ZxcvbnFactory | null = null;

// Built on first use: indexing the dictionaries takes ~0.7 s (Node, 2 cores); a
// check then takes ~30 ms. A page that never asks for a strength pays nothing.
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...ja.dictionary },
    graphs: common.adjacencyGraphs,
    // Levenshtein matching against these dictionaries costs 1–3 s per check: unusable while typing.
    useLevenshteinDistance: false,
  });
  return factory;
}

const isScore = (n: number): n is StrengthScore => n === 0 || n === 1 || n === 2 || n === 3 || n === 4;

/**
 * Estimates how hard `password` is to guess. `language` (default `en`) picks the
 * language of `warning`/`suggestions`; the keys are stable for the UI's own
 * messages. `userInputs` are words to treat as guessable (e.g. the user's e-mail).
 */
export function estimatePasswordStrength(password: string, options: { language?: 'en' | 'ja'; userInputs?: readonly string[] } = {}): PasswordStrength {
  const result = estimator().check(password, [...PRODUCT_WORDS, ...(options.userInputs ?? [])]);
  const score: StrengthScore = isScore(result.score) ? result.score : 0;
  const table = TRANSLATIONS[options.language ?? 'en'];
  const warningKey = result.feedback.warning ?? null;
  const suggestionKeys = [...result.feedback.suggestions];
  const translateWarning = (key: string) => (table.warnings as Record<string, string>)[key] ?? key;
  const translateSuggestion = (key: string) => (table.suggestions as Record<string, string>)[key] ?? key;
  return {
    score,
    guessesLog10: result.guessesLog10,
    acceptable: score >= RECOMMENDED_MIN_SCORE,
    warningKey: warningKey === '' ? null : warningKey,
    suggestionKeys,
    warning: warningKey ? translateWarning(warningKey) : null,
    suggestions: suggestionKeys.map(translateSuggestion),
  };
}
