import { describe, expect, it } from 'vitest';
import { httpOrigin, registrableDomain } from '../../../lib/scan/registrable-domain';

describe('registrableDomain', () => {
  it.each([
    ['https://accounts.google.com/signin/2fa', 'google.com'],
    ['https://a.b.example.co.uk/x', 'example.co.uk'],
    ['https://EXAMPLE.com./path', 'example.com'],
    // Private suffixes: two users' pages on one host are different sites.
    ['https://alice.github.io/', 'alice.github.io'],
    ['https://foo.blogspot.com/', 'foo.blogspot.com'],
    // Hosts without a registrable domain stay as they are.
    ['http://127.0.0.1:8080/enroll', '127.0.0.1'],
    ['http://[::1]:3000/', '::1'],
    ['http://localhost:3000/', 'localhost'],
    ['http://intranet/login', 'intranet'],
    // Unicode hosts come out in punycode (no look-alike characters shown).
    ['https://例え.jp/', 'xn--r8jz45g.jp'],
    ['https://sub.例え.jp/', 'xn--r8jz45g.jp'],
  ])('%s → %s', (url, site) => {
    expect(registrableDomain(url)).toBe(site);
  });

  it.each(['file:///home/me/qr.html', 'about:blank', 'chrome://settings', 'moz-extension://abc/popup.html', 'data:text/html,x', 'not a url', ''])(
    'has no site for %s',
    (url) => {
      expect(registrableDomain(url)).toBeNull();
    },
  );
});

describe('httpOrigin', () => {
  it.each([
    ['https://example.com/a?b#c', 'https://example.com'],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080'],
    ['file:///x', null],
    ['garbage', null],
  ])('%s → %s', (url, origin) => {
    expect(httpOrigin(url)).toBe(origin);
  });
});
