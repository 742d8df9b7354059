/**
 * Plural forms for the extension's message catalogues, which (Chrome and Firefox
 * `_locales`) have none of their own. A counted message is stored twice, as
 * `<key>_one` and `<key>_other`; the language's plural rule (Intl.PluralRules,
 * CLDR) picks one. English uses both; Japanese has only "other", so its `_one`
 * entry exists for the catalogue check and is never shown.
 */

/** The two forms English and Japanese need: CLDR "one" and everything else. */
export type PluralForm = 'one' | 'other';

/** The form of `count` in `locale` (e.g. "en", "ja", "en-GB"). */
export function pluralForm(count: number, locale: string): PluralForm {
  return rulesFor(locale).select(count) === 'one' ? 'one' : 'other';
}

/** One PluralRules per locale: building one costs far more than a select, and a popup row asks once each (#15). */
const rules = new Map<string, Intl.PluralRules>();
function rulesFor(locale: string): Intl.PluralRules {
  let found = rules.get(locale);
  if (!found) {
    found = new Intl.PluralRules(locale);
    rules.set(locale, found);
  }
  return found;
}

/** The catalogue key holding `base` in the form `count` takes in `locale`. */
export function pluralKey<Base extends string>(base: Base, count: number, locale: string): `${Base}_${PluralForm}` {
  return `${base}_${pluralForm(count, locale)}`;
}
