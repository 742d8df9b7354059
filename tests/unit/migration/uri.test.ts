import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../lib/import/encoding';
import { InvalidMigrationPayloadError } from '../../../lib/migration/errors';
import { encodeMigrationPayload } from '../../../lib/migration/payload';
import type { MigrationPayload } from '../../../lib/migration/schema';
import { formatMigrationUri, parseMigrationUri } from '../../../lib/migration/uri';

// A secret whose base64 contains '+' and '/', which links must carry intact.
const payload: MigrationPayload = {
  otpParameters: [{ secret: Uint8Array.from([0xfb, 0xef, 0xff, 0xfb, 0xef, 0xff]), name: 'a', issuer: 'b', algorithm: 1, digits: 1, type: 2, counter: 0 }],
  version: 1,
  batchSize: 1,
  batchIndex: 0,
  batchId: 42,
};
const base64 = encodeBase64(encodeMigrationPayload(payload));

describe('otpauth-migration links', () => {
  it('round-trips through formatMigrationUri', () => {
    const uri = formatMigrationUri(payload);
    expect(uri).toMatch(/^otpauth-migration:\/\/offline\?data=[A-Za-z0-9%]+$/);
    expect(parseMigrationUri(uri)).toEqual(payload);
  });

  it.each([
    { what: 'an unencoded + (read back as a space)', uri: `otpauth-migration://offline?data=${base64}` },
    { what: 'base64url', uri: `otpauth-migration://offline?data=${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}` },
    { what: 'surrounding spaces and upper-case scheme', uri: `  OTPAUTH-MIGRATION://offline?data=${encodeURIComponent(base64)}\n` },
  ])('reads $what', ({ uri }) => {
    expect(base64).toMatch(/[+/]/);
    expect(parseMigrationUri(uri)).toEqual(payload);
  });

  it.each([
    { what: 'another scheme', uri: 'otpauth://totp/x?secret=A', message: /not a Google Authenticator export link/ },
    { what: 'no data', uri: 'otpauth-migration://offline?x=1', message: /exactly one 'data'/ },
    { what: 'two data parameters', uri: `otpauth-migration://offline?data=${encodeURIComponent(base64)}&data=AA`, message: /exactly one 'data'/ },
    { what: 'data that is not base64', uri: 'otpauth-migration://offline?data=***', message: /not base64/ },
  ])('rejects $what', ({ uri, message }) => {
    expect(() => parseMigrationUri(uri)).toThrow(InvalidMigrationPayloadError);
    expect(() => parseMigrationUri(uri)).toThrow(message);
  });
});
