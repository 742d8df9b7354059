import { describe, expect, it } from 'vitest';
import { needsInteraction, parseRedirectResponse } from '../../../lib/auth/redirect-response';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

/** What a row expects: a code with its hash, or an error with its description (`null`: any non-empty explanation). */
type Expected = { hash: string } | { error: string; description: string | null };

describe('parseRedirectResponse / needsInteraction', () => {
  it.each<{ name: string; url: string; expected: Expected; interaction: boolean }>([
    { name: 'a code in the fragment', url: `${REDIRECT}#code=0.AbC-dEf&client_info=eyJ1aWQiOiIxIn0&state=st4te`, expected: { hash: '#code=0.AbC-dEf&client_info=eyJ1aWQiOiIxIn0&state=st4te' }, interaction: false },
    { name: 'login_required (prompt=none, no session)', url: `${REDIRECT}#error=login_required&error_description=AADSTS50058%3A+A+silent+sign-in+request+was+sent&state=s`, expected: { error: 'login_required', description: 'AADSTS50058: A silent sign-in request was sent' }, interaction: true },
    { name: 'interaction_required', url: `${REDIRECT}#error=interaction_required&state=s`, expected: { error: 'interaction_required', description: '' }, interaction: true },
    { name: 'consent_required', url: `${REDIRECT}#error=consent_required`, expected: { error: 'consent_required', description: '' }, interaction: true },
    { name: 'account_selection_required', url: `${REDIRECT}#error=account_selection_required`, expected: { error: 'account_selection_required', description: '' }, interaction: true },
    { name: 'access_denied (the user said no): an answer, not a reason to ask', url: `${REDIRECT}#error=access_denied&error_description=The+user+cancelled.`, expected: { error: 'access_denied', description: 'The user cancelled.' }, interaction: false },
    { name: 'a code in the query string', url: `${REDIRECT}?code=abc&state=s`, expected: { hash: '#code=abc&state=s' }, interaction: false },
    { name: 'an error in the query string', url: `${REDIRECT}?error=login_required&error_description=none`, expected: { error: 'login_required', description: 'none' }, interaction: true },
    { name: 'the fragment wins over the query', url: `${REDIRECT}?error=server_error#code=abc`, expected: { hash: '#code=abc' }, interaction: false },
    { name: 'an error wins over a code', url: `${REDIRECT}#code=abc&error=invalid_request`, expected: { error: 'invalid_request', description: '' }, interaction: false },
    { name: 'an empty code', url: `${REDIRECT}#code=&state=s`, expected: { error: 'invalid_response', description: null }, interaction: false },
    { name: 'the bare redirect URL', url: REDIRECT, expected: { error: 'invalid_response', description: null }, interaction: false },
    { name: 'an empty fragment', url: `${REDIRECT}#`, expected: { error: 'invalid_response', description: null }, interaction: false },
    { name: 'an empty string', url: '', expected: { error: 'invalid_response', description: null }, interaction: false },
  ])('$name', ({ url, expected, interaction }) => {
    const parsed = parseRedirectResponse(url);
    if ('hash' in expected) {
      expect(parsed).toEqual({ kind: 'code', hash: expected.hash });
    } else {
      expect(parsed).toMatchObject({ kind: 'error', error: expected.error });
      const description = parsed.kind === 'error' ? parsed.description : undefined;
      if (expected.description === null) expect(description).toMatch(/\S/);
      else expect(description).toBe(expected.description);
    }
    expect(needsInteraction(parsed)).toBe(interaction);
  });
});
