import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { decodeMigrationPayload, encodeMigrationPayload } from '../../../lib/migration/payload';
import { InvalidMigrationPayloadError } from '../../../lib/migration/errors';
import type { MigrationPayload } from '../../../lib/migration/schema';

/*
 * The codec is checked against protobufjs reflection built from the schema written
 * in docs/import-export-formats.md: the document and the code cannot drift apart.
 */
const docs = readFileSync(new URL('../../../docs/import-export-formats.md', import.meta.url), 'utf8');
const proto = /```proto\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';
const Reflected = protobuf.parse(proto).root.lookupType('MigrationPayload');

const sample: MigrationPayload = {
  otpParameters: [
    { secret: Uint8Array.from([1, 2, 3, 250]), name: 'José 日本', issuer: 'Ärzte', algorithm: 2, digits: 2, type: 2, counter: 0 },
    { secret: Uint8Array.from({ length: 20 }, (_, i) => i * 7), name: 'Mason', issuer: 'WWE', algorithm: 3, digits: 1, type: 1, counter: 10300 },
    { secret: Uint8Array.from([9]), name: '', issuer: '', algorithm: 0, digits: 0, type: 0, counter: 2 ** 40 },
  ],
  version: 1,
  batchSize: 3,
  batchIndex: 2,
  batchId: -123456789,
};

function reflectedToPlain(bytes: Uint8Array): MigrationPayload {
  const object = Reflected.toObject(Reflected.decode(bytes), { longs: Number, defaults: true, arrays: true }) as MigrationPayload;
  return { ...object, otpParameters: object.otpParameters.map((otp) => ({ ...otp, secret: new Uint8Array(otp.secret) })) };
}

describe('migration payload codec', () => {
  it('decodes what protobufjs reflection encodes from the documented schema', () => {
    const bytes = Reflected.encode(Reflected.fromObject(sample)).finish();
    expect(decodeMigrationPayload(bytes)).toEqual(sample);
  });

  it('encodes byte for byte what reflection encodes, and reflection reads it back', () => {
    const ours = encodeMigrationPayload(sample);
    expect(ours).toEqual(Reflected.encode(Reflected.fromObject(sample)).finish());
    expect(reflectedToPlain(ours)).toEqual(sample);
  });

  it('skips fields it does not know', () => {
    // Fields 10–13 (one-byte tags) with wire types 0, 2, 5 and 1.
    const unknown = Uint8Array.from([(10 << 3) | 0, 0x96, 0x01, (11 << 3) | 2, 2, 0xaa, 0xbb, (12 << 3) | 5, 1, 2, 3, 4, (13 << 3) | 1, 1, 2, 3, 4, 5, 6, 7, 8]);
    const bytes = new Uint8Array([...encodeMigrationPayload(sample), ...unknown]);
    expect(decodeMigrationPayload(bytes)).toEqual(sample);
  });

  const encoded = encodeMigrationPayload(sample);
  it.each([
    { what: 'truncated', bytes: encoded.slice(0, encoded.length - 40), message: /cut short: it ends after 1 complete account record,/ },
    { what: 'a record with the wrong wire type', bytes: Uint8Array.from([0x08, 0x01]), message: /wire type 0, expected 2/ },
    { what: 'a group (wire type 3)', bytes: Uint8Array.from([(9 << 3) | 3, 0]), message: /unsupported wire type 3/ },
    { what: 'a name that is not UTF-8', bytes: Uint8Array.from([0x0a, 0x03, 0x12, 0x01, 0xff]), message: /damaged/ },
    { what: 'a record longer than the payload', bytes: Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), message: /cut short: it ends after 0 complete account records/ },
    { what: 'a field running past its record', bytes: Uint8Array.from([0x0a, 0x02, 0x12, 0x03, 0x61, 0x62, 0x63]), message: /runs past its end/ },
    { what: 'more than 64 KiB', bytes: new Uint8Array(64 * 1024 + 1), message: /at most 65536/ },
  ])('rejects $what with InvalidMigrationPayloadError', ({ bytes, message }) => {
    let error: unknown;
    try {
      decodeMigrationPayload(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidMigrationPayloadError);
    expect((error as Error).message).toMatch(message);
  });
});
