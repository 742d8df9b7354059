import { z } from 'zod';
import { answer, defineRequest } from '../define-request';
import type { ExportedFile, ExportOmission, ImportPreview } from '../views';
import { password, VAULT_ERRORS } from './fields';

// Import input (docs/transfer.md): base64 of the importer's 20 MiB limit is 27 962 028
// characters; pasted text is bounded by the same 20 MiB in UTF-16 code units.
const source = z.union([
  z.object({ fileName: z.string().max(255).optional(), bytesBase64: z.string().max(28_000_000) }).strict(),
  z.object({ text: z.string().max(20 * 1024 * 1024) }).strict(),
]);
/** A file to import (its bytes as standard base64, its name only a hint) or pasted text. See docs/transfer.md. */
export type ImportSource = z.infer<typeof source>;

const importRequest = z.object({ source, password: password.optional() }).strict();
const IMPORT_ERRORS = [
  ...VAULT_ERRORS,
  'import-password-required',
  'import-wrong-password',
  'import-unsupported-format',
  'import-damaged-file',
  'import-limit-exceeded',
  'import-cut-short',
] as const;

const exportFormat = z.enum(['hikae-encrypted', 'otpauth-uri-list', 'aegis-plain']);
/** The file exports: our own encrypted file and two plain ones. */
export type ExportFileFormat = z.infer<typeof exportFormat>;

/** Import from other apps' files, export to files and migration QR codes. */
export const TRANSFER_REQUESTS = {
  'import.preview': defineRequest({ payload: importRequest, response: answer<ImportPreview>(), errors: IMPORT_ERRORS }),
  'import.apply': defineRequest({ payload: importRequest, response: answer<{ added: number; skipped: number }>(), errors: IMPORT_ERRORS }),
  'export.file': defineRequest({
    payload: z.object({ format: exportFormat, password }).strict(),
    response: answer<ExportedFile>(),
    errors: [...VAULT_ERRORS, 'wrong-password', 'password-change-required'],
  }),
  'export.migration-qr': defineRequest({
    payload: z.object({ password }).strict(),
    response: answer<{ uris: string[]; notExported: ExportOmission[] }>(),
    errors: [...VAULT_ERRORS, 'wrong-password'],
  }),
};
