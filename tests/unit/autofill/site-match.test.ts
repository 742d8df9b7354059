import { describe, expect, it } from 'vitest';
import { readPageAddress, type PageAddress } from '../../../lib/autofill/page-address';
import { bindingMatches, type SiteBinding } from '../../../lib/autofill/site-match';
import { enrollmentSite, InvalidSiteError, normalizeSiteEntry } from '../../../lib/autofill/site-entry';
import { isPunycodeTwin, issuerResemblesSite, siteHints } from '../../../lib/autofill/resemblance';

const address = (url: string): PageAddress => {
  const read = readPageAddress(url);
  if (!read.ok) throw new Error(`${url}: ${read.problem}`);
  return read.address;
};

describe('readPageAddress: only https, or http on loopback', () => {
  it.each([
    ['https://github.com/login', { ok: true }],
    ['https://GITHUB.com./x', { ok: true }],
    ['http://localhost:3000/', { ok: true }],
    ['http://app.localhost/', { ok: true }],
    ['http://127.0.0.1:8080/', { ok: true }],
    ['http://[::1]/', { ok: true }],
    ['http://github.com/', { ok: false, problem: 'insecure' }],
    ['http://192.168.1.1/', { ok: false, problem: 'insecure' }],
    ['http://localhost.evil.test/', { ok: false, problem: 'insecure' }],
    ['ftp://github.com/', { ok: false, problem: 'not-web' }],
    ['about:blank', { ok: false, problem: 'not-web' }],
    ['data:text/html,<input>', { ok: false, problem: 'not-web' }],
    ['chrome://settings', { ok: false, problem: 'not-web' }],
    ['not a url', { ok: false, problem: 'not-web' }],
    [undefined, { ok: false, problem: 'not-web' }],
  ])('%s → %j', (url, expected) => {
    expect(readPageAddress(url)).toMatchObject(expected);
  });
});

const domain = (...sites: string[]): SiteBinding => ({ sites });
const origin = (...sites: string[]): SiteBinding => ({ sites, siteMatch: 'origin' });

describe('bindingMatches: equality of registrable domains (or origins), never substrings', () => {
  it.each([
    // [account binding, page, matches]
    [domain('github.com'), 'https://github.com/login', true],
    [domain('github.com'), 'https://gist.github.com/', true],
    [domain('github.com'), 'https://a.b.github.com:8443/', true],
    [domain('github.com'), 'https://github.com.evil.test/', false],
    [domain('github.com'), 'https://evil-github.com/', false],
    [domain('github.com'), 'https://githubcom.test/', false],
    [domain('github.com'), 'https://github.co/', false],
    [domain('github.com'), 'https://xn--gthub-n2e.com/', false], // gіthub.com, Cyrillic і
    [domain('github.com'), 'https://gіthub.com/', false], // the same, typed in Unicode
    [domain('example.co.uk'), 'https://login.example.co.uk/', true],
    [domain('example.co.uk'), 'https://other.co.uk/', false],
    [domain('alice.github.io'), 'https://alice.github.io/app', true],
    [domain('alice.github.io'), 'https://mallory.github.io/', false],
    [domain('alice.github.io'), 'https://github.io/', false],
    [domain('xn--exmple-cua.test'), 'https://xn--exmple-cua.test/', true],
    [domain('example.test'), 'https://xn--exmple-cua.test/', false],
    [domain('localhost'), 'http://localhost:5173/', true],
    [domain('127.0.0.1'), 'http://127.0.0.1:8080/', true],
    [domain('127.0.0.1'), 'http://127.0.0.2/', false],
    [domain('10.0.0.5'), 'https://10.0.0.5/', true],
    [domain('::1'), 'http://[::1]:3000/', true],
    [domain(), 'https://github.com/', false],
    [{}, 'https://github.com/', false],
    [origin('https://login.example.com'), 'https://login.example.com/x', true],
    [origin('https://login.example.com'), 'https://www.example.com/', false],
    [origin('https://login.example.com'), 'https://login.example.com:8443/', false],
    [origin('https://login.example.com:8443'), 'https://login.example.com:8443/', true],
    [origin('https://login.example.com'), 'https://login.example.com.evil.test/', false],
  ])('%j on %s → %s', (binding, url, expected) => {
    expect(bindingMatches(binding, address(url))).toBe(expected);
  });
});

