import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCodeTarget, findCodeTargets } from '../../../lib/autofill/find-fields';
import { pageOf, styleEnv } from '../support/dom-page';
import { MIN_FILL_SCORE } from '../../../lib/autofill/pick-frame';

/*
 * The field finder over fixture pages modelled on real sign-in forms
 * (tests/fixtures/autofill/): which field gets the code, or none.
 */

const FIXTURES = join(import.meta.dirname, '../../fixtures/autofill');

const fixture = (name: string) => pageOf(readFileSync(join(FIXTURES, name), 'utf8'));

const chosenIds = (document: Document) => findCodeTarget(document, styleEnv, MIN_FILL_SCORE)?.inputs.map((input) => input.id) ?? null;

describe('finding the code field of real sign-in pages', () => {
  it.each([
    { page: 'github-2fa.html', ids: ['app_totp'] },
    { page: 'google-totp.html', ids: ['totpPin'] },
    { page: 'aws-mfa.html', ids: ['mfacode'] },
    { page: 'microsoft-otc.html', ids: ['idTxtBx_SAOTCC_OTC'] },
    { page: 'japanese-bank.html', ids: ['f3'] },
    { page: 'japanese-placeholder.html', ids: ['ot'] },
    { page: 'split-six.html', ids: ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'] },
    { page: 'decoys.html', ids: null },
  ])('$page → $ids', ({ page, ids }) => {
    expect(chosenIds(fixture(page))).toEqual(ids);
  });

  it.each(['twoFactorCode', 'verification_code', 'mfa-token', 'passcode', 'security-code', 'authenticator', 'totp', 'ninsho', 'nidankai'])(
    'the vendor field %s is found by its words alone',
    (id) => {
      const document = fixture('vendors.html');
      for (const input of Array.from(document.querySelectorAll('input'))) if (input.id !== id) input.remove();
      expect(chosenIds(document)).toEqual([id]);
    },
  );

  it('the focused field wins over a better one; unfocused, the best wins', () => {
    const document = fixture('two-fields-focused.html');
    expect(chosenIds(document)).toEqual(['best']);
    (document.getElementById('chosen') as HTMLInputElement).focus();
    expect(chosenIds(document)).toEqual(['chosen']);
    expect(findCodeTarget(document, styleEnv, MIN_FILL_SCORE)?.focused).toBe(true);
  });

  it('a focused box of a split field selects the whole field', () => {
    const document = fixture('split-six.html');
    (document.getElementById('d4') as HTMLInputElement).focus();
    expect(findCodeTarget(document, styleEnv, MIN_FILL_SCORE)).toMatchObject({ focused: true });
    expect(chosenIds(document)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
  });

  it.each([
    { boxes: 3, found: false },
    { boxes: 4, found: true },
    { boxes: 8, found: true },
    { boxes: 11, found: false },
  ])('$boxes one-character boxes together: a split field = $found', ({ boxes, found }) => {
    const document = pageOf(`<div>${'<span><input maxlength="1" inputmode="numeric"></span>'.repeat(boxes)}</div>`);
    expect(findCodeTargets(document, styleEnv).some((t) => t.inputs.length === boxes)).toBe(found);
  });

  it('looks into open shadow roots', () => {
    const document = pageOf('<sign-in-form></sign-in-form>');
    const host = document.querySelector('sign-in-form')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<label>One-time code <input id="inner"></label>';
    expect(chosenIds(document)).toEqual(['inner']);
  });

  it('a closed shadow root is not looked into (the page chose to hide it)', () => {
    const document = pageOf('<sign-in-form></sign-in-form>');
    document.querySelector('sign-in-form')!.attachShadow({ mode: 'closed' }).innerHTML = '<input id="inner" autocomplete="one-time-code">';
    expect(chosenIds(document)).toBeNull();
  });

  it.each([
    { html: '<input id="a" name="code">', score: 30 },
    { html: '<input id="a" name="otp">', score: 60 },
    { html: '<input id="a" name="otp" inputmode="numeric">', score: 70 },
    { html: '<input id="a" name="otp" type="tel" maxlength="6">', score: 85 },
    { html: '<input id="a" autocomplete="one-time-code">', score: 100 },
    { html: '<input id="a" name="notpx">', score: 0 },
    { html: '<input id="a" name="postal_code">', score: 0 },
    { html: '<input id="a" type="password" name="code">', score: 0 },
    { html: '<input id="a" type="password" name="otp">', score: 60 },
  ])('$html scores $score', ({ html, score }) => {
    expect(findCodeTargets(pageOf(html), styleEnv)[0]?.score ?? 0).toBe(score);
  });
});
