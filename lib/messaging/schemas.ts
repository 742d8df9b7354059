import { z } from 'zod';
import { TEXT_LIMITS } from '../scan/scan-limits';
import type { RequestType } from './protocol';

/*
 * Runtime schemas of every request payload: the background parses each payload
 * with its schema before any handler runs, so handlers see typed, bounded input.
 * Strings are bounded to keep a hostile sender from making the worker allocate.
 */

const empty = z.object({}).strict();
const id = z.string().min(1).max(100);
const password = z.string().min(1).max(1024);
const text = z.string().max(1024);
const scanTabId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const scanTarget = z.union([z.object({ tabId: scanTabId }).strict(), z.object({ image: z.literal(true) }).strict()]);

const draft = z
  .object({
    issuer: z.unknown(),
    accountName: z.unknown(),
    secret: z.unknown(),
    type: z.unknown(),
    algorithm: z.unknown(),
    digits: z.unknown(),
    period: z.unknown(),
    counter: z.unknown(),
    site: z.unknown(),
    deviceBound: z.unknown(),
  })
  .partial()
  .strict();

// Import input (docs/transfer.md): base64 of the importer's 20 MiB limit is 27 962 028
// characters; pasted text is bounded by the same 20 MiB in UTF-16 code units.
const importSource = z.union([
  z.object({ fileName: z.string().max(255).optional(), bytesBase64: z.string().max(28_000_000) }).strict(),
  z.object({ text: z.string().max(20 * 1024 * 1024) }).strict(),
]);
const importRequest = z.object({ source: importSource, password: password.optional() }).strict();

export const PAYLOAD_SCHEMAS = {
  'vault.status': empty,
  'vault.snapshot': empty,
  'vault.create': z.object({ password }).strict(),
  'vault.unlock': z.object({ password }).strict(),
  'vault.lock': empty,
  'vault.change-password': z.object({ currentPassword: password, newPassword: password }).strict(),
  'codes.get': empty,
  'accounts.add': z.union([z.object({ draft }).strict(), z.object({ uri: text }).strict()]),
  'accounts.parse-uri': z.object({ uri: text }).strict(),
  'accounts.update': z
    .object({
      id,
      edit: z.object({ issuer: text, accountName: text, deviceBound: z.boolean() }).partial().strict(),
    })
    .strict(),
  'accounts.delete': z.object({ id }).strict(),
  'accounts.undo-delete': z.object({ id }).strict(),
  'accounts.reorder': z.object({ ids: z.array(id).max(100_000) }).strict(),
  'accounts.next-hotp': z.object({ id }).strict(),
  'scan.tab': z.object({ tabId: scanTabId }).strict(),
  'scan.found': z.object({ tabId: scanTabId }).strict(),
  'scan.texts': z.object({ texts: z.array(z.string().max(TEXT_LIMITS.maxTextChars)).max(TEXT_LIMITS.maxTexts) }).strict(),
  'scan.add': z.object({ target: scanTarget, keys: z.array(z.string().min(1).max(64)).min(1).max(1000) }).strict(),
  'scan.dismiss': z.object({ target: scanTarget }).strict(),
  'scan.auto-detect.get': empty,
  'scan.auto-detect.set': z.object({ enabled: z.boolean() }).strict(),
  'settings.get': empty,
  'settings.update': z.object({ autoLockMinutes: z.number().int().min(1).max(1440) }).partial().strict(),
  'import.preview': importRequest,
  'import.apply': importRequest,
  'export.file': z.object({ format: z.enum(['hikae-encrypted', 'otpauth-uri-list', 'aegis-plain']), password }).strict(),
  'export.migration-qr': z.object({ password }).strict(),
  'cloud.status': empty,
  'cloud.connect': z
    .object({ account: z.object({ homeAccountId: z.string().min(1).max(300), username: z.string().max(300), name: z.string().max(300) }).strict() })
    .strict(),
  'cloud.enable': empty,
  'cloud.join': z.object({ password }).strict(),
  'cloud.sync-now': empty,
  'cloud.recreate': empty,
  'cloud.disable': z.object({ deleteRemote: z.boolean() }).strict(),
  'cloud.sign-out': empty,
  'recovery.inspect': empty,
  'recovery.restore': z.object({ password }).strict(),
  'recovery.plan': z.object({ password }).strict(),
  'recovery.apply': z.object({ password, choices: z.record(id, z.enum(['keep-both', 'replace'])) }).strict(),
} satisfies Record<RequestType, z.ZodType>;
