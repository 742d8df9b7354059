import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';

/** A stored file exists but cannot be used: damaged JSON or a shape/version we do not know. */
export class StoredFileDamagedError extends Error {
  constructor(
    readonly path: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`Emulator data file ${path} cannot be read: ${problem}`, options);
    this.name = 'StoredFileDamagedError';
  }
}

/**
 * Writes `data` so that readers see the old content or the new one, never a mix: a temporary
 * file in the same directory is written, flushed to disk and renamed over `path`.
 * Synchronous on purpose: handlers check and update state without yielding, so two requests
 * can never interleave a read-modify-write (the files are small).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) {
      written += writeSync(fd, bytes, written, bytes.length - written);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** Writes `value` as pretty JSON, atomically (see {@link writeFileAtomic}). */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Reads and validates a JSON file written by {@link writeJsonAtomic}.
 * @returns the parsed value, or `undefined` when the file does not exist.
 * @throws StoredFileDamagedError when it exists but is not valid JSON of the expected shape.
 */
export function readJsonFile<Schema extends z.ZodType>(path: string, schema: Schema): z.infer<Schema> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoredFileDamagedError(path, 'read failed', { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoredFileDamagedError(path, 'not valid JSON', { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new StoredFileDamagedError(path, `unexpected content (${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')})`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