describe('normalizeSiteEntry', () => {
  it.each([
    ['GitHub.com', 'domain', 'github.com'],
    ['https://github.com/login?x=1', 'domain', 'github.com'],
    ['gist.github.com/', 'domain', 'github.com'],
    ['alice.github.io', 'domain', 'alice.github.io'],
    ['bücher.example', 'domain', 'xn--bcher-kva.example'],
    ['localhost:3000', 'domain', 'localhost'],
    ['http://127.0.0.1:8080', 'domain', '127.0.0.1'],
    ['login.example.com', 'origin', 'https://login.example.com'],
    ['https://login.example.com:8443/path', 'origin', 'https://login.example.com:8443'],
    ['http://localhost:3000/', 'origin', 'http://localhost:3000'],
    ['app.localhost', 'domain', 'app.localhost'],
    ['[::1]:8080', 'domain', '::1'],
    ['foo.test', 'domain', 'foo.test'],
    ['alice.blogspot.com', 'domain', 'alice.blogspot.com'],
    ['www.bbc.co.uk', 'domain', 'bbc.co.uk'],
  ] as const)('%s (%s) → %s', (input, mode, expected) => {
    expect(normalizeSiteEntry(input, mode)).toBe(expected);
  });

  it.each([
    ['http://github.com', 'insecure'],
    ['github.io', 'public-suffix'],
    ['co.uk', 'public-suffix'],
    ['com', 'public-suffix'],
    ['https://github.io/', 'public-suffix'],
    ['blogspot.com', 'public-suffix'],
    ['github', 'single-label'],
    ['intranet:8080', 'single-label'],
    ['https://test/', 'single-label'],
    ['ftp://example.com', 'not-web'],
    ['exa mple.com', 'not-web'],
    ['', 'not-web'],
    [`${'a'.repeat(300)}.com`, 'too-long'],
  ])('%s is refused (%s)', (input, problem) => {
    expect(() => normalizeSiteEntry(input, 'domain')).toThrow(InvalidSiteError);
    try {
      normalizeSiteEntry(input, 'domain');
    } catch (error) {
      expect((error as InvalidSiteError).problem).toBe(problem);
    }
  });
});

describe('what the popup says (never what it fills)', () => {
  it.each([
    ['GitHub', 'github.com', true],
    ['Google Workspace', 'google.com', true],
    ['github', 'gist.github.com', true],
    ['Bank', 'evil.test', false],
    ['GitHub', 'evil.test', false],
    ['楽天', 'rakuten.co.jp', false],
    ['', 'example.com', false],
  ])('issuer %s resembles %s: %s', (issuer, site, expected) => {
    expect(issuerResemblesSite(issuer, site)).toBe(expected);
  });

  const accounts = [
    { issuer: 'GitHub', accountName: 'octo', sites: ['github.com'] },
    { issuer: 'Example', accountName: 'alice', sites: ['example.com'] },
    { issuer: 'Unbound', accountName: 'x' },
  ];
  it.each([
    ['https://github.com.evil.test/', [{ issuer: 'GitHub', site: 'github.com' }]],
    ['https://example.com.evil.test/', [{ issuer: 'Example', site: 'example.com' }]],
    ['https://login-github.test/', [{ issuer: 'GitHub', site: 'github.com' }]],
    ['https://evil.test/', []],
    // Punycode twins: gіthub (Cyrillic і), exаmple (Cyrillic а).
    ['https://xn--gthub-n4a.com/', [{ issuer: 'GitHub', site: 'github.com' }]],
    ['https://xn--exmple-4nf.com/', [{ issuer: 'Example', site: 'example.com' }]],
    ['https://xn--80ak6aa92e.com/', []],
  ])('hints on %s', (url, expected) => {
    expect(siteHints(accounts, address(url))).toEqual(expected);
  });

  it.each([
    ['xn--gthub-n4a', 'github', true],
    ['xn--gtub-l9d12d', 'github', true],
    ['xn--gub-xyz', 'github', false],
    ['gthub', 'github', false],
    ['xn--github-abc', 'github', false],
    ['xn--abc-xyz', 'abcdef', false],
  ])('%s is a punycode twin of %s: %s', (label, name, expected) => {
    expect(isPunycodeTwin(label, name)).toBe(expected);
  });
});

describe('enrollmentSite: the site an account scanned on a page starts with', () => {
  it.each([
    ['https://alice.github.io/setup/2fa', 'alice.github.io'],
    ['https://www.github.com/settings/two_factor', 'github.com'],
    ['https://accounts.bbc.co.uk/', 'bbc.co.uk'],
    ['https://xn--gthub-n4a.test/', 'xn--gthub-n4a.test'],
    ['http://127.0.0.1:8080/enroll', '127.0.0.1'],
    ['http://localhost:3000/', 'localhost'],
    // http pages of real hosts still name their site; filling there stays refused (readPageAddress).
    ['http://example.com/', 'example.com'],
    // No storable site: the account is added without one, bound on first use, never with a bare suffix.
    ['https://github.io/', null],
    ['https://co.uk/', null],
    ['https://intranet/', null],
    ['file:///home/alice/qr.html', null],
    ['about:blank', null],
    ['not a url', null],
  ] as const)('%s → %s', (url, site) => {
    expect(enrollmentSite(url)).toBe(site);
  });
});
