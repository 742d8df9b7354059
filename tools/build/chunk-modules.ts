import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/*
 * What each built chunk is made of: writes `<output folder>.modules.json` beside
 * the build (not in it: nothing extra ships) mapping every chunk's file to the
 * source modules bundled into it, as project-relative paths. Tests read it to
 * know what is on the popup's start path by module, not by minified names
 * (tests/e2e/build-output.e2e.ts, docs/popup-start-path.md).
 */

/** The map's file for a build folder (`.output/chrome-mv3-test` → `.output/chrome-mv3-test.modules.json`). */
export const chunkModulesFile = (buildDir: string) => `${buildDir.replace(/[\\/]+$/, '')}.modules.json`;

export type ChunkModules = Record<string, string[]>;

/** Builds started in this process: the first write of each replaces a file left by an earlier build. */
const written = new Set<string>();

export function chunkModules(): Plugin {
  let outDir = '';
  let root = '';
  return {
    name: 'hikae:chunk-modules',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      const file = chunkModulesFile(outDir);
      // WXT builds in steps (pages, then each content script) into one folder: their maps merge.
      const map: ChunkModules = written.has(file) && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ChunkModules) : {};
      written.add(file);
      for (const [name, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        map[name] = output.moduleIds.map((id) => path.relative(root, id.replace(/^\0/, '').replace(/\?.*$/, '')).split(path.sep).join('/'));
      }
      fs.writeFileSync(file, `${JSON.stringify(map, null, 1)}\n`);
    },
  };
}
