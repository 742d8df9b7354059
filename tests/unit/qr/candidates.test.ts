import { describe, expect, it } from 'vitest';
import { DEFAULT_CANDIDATE_LIMITS, judgeQrCandidate, qrLikeness } from '../../../lib/qr/candidates';
import { InvalidQrOptionError } from '../../../lib/qr/errors';
import type { RgbaImage } from '../../../lib/qr/rgba-image';
import { loadCorpusImage, loadManifest } from '../../fixtures/qr-corpus-generator/manifest';

describe('judgeQrCandidate', () => {
  it.each([
    // rendered w×h (CSS px), natural w×h (px) → verdict
    [[200, 200], [400, 400], 'candidate'],
    [[160, 160], [160, 160], 'candidate'],
    [[40, 40], [21, 21], 'candidate'],
    [[300, 240], [300, 240], 'candidate'],
    [[180, 180], [29, 29], 'candidate'],
    [[0, 0], [200, 200], 'not-rendered'],
    [[200, 200], [0, 0], 'not-rendered'],
    [[39, 39], [200, 200], 'too-small'],
    [[100, 100], [20, 20], 'too-small'],
    [[32, 32], [32, 32], 'too-small'],
    [[400, 400], [5000, 5000], 'too-large'],
    [[1280, 200], [1280, 200], 'not-square'],
    [[200, 200], [600, 200], 'not-square'],
    [[320, 200], [320, 200], 'not-square'],
  ] as const)('rendered %j, natural %j → %s', ([renderedWidth, renderedHeight], [naturalWidth, naturalHeight], expected) => {
    const verdict = judgeQrCandidate({ renderedWidth, renderedHeight, naturalWidth, naturalHeight });
    expect(verdict.candidate ? 'candidate' : verdict.reason).toBe(expected);
  });

  it('takes other limits', () => {
    const sizes = { renderedWidth: 30, renderedHeight: 30, naturalWidth: 30, naturalHeight: 30 };
    expect(judgeQrCandidate(sizes).candidate).toBe(false);
    expect(judgeQrCandidate(sizes, { ...DEFAULT_CANDIDATE_LIMITS, minRenderedSide: 24 }).candidate).toBe(true);
  });

  it.each([
    ['sizes.renderedWidth', { renderedWidth: -1, renderedHeight: 10, naturalWidth: 10, naturalHeight: 10 }, DEFAULT_CANDIDATE_LIMITS],
    ['sizes.naturalHeight', { renderedWidth: 10, renderedHeight: 10, naturalWidth: 10, naturalHeight: 10.5 }, DEFAULT_CANDIDATE_LIMITS],
    ['limits.maxAspectRatio', { renderedWidth: 10, renderedHeight: 10, naturalWidth: 10, naturalHeight: 10 }, { ...DEFAULT_CANDIDATE_LIMITS, maxAspectRatio: 0.5 }],
  ])('rejects a bad %s with InvalidQrOptionError naming it', (field, sizes, limits) => {
    const attempt = (): unknown => judgeQrCandidate(sizes, limits);
    expect(attempt).toThrow(InvalidQrOptionError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidQrOptionError).option).toBe(field);
    }
  });
});

/** Deterministic synthetic images that a page is full of and that are not QR codes. */
function synthetic(kind: string, size = 200): RgbaImage {
  const data = new Uint8ClampedArray(size * size * 4);
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let v: number;
      switch (kind) {
        case 'solid':
          v = 128;
          break;
        case 'gradient':
          v = (x + y) * (255 / (2 * size));
          break;
        case 'noise':
          v = random() * 255;
          break;
        case 'stripes':
          v = Math.floor(x / 6) % 2 === 0 ? 0 : 255;
          break;
        case 'fine-checkerboard':
          v = (x + y) % 2 === 0 ? 0 : 255;
          break;
        case 'rings':
          v = Math.floor(Math.hypot(x - size / 2, y - size / 2) / 7) % 2 === 0 ? 20 : 235;
          break;
        default:
          throw new Error(`unknown synthetic image ${kind}`);
      }
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return { data, width: size, height: size };
}

/** Small codes whose eyes blur into their neighbours at 320 px: decoded when sent, but not seen as codes by the thumbnail check. */
const UNSEEN_SMALL = new Set(['small-1_75px-blur0_8.png', 'small-2_5px-from-1px-blur1_2.png']);

describe('qrLikeness', async () => {
  const manifest = await loadManifest();
  // Images a page scanner meets as single elements: one code, drawn any which way.
  // Not photographs: perspective bends the right angle the outline check asks for
  // (docs/qr-decoding.md "Known limits"); pages draw their codes flat.
  const singleCodes = manifest.images.filter(
    (e) => e.expect === 'decode' && e.payloads.length === 1 && !['screenshot', 'multiple-codes', 'photographed'].includes(e.group) && !UNSEEN_SMALL.has(e.file),
  );
  const decoys = manifest.images.filter((e) => e.group === 'decoy');

  it.each(singleCodes.map((e) => [e.file, e] as const))('sees a code in a 320 px thumbnail of %s', async (_file, entry) => {
    const look = qrLikeness(await loadCorpusImage(entry));
    expect(look.likely).toBe(true);
    expect(look.outlines).toBeGreaterThan(0);
  });

  it.each(decoys.map((e) => [e.file, e] as const))('sees no code in %s', async (_file, entry) => {
    expect(qrLikeness(await loadCorpusImage(entry)).likely).toBe(false);
  });

  it.each(['solid', 'gradient', 'noise', 'stripes', 'fine-checkerboard', 'rings'])('sees no code in a %s image', (kind) => {
    expect(qrLikeness(synthetic(kind)).likely).toBe(false);
  });

  it('reports a flat image as having no contrast', () => {
    expect(qrLikeness(synthetic('solid'))).toEqual({ likely: false, contrast: 0, finderPatterns: 0, outlines: 0 });
  });

  it('rejects a thumbnail size below a version 1 code', () => {
    expect(() => qrLikeness(synthetic('solid'), 20)).toThrow(InvalidQrOptionError);
  });
});
