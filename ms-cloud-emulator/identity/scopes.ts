/** OpenID Connect scopes: they shape the token answer, they are not Graph permissions. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

const GRAPH_RESOURCE = 'https://graph.microsoft.com/';

/** Graph permissions the emulator knows by name, to report them in their usual spelling. */
const KNOWN_GRAPH_SCOPES = ['User.Read', 'Files.ReadWrite.AppFolder', 'Files.Read', 'Files.ReadWrite', 'Files.Read.All', 'Files.ReadWrite.All'];

/** What `.default` grants: the app's configured permissions. */
const DEFAULT_GRAPH_SCOPES = ['User.Read', 'Files.ReadWrite.AppFolder'];

/** A parsed `scope` parameter. */
export interface ScopeRequest {
  /** The scopes as requested, deduplicated case-insensitively, spelling kept. */
  requested: string[];
  /** Graph permissions, canonical spelling (`Files.ReadWrite.AppFolder`). */
  graph: string[];
  openid: boolean;
  offlineAccess: boolean;
}

/** Parses a space-separated `scope` parameter (short or resource-qualified Graph scopes). */
export function parseScopes(scope: string): ScopeRequest {
  const requested: string[] = [];
  const seen = new Set<string>();
  for (const item of scope.split(/\s+/).filter(Boolean)) {
    if (seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    requested.push(item);
  }
  const graph: string[] = [];
  for (const item of requested) {
    if (OIDC_SCOPES.has(item.toLowerCase())) continue;
    for (const permission of graphPermissionsOf(item)) {
      if (!graph.some((g) => g.toLowerCase() === permission.toLowerCase())) graph.push(permission);
    }
  }
  return { requested, graph, openid: seen.has('openid'), offlineAccess: seen.has('offline_access') };
}

/** The `scope` field of a token answer: what was requested, without `offline_access`. */
export function grantedScopeText(request: ScopeRequest): string {
  return request.requested.filter((s) => s.toLowerCase() !== 'offline_access').join(' ');
}

/** True when `granted` holds the Graph permission `needed` (case-insensitive). */
export function hasGraphScope(granted: readonly string[], needed: string): boolean {
  return granted.some((g) => g.toLowerCase() === needed.toLowerCase());
}

function graphPermissionsOf(item: string): string[] {
  const name = item.toLowerCase().startsWith(GRAPH_RESOURCE) ? item.slice(GRAPH_RESOURCE.length) : item;
  if (name === '.default') return DEFAULT_GRAPH_SCOPES;
  const known = KNOWN_GRAPH_SCOPES.find((k) => k.toLowerCase() === name.toLowerCase());
  return [known ?? name];
}
