import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, StoredFileDamagedError, writeFileAtomic, writeJsonAtomic } from '../core/atomic-file.ts';
import type { EmulatorClock } from '../core/clock.ts';
import { randomGuid } from '../core/ids.ts';
import { driveIdOf, type TestUser } from '../test-users.ts';

/** A file in the app folder. `version` is the `N` of its eTag `"{guid},N"`. */
export const StoredFile = z.object({
  id: z.string(),
  name: z.string(),
  guid: z.string(),
  version: z.number().int().positive(),
  size: z.number().int().nonnegative(),
  mimeType: z.string(),
  sha1Hash: z.string(),
  sha256Hash: z.string(),
  createdAt: z.number(),
  modifiedAt: z.number(),
  /** Name of the bytes under `content/`, one per version. */
  contentFile: z.string(),
});
export type StoredFile = z.infer<typeof StoredFile>;

/** The app folder (`Apps/<app name>`): exists only once used, can be deleted by the user. */
export const StoredAppFolder = z.object({
  id: z.string(),
  guid: z.string(),
  version: z.number().int().positive(),
  createdAt: z.number(),
  modifiedAt: z.number(),
  /** Files by lower-case name: OneDrive names are case-insensitive. */
  files: z.record(z.string(), StoredFile),
});
export type StoredAppFolder = z.infer<typeof StoredAppFolder>;

/** `drives/<oid>/drive.json`. */
export const DriveFile = z.object({
  version: z.literal(1),
  nextItemNumber: z.number().int().positive(),
  appFolder: StoredAppFolder.nullable(),
});
export type DriveFile = z.infer<typeof DriveFile>;

/** What `put` did. */
export interface PutResult {
  file: StoredFile;
  /** True for a new file (201), false for a replaced one (200). */
  created: boolean;
}

/** Upload conflict behaviours that create or replace (`fail` is decided by the caller). */
export type WriteConflictBehavior = 'replace' | 'rename';

const MIME_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.bin': 'application/octet-stream',
};

/**
 * Every user's OneDrive, reduced to the app folder. State lives in `drives/<oid>/drive.json`
 * plus one content file per file version, all written atomically: content first, then the
 * JSON that points to it, then the old content is removed. All methods are synchronous so a
 * request's check-then-write cannot interleave with another request.
 */
export class DriveStore {
  private readonly drivesDir: string;
  private readonly cache = new Map<string, DriveFile>();

  constructor(
    dataDir: string,
    private readonly clock: EmulatorClock,
  ) {
    this.drivesDir = join(dataDir, 'drives');
    // Read every stored drive now, so a damaged file stops the start instead of a request.
    if (existsSync(this.drivesDir)) {
      for (const oid of readdirSync(this.drivesDir)) this.load(oid);
    }
  }

  /** The user's app folder; created (empty) when `create` and it does not exist. */
  appFolder(user: TestUser, create: boolean): StoredAppFolder | undefined {
    const drive = this.load(user.oid);
    if (!drive.appFolder && create) {
      const now = this.clock.now();
      drive.appFolder = { id: this.nextId(user, drive), guid: randomGuid().toUpperCase(), version: 1, createdAt: now, modifiedAt: now, files: {} };
      this.save(user.oid, drive);
    }
    return drive.appFolder ?? undefined;
  }

  /** Files of the app folder, by name. */
  files(user: TestUser): StoredFile[] {
    const folder = this.load(user.oid).appFolder;
    return folder ? Object.values(folder.files).sort((a, b) => a.name.localeCompare(b.name)) : [];
  }

  /** The file called `name` (case-insensitive). */
  findByName(user: TestUser, name: string): StoredFile | undefined {
    return this.load(user.oid).appFolder?.files[name.toLowerCase()];
  }

  /** The file with item id `id`. */
  findById(user: TestUser, id: string): StoredFile | undefined {
    return this.files(user).find((file) => file.id.toLowerCase() === id.toLowerCase());
  }

  /** The bytes of the current version of `file`. */
  readContent(user: TestUser, file: StoredFile): Buffer {
    return readFileSync(join(this.userDir(user.oid), 'content', file.contentFile));
  }

