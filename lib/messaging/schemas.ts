import { z } from 'zod';
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
const nowMs = z.number().finite().optional();

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

export const PAYLOAD_SCHEMAS = {
  'vault.status': empty,
  'vault.snapshot': z.object({ nowMs }).strict(),
  'vault.create': z.object({ password }).strict(),
  'vault.unlock': z.object({ password }).strict(),
  'vault.lock': empty,
  'vault.change-password': z.object({ currentPassword: password, newPassword: password }).strict(),
  'codes.get': z.object({ nowMs }).strict(),
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
  'settings.get': empty,
  'settings.update': z.object({ autoLockMinutes: z.number().int().min(1).max(1440) }).partial().strict(),
} satisfies Record<RequestType, z.ZodType>;
