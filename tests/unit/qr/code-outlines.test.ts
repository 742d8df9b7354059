import { describe, expect, it } from 'vitest';
import { binarizeGlobal } from '../../../lib/qr/binarize-global';
import { findCodeOutlines } from '../../../lib/qr/code-outlines';
import { findFinderPatterns } from '../../../lib/qr/finder-patterns';
import { WHITE, toGrey } from '../../../lib/qr/grey-image';
import { loadCorpusImage, loadManifest } from '../../fixtures/qr-corpus-generator/manifest';

const manifest = await loadManifest();
async function look(file: string) {
  const entry = manifest.images.find((e) => e.file === file);
  if (!entry) throw new Error(`${file} is not in the corpus`);
  const image = await loadCorpusImage(entry);
  const bitmap = binarizeGlobal(toGrey(image, WHITE));
  if (!bitmap) throw new Error(`${file} is flat`);
  const hints = findFinderPatterns(bitmap);
  return { image, hints, outlines: findCodeOutlines(hints, bitmap) };
}

describe('finder patterns and code outlines', () => {
  it.each([
    // file, module px, quiet zone px, polarity
    ['module-4px-accented.png', 4, 16, 'dark'],
    ['module-1px-github.png', 1, 4, 'dark'],
    ['quiet-zone-0-module-2px.png', 2, 0, 'dark'],
    ['inverted-module-3px.png', 3, 12, 'light'],
  ] as const)('%s: one outline on the code’s edge (%i px modules)', async (file, moduleSize, quiet, polarity) => {
    const { image, outlines } = await look(file);
    const outline = outlines[0];
    expect(outline?.polarity).toBe(polarity);
    expect(outline?.moduleSize).toBeCloseTo(moduleSize, 0);
    const far = image.width - quiet;
    const expected = [[quiet, quiet], [far, quiet], [far, far], [quiet, far]];
    outline?.corners.forEach((corner, i) => {
      expect(Math.abs(corner.x - (expected[i]?.[0] ?? NaN))).toBeLessThanOrEqual(Math.max(1.5, moduleSize / 2));
      expect(Math.abs(corner.y - (expected[i]?.[1] ?? NaN))).toBeLessThanOrEqual(Math.max(1.5, moduleSize / 2));
    });
  });

  const near = (hints: { x: number; y: number; moduleSize: number }[], x: number, y: number, moduleSize: number): boolean =>
    hints.some((h) => Math.hypot(h.x - x, h.y - y) <= 1.5 && Math.abs(h.moduleSize - moduleSize) < 0.5);

  it('finds the three eyes of a code (centres 3.5 modules in from its corners)', async () => {
    const { image, hints } = await look('module-4px-accented.png');
    const near0 = 16 + 3.5 * 4;
    const far = image.width - near0;
    expect([near(hints, near0, near0, 4), near(hints, far, near0, 4), near(hints, near0, far, 4)]).toEqual([true, true, true]);
  });

  it('rejects real eyes around random modules: no separators and timing pattern join them', async () => {
    const { image, hints, outlines } = await look('decoy-finders-random-data.png');
    const far = image.width - 30;
    expect([near(hints, 30, 30, 4), near(hints, far, 30, 4), near(hints, 30, far, 4)]).toEqual([true, true, true]);
    expect(outlines).toEqual([]);
  });

  it('outlines each of four codes in a grid', async () => {
    const { image, outlines } = await look('multi-four-grid.png');
    const half = image.width / 2;
    const quadrants = new Set(
      outlines
        .filter((o) => Math.hypot(o.corners[1].x - o.corners[0].x, o.corners[1].y - o.corners[0].y) < half)
        .map((o) => `${o.corners[0].x < half ? 'L' : 'R'}${o.corners[0].y < half ? 'T' : 'B'}`),
    );
    expect(quadrants).toEqual(new Set(['LT', 'RT', 'LB', 'RB']));
  });

  it.each(['decoy-checkerboard.png', 'decoy-photo-like.jpg', 'decoy-square-logo.png', 'screenshot-no-code.png'])('outlines nothing in %s', async (file) => {
    const { outlines } = await look(file);
    expect(outlines).toEqual([]);
  });
});