  /**
   * Creates or replaces `name` with `content` (the app folder is created on first use).
   * With `rename`, an existing name gets the next free `name N.ext` instead.
   */
  put(user: TestUser, name: string, content: Uint8Array, conflict: WriteConflictBehavior): PutResult {
    const drive = this.load(user.oid);
    this.appFolder(user, true);
    const folder = drive.appFolder;
    if (!folder) throw new Error('app folder was just created');
    const existing = folder.files[name.toLowerCase()];
    const finalName = existing && conflict === 'rename' ? this.freeName(folder, name) : name;
    const previous = conflict === 'rename' ? undefined : existing;
    const now = this.clock.now();
    const id = previous?.id ?? this.nextId(user, drive);
    const version = (previous?.version ?? 0) + 1;
    const contentFile = `${id.split('!')[1] ?? id}.v${version}.bin`;
    writeFileAtomic(join(this.userDir(user.oid), 'content', contentFile), content);
    const file: StoredFile = {
      id,
      name: previous?.name ?? finalName,
      guid: previous?.guid ?? randomGuid().toUpperCase(),
      version,
      size: content.length,
      mimeType: MIME_TYPES[extname(finalName).toLowerCase()] ?? 'application/octet-stream',
      sha1Hash: createHash('sha1').update(content).digest('hex').toUpperCase(),
      sha256Hash: createHash('sha256').update(content).digest('hex').toUpperCase(),
      createdAt: previous?.createdAt ?? now,
      modifiedAt: now,
      contentFile,
    };
    folder.files[file.name.toLowerCase()] = file;
    this.touch(folder, now);
    this.save(user.oid, drive);
    if (previous) this.removeContent(user.oid, previous.contentFile);
    return { file, created: previous === undefined };
  }

  /** Deletes a file (its content too). */
  delete(user: TestUser, file: StoredFile): void {
    const drive = this.load(user.oid);
    const folder = drive.appFolder;
    if (!folder || !folder.files[file.name.toLowerCase()]) return;
    delete folder.files[file.name.toLowerCase()];
    this.touch(folder, this.clock.now());
    this.save(user.oid, drive);
    this.removeContent(user.oid, file.contentFile);
  }

  /** Deletes the whole app folder, as a user deleting `Apps/<app>` would. */
  deleteAppFolder(user: TestUser): boolean {
    const drive = this.load(user.oid);
    const folder = drive.appFolder;
    if (!folder) return false;
    drive.appFolder = null;
    this.save(user.oid, drive);
    for (const file of Object.values(folder.files)) this.removeContent(user.oid, file.contentFile);
    return true;
  }

  /** Removes every user's drive. */
  clear(): void {
    this.cache.clear();
    rmSync(this.drivesDir, { recursive: true, force: true });
  }

  private load(oid: string): DriveFile {
    const cached = this.cache.get(oid);
    if (cached) return cached;
    const drive = readJsonFile(join(this.userDir(oid), 'drive.json'), DriveFile) ?? { version: 1, nextItemNumber: 101, appFolder: null };
    if (drive.appFolder) {
      for (const file of Object.values(drive.appFolder.files)) {
        if (!existsSync(join(this.userDir(oid), 'content', file.contentFile))) {
          throw new StoredFileDamagedError(join(this.userDir(oid), 'content', file.contentFile), `content of '${file.name}' is missing`);
        }
      }
    }
    this.cache.set(oid, drive);
    return drive;
  }

  private save(oid: string, drive: DriveFile): void {
    writeJsonAtomic(join(this.userDir(oid), 'drive.json'), drive);
  }

  private userDir(oid: string): string {
    return join(this.drivesDir, oid);
  }

  private nextId(user: TestUser, drive: DriveFile): string {
    const id = `${driveIdOf(user)}!${drive.nextItemNumber}`;
    drive.nextItemNumber += 1;
    return id;
  }

  /** A folder's eTag changes whenever its children do. */
  private touch(folder: StoredAppFolder, now: number): void {
    folder.version += 1;
    folder.modifiedAt = now;
  }

  private freeName(folder: StoredAppFolder, name: string): string {
    const extension = extname(name);
    const stem = name.slice(0, name.length - extension.length);
    for (let n = 1; ; n += 1) {
      const candidate = `${stem} ${n}${extension}`;
      if (!folder.files[candidate.toLowerCase()]) return candidate;
    }
  }

  private removeContent(oid: string, contentFile: string): void {
    try {
      unlinkSync(join(this.userDir(oid), 'content', contentFile));
    } catch (error) {
      // Already gone is fine: the JSON no longer refers to it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
