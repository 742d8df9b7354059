import { Reader, Writer, util } from 'protobufjs/minimal';
import { IMPORT_LIMITS } from '../import/limits';
import { InvalidMigrationPayloadError, MigrationPayloadCutShortError } from './errors';
import { MIGRATION_FIELDS, type MigrationOtpParameters, type MigrationPayload } from './schema';

/*
 * Protobuf codec of the migration payload on protobufjs's wire Reader/Writer.
 * Not protobufjs reflection: that compiles decoders with `new Function`, which the
 * extension's Content Security Policy forbids. The field table is schema.ts.
 */

const WIRE = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;
const P = MIGRATION_FIELDS.payload;
const O = MIGRATION_FIELDS.otp;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function fail(message: string, cause?: unknown): never {
  throw new InvalidMigrationPayloadError(`The migration payload is damaged: ${message}`, { cause });
}

function expectWire(actual: number, expected: number, field: string): void {
  if (actual !== expected) fail(`field ${field} has wire type ${actual}, expected ${expected}.`);
}

/** Skips a field we don't know. Groups (wire types 3/4) are refused: Google never writes them. */
function skipUnknown(reader: Reader, wireType: number): void {
  switch (wireType) {
    case WIRE.varint:
      reader.skipType(WIRE.varint);
      return;
    case WIRE.fixed64:
      reader.skip(8);
      return;
    case WIRE.lengthDelimited:
      reader.skip(reader.uint32());
      return;
    case WIRE.fixed32:
      reader.skip(4);
      return;
    default:
      fail(`unsupported wire type ${wireType}.`);
  }
}

function readInt64(reader: Reader): number {
  const value = reader.int64();
  return typeof value === 'number' ? value : util.LongBits.from(value).toNumber(false);
}

function readOtpParameters(reader: Reader, end: number): MigrationOtpParameters {
  const otp: MigrationOtpParameters = { secret: new Uint8Array(0), name: '', issuer: '', algorithm: 0, digits: 0, type: 0, counter: 0 };
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    switch (field) {
      case O.secret:
        expectWire(wire, WIRE.lengthDelimited, 'secret');
        otp.secret = new Uint8Array(reader.bytes());
        break;
      case O.name:
        expectWire(wire, WIRE.lengthDelimited, 'name');
        otp.name = utf8.decode(reader.bytes());
        break;
      case O.issuer:
        expectWire(wire, WIRE.lengthDelimited, 'issuer');
        otp.issuer = utf8.decode(reader.bytes());
        break;
      case O.algorithm:
        expectWire(wire, WIRE.varint, 'algorithm');
        otp.algorithm = reader.int32();
        break;
      case O.digits:
        expectWire(wire, WIRE.varint, 'digits');
        otp.digits = reader.int32();
        break;
      case O.type:
        expectWire(wire, WIRE.varint, 'type');
        otp.type = reader.int32();
        break;
      case O.counter:
        expectWire(wire, WIRE.varint, 'counter');
        otp.counter = readInt64(reader);
        break;
      default:
        skipUnknown(reader, wire);
    }
  }
  if (reader.pos !== end) fail('an account record runs past its end.');
  return otp;
}

/**
 * Decodes the protobuf bytes of a migration payload.
 * Throws InvalidMigrationPayloadError on malformed or oversized input.
 */
export function decodeMigrationPayload(bytes: Uint8Array): MigrationPayload {
  if (bytes.length > IMPORT_LIMITS.maxMigrationPayloadBytes) {
    fail(`it is ${bytes.length} bytes long; at most ${IMPORT_LIMITS.maxMigrationPayloadBytes} are read.`);
  }
  const payload: MigrationPayload = { otpParameters: [], version: 0, batchSize: 0, batchIndex: 0, batchId: 0 };
  const reader = Reader.create(bytes);
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      const wire = tag & 7;
      switch (field) {
        case P.otpParameters: {
          expectWire(wire, WIRE.lengthDelimited, 'otp_parameters');
          const length = reader.uint32();
          const end = reader.pos + length;
          if (end > reader.len) throw new MigrationPayloadCutShortError(payload.otpParameters.length);
          payload.otpParameters.push(readOtpParameters(reader, end));
          break;
        }
        case P.version:
          expectWire(wire, WIRE.varint, 'version');
          payload.version = reader.int32();
          break;
        case P.batchSize:
          expectWire(wire, WIRE.varint, 'batch_size');
          payload.batchSize = reader.int32();
          break;
        case P.batchIndex:
          expectWire(wire, WIRE.varint, 'batch_index');
          payload.batchIndex = reader.int32();
          break;
        case P.batchId:
          expectWire(wire, WIRE.varint, 'batch_id');
          payload.batchId = reader.int32();
          break;
        default:
          skipUnknown(reader, wire);
      }
    }
  } catch (cause) {
    if (cause instanceof InvalidMigrationPayloadError) throw cause;
    // The wire Reader's RangeError "index out of range" is a read past the last byte: a field
    // (tag, varint or length) that the end of the data cut in two.
    if (cause instanceof RangeError && /index out of range/.test(cause.message)) {
      throw new MigrationPayloadCutShortError(payload.otpParameters.length, { cause });
    }
    // Anything else (invalid varint, the strict UTF-8 decoder) means the bytes are damaged.
    fail((cause as Error).message, cause);
  }
  // Google Authenticator writes `version` and `batch_size` after the last account: a payload
  // that stops at an account boundary would otherwise read as a smaller, complete export.
  if (payload.version === 0 || payload.batchSize === 0) throw new MigrationPayloadCutShortError(payload.otpParameters.length);
  return payload;
}

/** Protobuf bytes of a migration payload (fields at their default value are omitted, as proto3 does). */
export function encodeMigrationPayload(payload: MigrationPayload): Uint8Array {
  const writer = Writer.create();
  for (const otp of payload.otpParameters) {
    writer.uint32((P.otpParameters << 3) | WIRE.lengthDelimited).fork();
    if (otp.secret.length > 0) writer.uint32((O.secret << 3) | WIRE.lengthDelimited).bytes(otp.secret);
    if (otp.name !== '') writer.uint32((O.name << 3) | WIRE.lengthDelimited).string(otp.name);
    if (otp.issuer !== '') writer.uint32((O.issuer << 3) | WIRE.lengthDelimited).string(otp.issuer);
    if (otp.algorithm !== 0) writer.uint32((O.algorithm << 3) | WIRE.varint).int32(otp.algorithm);
    if (otp.digits !== 0) writer.uint32((O.digits << 3) | WIRE.varint).int32(otp.digits);
    if (otp.type !== 0) writer.uint32((O.type << 3) | WIRE.varint).int32(otp.type);
    if (otp.counter !== 0) writer.uint32((O.counter << 3) | WIRE.varint).int64(otp.counter);
    writer.ldelim();
  }
  if (payload.version !== 0) writer.uint32((P.version << 3) | WIRE.varint).int32(payload.version);
  if (payload.batchSize !== 0) writer.uint32((P.batchSize << 3) | WIRE.varint).int32(payload.batchSize);
  if (payload.batchIndex !== 0) writer.uint32((P.batchIndex << 3) | WIRE.varint).int32(payload.batchIndex);
  if (payload.batchId !== 0) writer.uint32((P.batchId << 3) | WIRE.varint).int32(payload.batchId);
  return writer.finish();
}
