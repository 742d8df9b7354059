import { ZXING_WASM_FILE } from '../../lib/qr/zxing-reader-file';

/*
 * Build-time edits of library code that the extension must not ship (docs/store.md,
 * "web-ext lint"). Each removes a capability the extension never uses and a store
 * reviewer would rightly question; none changes what the extension does. An edit whose
 * source no longer matches (a library upgrade) fails the build, so a removed capability
 * cannot come back unnoticed.
 */
export interface LibraryPatch {
  /** Why the code goes. */
  why: string;
  /** The library module (its resolved path). */
  file: RegExp;
  find: RegExp;
  /** How many times `find` must match in that module. */
  count: number;
  replace: string;
}

export const LIBRARY_PATCHES: readonly LibraryPatch[] = [
  {
    why: "zxing-wasm's default locateFile names a CDN; the extension always hands it the packaged WebAssembly, so the built output names no remote host (tests/unit/build/no-remote-urls.test.ts).",
    file: /zxing-wasm[\\/]dist[\\/]es[\\/]share\.js$/,
    find: /`https:\/\/fastly\.jsdelivr\.net\/npm\/zxing-wasm@[^`]*`/g,
    count: 1,
    replace: JSON.stringify(ZXING_WASM_FILE),
  },
  {
    // zod compiles fast parsers with `new Function` when a probe says eval works. The
    // extension's CSP forbids eval, so the probe only ever fails (and makes a CSP violation
    // report); zod's own comment says so. Answering "no eval" without probing is zod's
    // jitless mode, decided at build time: no Function constructor is reachable.
    why: "zod's eval probe (new Function) under a CSP that forbids eval",
    file: /zod[\\/]v4[\\/]core[\\/]util\.js$/,
    find: /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/g,
    count: 1,
    replace: 'return false;',
  },
  {
    // zip.js loads extra codecs from a URL given to its configure(); the Authenticator Plus
    // reader registers none (deflate goes through the browser's DecompressionStream), and an
    // extension must not import code by a runtime URL.
    why: "zip.js's import() of a configured codec URL",
    file: /@zip\.js[\\/]zip\.js[\\/]lib[\\/]core[\\/]codec-registry\.js$/,
    find: /await import\(\/\* webpackIgnore: true \*\/ \/\* @vite-ignore \*\/ codecURI\)/g,
    count: 1,
    replace: 'await Promise.reject(new Error("Codec modules are not loaded in this extension: " + codecURI))',
  },
  {
    // React sets innerHTML only for dangerouslySetInnerHTML, which no page of ours uses
    // (eslint forbids it). Refusing it in the shipped bundle means no future prop can put
    // raw HTML into an extension page.
    why: "react-dom's innerHTML write for dangerouslySetInnerHTML",
    file: /react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/,
    find: /\(domElement\.innerHTML = key\)/g,
    count: 2,
    replace: '(function () { throw Error("dangerouslySetInnerHTML is refused in this extension."); })()',
  },
];

/** A Vite plugin applying LIBRARY_PATCHES; a patch that no longer matches its count fails the build. */
export function libraryPatches(patches: readonly LibraryPatch[] = LIBRARY_PATCHES) {
  return {
    name: 'hikae-library-patches',
    transform(code: string, id: string) {
      const patch = patches.find((p) => p.file.test(id));
      if (patch === undefined) return null;
      const found = code.match(patch.find)?.length ?? 0;
      if (found !== patch.count) {
        throw new Error(`Library patch (${patch.why}): expected ${patch.count} match(es) in ${id}, found ${found}; check tools/build/library-patches.ts after an upgrade.`);
      }
      return { code: code.replace(patch.find, patch.replace), map: null };
    },
  };
}
