import { driveIdOf, graphUserId, type TestUser } from '../test-users.ts';
import type { StoredAppFolder, StoredFile } from './drive-store.ts';
import type { ItemTags } from './preconditions.ts';

/** Where the JSON is rendered for. */
export interface ItemRendering {
  baseUrl: string;
  user: TestUser;
  appFolderName: string;
}

/** `"{GUID},N"` and `"c:{GUID},N"`: OneDrive's tag shapes (note the comma). */
export function tagsOf(item: { guid: string; version: number }): ItemTags {
  return { eTag: `"{${item.guid}},${item.version}"`, cTag: `"c:{${item.guid}},${item.version}"` };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function identitySet(user: TestUser) {
  return { user: { id: graphUserId(user), displayName: user.displayName } };
}

/** A file's driveItem, as Graph returns it. */
export function fileItemJson(file: StoredFile, folder: StoredAppFolder, downloadUrl: string, r: ItemRendering) {
  const driveId = driveIdOf(r.user);
  const tags = tagsOf(file);
  return {
    '@odata.context': `${r.baseUrl}/v1.0/$metadata#drives('${driveId}')/items/$entity`,
    '@microsoft.graph.downloadUrl': downloadUrl,
    id: file.id,
    name: file.name,
    size: file.size,
    eTag: tags.eTag,
    cTag: tags.cTag,
    createdDateTime: iso(file.createdAt),
    lastModifiedDateTime: iso(file.modifiedAt),
    webUrl: `${r.baseUrl}/_emulator/files/${encodeURIComponent(r.user.email)}/${encodeURIComponent(file.name)}`,
    createdBy: identitySet(r.user),
    lastModifiedBy: identitySet(r.user),
    parentReference: {
      driveId,
      driveType: 'personal',
      id: folder.id,
      name: r.appFolderName,
      path: `/drive/root:/Apps/${r.appFolderName}`,
    },
    fileSystemInfo: { createdDateTime: iso(file.createdAt), lastModifiedDateTime: iso(file.modifiedAt) },
    file: { mimeType: file.mimeType, hashes: { sha1Hash: file.sha1Hash, sha256Hash: file.sha256Hash } },
  };
}

/** The app folder's driveItem (`specialFolder: {name: "approot"}`). */
export function appFolderJson(folder: StoredAppFolder, r: ItemRendering) {
  const driveId = driveIdOf(r.user);
  const tags = tagsOf(folder);
  const files = Object.values(folder.files);
  return {
    '@odata.context': `${r.baseUrl}/v1.0/$metadata#drives('${driveId}')/special/$entity`,
    id: folder.id,
    name: r.appFolderName,
    size: files.reduce((sum, f) => sum + f.size, 0),
    eTag: tags.eTag,
    cTag: tags.cTag,
    createdDateTime: iso(folder.createdAt),
    lastModifiedDateTime: iso(folder.modifiedAt),
    webUrl: `${r.baseUrl}/_emulator/files/${encodeURIComponent(r.user.email)}`,
    createdBy: identitySet(r.user),
    lastModifiedBy: identitySet(r.user),
    parentReference: { driveId, driveType: 'personal', id: `${driveId}!100`, path: '/drive/root:/Apps' },
    fileSystemInfo: { createdDateTime: iso(folder.createdAt), lastModifiedDateTime: iso(folder.modifiedAt) },
    folder: { childCount: files.length, view: { viewType: 'thumbnails', sortBy: 'name', sortOrder: 'ascending' } },
    specialFolder: { name: 'approot' },
  };
}

/** `GET /me/drive`. */
export function driveJson(user: TestUser, usedBytes: number, baseUrl: string) {
  const total = 5 * 1024 ** 3;
  return {
    '@odata.context': `${baseUrl}/v1.0/$metadata#drives/$entity`,
    id: driveIdOf(user),
    driveType: 'personal',
    owner: identitySet(user),
    quota: { total, used: usedBytes, remaining: total - usedBytes, deleted: 0, state: 'normal' },
  };
}

/** `GET /me`. */
export function meJson(user: TestUser, baseUrl: string) {
  return {
    '@odata.context': `${baseUrl}/v1.0/$metadata#users/$entity`,
    id: graphUserId(user),
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    userPrincipalName: user.email,
    mail: user.email,
    businessPhones: [],
    jobTitle: null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
  };
}
