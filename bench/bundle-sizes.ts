import fs from 'node:fs';
import path from 'node:path';

/**
 * Bytes a page loads from the build: its HTML's scripts, module preloads and
 * stylesheets, following static imports between chunks.
 */
export function pageBundleBytes(buildDir: string, htmlFile: string): number {
  let total = 0;
  for (const file of pageBundleFiles(buildDir, htmlFile)) total += fs.statSync(path.join(buildDir, file)).size;
  return total;
}

/** The files a page loads on its start path (see {@link pageBundleBytes}), relative to the build. */
export function pageBundleFiles(buildDir: string, htmlFile: string): Set<string> {
  const html = fs.readFileSync(path.join(buildDir, htmlFile), 'utf8');
  const files = new Set<string>();
  for (const match of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) files.add(match[1]!);
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (!file.endsWith('.js')) continue;
    const code = fs.readFileSync(path.join(buildDir, file), 'utf8');
    // Static imports only: dynamic import() chunks load later, off the start path.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.{0,2}\/?([^"']+\.js)["']/g)) {
      const dep = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!.replace(/^\/+/, '')));
      const resolved = fs.existsSync(path.join(buildDir, dep)) ? dep : m[1]!.replace(/^\/+/, '');
      if (!files.has(resolved) && fs.existsSync(path.join(buildDir, resolved))) {
        files.add(resolved);
        queue.push(resolved);
      }
    }
  }
  return files;
}

export function fileBytes(buildDir: string, file: string): number {
  return fs.statSync(path.join(buildDir, file)).size;
}
