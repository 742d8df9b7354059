import { describe, expect, it } from 'vitest';
import { HikaeKitError } from '../../../testing/errors';
import { checkLinkSites } from '../../../testing/link-sites';

/* Sites given with provisioned links (testing/link-sites.ts): normalised as the options page does, refused before anything is written. */

const URI = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

describe('checkLinkSites', () => {
  it.each([
    [[URI], [undefined]],
    [[{ uri: URI }], [undefined]],
    [[{ uri: URI, sites: ['localhost'] }], [['localhost']]],
    [[{ uri: URI, sites: ['https://Login.GitHub.com/x', 'github.com'] }], [['github.com']]],
    [[URI, { uri: URI, sites: ['http://127.0.0.1:8080'] }], [undefined, ['127.0.0.1']]],
  ])('%j → %j', (links, expected) => {
    expect(checkLinkSites(links)).toEqual(expected);
  });

  it.each([
    ['http://example.com', 'https'],
    ['github.io', 'public suffix'],
    ['ftp://example.com', 'not a web address'],
  ])('refuses %s naming the link (%s)', (site, why) => {
    let error: unknown;
    try {
      checkLinkSites([URI, { uri: URI, sites: [site] }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HikaeKitError);
    expect((error as HikaeKitError).code).toBe('invalid-site');
    expect((error as HikaeKitError).message).toContain('Link 2');
    expect((error as HikaeKitError).message.toLowerCase()).toContain(why);
  });
});
