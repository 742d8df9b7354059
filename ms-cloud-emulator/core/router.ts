/** Which CORS headers a route's answers carry (see core/cors.ts); `none` for navigations. */
export type RouteCors = 'echo-origin' | 'any-origin' | 'none';

/** One entry of a route table. `method` `*` matches any method. */
export interface Route<Context> {
  method: string;
  /** Tested against the raw (still percent-encoded) path. */
  pattern: RegExp;
  cors: RouteCors;
  handle(context: Context, match: RegExpExecArray): void | Promise<void>;
}

/** Result of looking a request up in a route table. */
export type RouteLookup<Context> =
  | { kind: 'found'; route: Route<Context>; match: RegExpExecArray }
  | { kind: 'wrong-method'; cors: RouteCors; allowed: string[] }
  | { kind: 'none' };

/** Finds the first route whose pattern and method match. */
export function findRoute<Context>(routes: readonly Route<Context>[], method: string, path: string): RouteLookup<Context> {
  const allowed: string[] = [];
  let cors: RouteCors = 'none';
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method === '*' || route.method === method) return { kind: 'found', route, match };
    allowed.push(route.method);
    cors = route.cors;
  }
  return allowed.length > 0 ? { kind: 'wrong-method', cors, allowed } : { kind: 'none' };
}

/** Decodes one path segment; `undefined` when its percent-encoding is broken. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
