import { z } from 'zod';

/** The backup file as Graph describes it: what the sync logic needs to compare and upload. */
export const RemoteFile = z.object({
  /** Opaque version tag, e.g. `"{GUID},3"`: send it back byte for byte, never split it. */
  eTag: z.string().min(1),
  /** Size in bytes. */
  size: z.number().int().nonnegative(),
  /** Graph's `lastModifiedDateTime` (ISO 8601, UTC), as Graph wrote it. */
  lastModified: z.string().min(1),
  /** Graph's item id. */
  id: z.string().min(1),
});
export type RemoteFile = z.infer<typeof RemoteFile>;

/** The signed-in account, from `GET /me`. */
export const GraphUser = z.object({
  /** Graph's user id. */
  id: z.string().min(1),
  /** The user's name; '' when Graph has none. */
  displayName: z.string(),
  /** The sign-in name (the email address for personal accounts). */
  userPrincipalName: z.string().min(1),
});
export type GraphUser = z.infer<typeof GraphUser>;

/** The parts of a Graph `driveItem` the client reads; everything else is ignored. */
export const DriveItemBody = z.object({
  id: z.string().min(1),
  eTag: z.string().min(1),
  cTag: z.string().min(1).optional(),
  size: z.number().int().nonnegative(),
  lastModifiedDateTime: z.string().min(1),
  folder: z.object({}).loose().optional(),
});
export type DriveItemBody = z.infer<typeof DriveItemBody>;

/** Graph's `/me` answer; `displayName` may be null for some accounts. */
export const MeBody = z.object({
  id: z.string().min(1),
  displayName: z.string().nullable(),
  userPrincipalName: z.string().min(1),
});
export type MeBody = z.infer<typeof MeBody>;

/** A file version: the public description plus the cTag, which may also appear as a tag. */
export interface RemoteVersion {
  file: RemoteFile;
  cTag: string | undefined;
}

/** The client's view of a driveItem body. */
export function remoteVersionOf(item: DriveItemBody): RemoteVersion {
  return {
    file: { eTag: item.eTag, size: item.size, lastModified: item.lastModifiedDateTime, id: item.id },
    cTag: item.cTag,
  };
}

/** Whether `tag` (an `ETag` header) names exactly this version. Compared whole, as sent. */
export function isTagOf(tag: string, version: RemoteVersion): boolean {
  return tag === version.file.eTag || (version.cTag !== undefined && tag === version.cTag);
}
