import { describe, expect, it } from 'vitest';
import { applySiteEdit, editsSites, type SiteEdit } from '../../../lib/autofill/site-edit';
import { InvalidSiteError } from '../../../lib/autofill/site-entry';
import type { SiteBinding } from '../../../lib/autofill/site-match';

describe('applySiteEdit: the binding an account stores after an edit', () => {
  it.each<[string, SiteBinding, SiteEdit, object]>([
    ['adds to nothing, normalised to the registrable domain', {}, { sites: ['https://Login.GitHub.com/session'] }, { sites: ['github.com'] }],
    ['replaces the list, repeats dropped in place', { sites: ['a.test'] }, { sites: ['b.test', 'www.b.test', 'a.test'] }, { sites: ['b.test', 'a.test'] }],
    ['an empty list leaves no sites at all', { sites: ['a.test'] }, { sites: [] }, {}],
    ['exact origin converts the stored domains', { sites: ['github.com'] }, { siteMatch: 'origin' }, { sites: ['https://github.com'], siteMatch: 'origin' }],
    ['back to domains converts origins', { sites: ['https://login.example.com:8443'], siteMatch: 'origin' }, { siteMatch: 'domain' }, { sites: ['example.com'] }],
    ['an origin list keeps ports and hosts', { siteMatch: 'origin' }, { sites: ['login.example.com:8443/x'] }, { sites: ['https://login.example.com:8443'], siteMatch: 'origin' }],
    ['new list and new mode together', { sites: ['a.test'] }, { sites: ['sso.b.test'], siteMatch: 'origin' }, { sites: ['https://sso.b.test'], siteMatch: 'origin' }],
    ['loopback http is kept for development', {}, { sites: ['http://localhost:3000'] }, { sites: ['localhost'] }],
    ['a private suffix user stays whole', {}, { sites: ['alice.github.io'] }, { sites: ['alice.github.io'] }],
    ['punycode, never the Unicode form', {}, { sites: ['gіthub.com'] }, { sites: ['xn--gthub-n2e.com'] }],
  ])('%s', (_label, current, edit, expected) => {
    expect(applySiteEdit(current, edit)).toStrictEqual(expected);
  });

  it.each<[string, SiteEdit, string]>([
    ['plain http on a real host', { sites: ['http://github.com'] }, 'insecure'],
    ['a public suffix', { sites: ['github.io'] }, 'public-suffix'],
    ['a second-level public suffix', { sites: ['co.uk'] }, 'public-suffix'],
    ['not a web address', { sites: ['ftp://files.example.com'] }, 'not-web'],
    ['spaces inside a host', { sites: ['git hub.com'] }, 'not-web'],
    ['a very long entry', { sites: [`${'a'.repeat(300)}.com`] }, 'too-long'],
    ['too many sites', { sites: Array.from({ length: 33 }, (_, i) => `site${i}.test`) }, 'too-many'],
  ])('refuses %s with the problem named', (_label, edit, problem) => {
    expect(() => applySiteEdit({ sites: ['kept.test'] }, edit)).toThrow(expect.objectContaining({ problem }) as InvalidSiteError);
  });

  it.each<[SiteEdit, boolean]>([
    [{}, false],
    [{ sites: [] }, true],
    [{ siteMatch: 'domain' }, true],
  ])('editsSites(%j) = %s', (edit, expected) => {
    expect(editsSites(edit)).toBe(expected);
  });
});

describe('site entries: only host names a browser can reach', () => {
  it.each(['not a site', 'exa%20mple.com', 'a..b.com', '-lead.com', 'under score!.com', 'https://'])('refuses %j as not a web address', (typed) => {
    expect(() => applySiteEdit({}, { sites: [typed] })).toThrow(expect.objectContaining({ problem: 'not-web' }) as InvalidSiteError);
  });
  it.each([
    ['[::1]:8080', 'origin', 'https://[::1]:8080'],
    ['192.0.2.10', 'domain', '192.0.2.10'],
    ['xn--gthub-n2e.com', 'domain', 'xn--gthub-n2e.com'],
    ['my_host.intranet.test', 'domain', 'intranet.test'],
  ] as const)('keeps %s (%s) as %s', (typed, siteMatch, expected) => {
    expect(applySiteEdit({}, { sites: [typed], siteMatch }).sites).toEqual([expected]);
  });
});
