import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQrCodes } from '../../../lib/qr/decode-image';
import { QrDecodeResult } from '../../../lib/qr/decode-result';
import { InvalidImageError, InvalidQrOptionError } from '../../../lib/qr/errors';
import type { RgbaImage } from '../../../lib/qr/rgba-image';
import { loadCorpusImage, loadManifest, type CorpusEntry, type CorpusManifest } from '../../fixtures/qr-corpus-generator/manifest';

const manifest: CorpusManifest = await loadManifest();
const byFile = (file: string): CorpusEntry => {
  const entry = manifest.images.find((e) => e.file === file);
  if (!entry) throw new Error(`${file} is not in the corpus manifest`);
  return entry;
};
const sorted = (texts: readonly string[]): string[] => [...texts].sort();

/**
 * Groups added for ZXing (photographs, 1–3 px blurred codes) are beyond jsqr's
 * cascade alone: they are read by the combined decoder (read-qr-codes.test.ts),
 * and `npm run bench` reports jsqr's own rate on them.
 */
const BEYOND_JSQR = new Set(['photographed', 'small-blurred']);

describe('the corpus (tests/fixtures/qr/manifest.json), jsqr cascade alone', () => {
  const readable = manifest.images.filter((e) => e.expect === 'decode' && !BEYOND_JSQR.has(e.group));
  const unreadable = manifest.images.filter((e) => e.expect === 'none');

  it('has every kind of image the decoder must handle', () => {
    const groups = new Set(manifest.images.map((e) => e.group));
    for (const group of ['module-size', 'quiet-zone', 'error-correction', 'inverted', 'low-contrast-colour', 'scaling-blur', 'jpeg', 'rotation', 'transparent', 'screenshot', 'multiple-codes', 'format', 'svg', 'version', 'noise', 'styled', 'decoy', ...BEYOND_JSQR]) {
      expect(groups, group).toContain(group);
    }
    expect(new Set(manifest.images.map((e) => e.format))).toEqual(new Set(['png', 'jpeg', 'webp', 'gif', 'svg']));
    expect(unreadable.every((e) => (e.why ?? '').length > 20)).toBe(true);
  });

  it.each(readable.map((e) => [e.file, e] as const))('reads exactly the payloads of %s', async (_file, entry) => {
    const result = decodeQrCodes(await loadCorpusImage(entry));
    expect(sorted(result.codes.map((c) => c.text))).toEqual(sorted(entry.payloads));
  });

  it.each(unreadable.map((e) => [e.file, e] as const))('returns nothing (never a wrong payload) for %s', async (_file, entry) => {
    const result = decodeQrCodes(await loadCorpusImage(entry));
    expect(result.codes).toEqual([]);
    expect(result.stoppedBy).toBe('exhausted');
  });
});

describe('jsqr options', () => {
  let inverted: RgbaImage;
  beforeAll(async () => {
    inverted = await loadCorpusImage(byFile('inverted-module-3px.png'));
  });

  it('jsqr 1.4.0 itself carries dontInvert over to a later call without options (why every call passes them)', () => {
    expect(jsQR(inverted.data, inverted.width, inverted.height, { inversionAttempts: 'attemptBoth' })).not.toBeNull();
    expect(jsQR(inverted.data, inverted.width, inverted.height, { inversionAttempts: 'dontInvert' })).toBeNull();
    expect(jsQR(inverted.data, inverted.width, inverted.height)).toBeNull();
    // Put jsqr's shared defaults back for anything else in this process.
    jsQR(inverted.data, inverted.width, inverted.height, { inversionAttempts: 'attemptBoth' });
  });

  it('a dontInvert decode does not stop the next default decode from reading an inverted code', () => {
    expect(decodeQrCodes(inverted, { inversionAttempts: 'dontInvert' }).codes).toEqual([]);
    const next = decodeQrCodes(inverted);
    expect(next.codes.map((c) => c.text)).toEqual(byFile('inverted-module-3px.png').payloads);
  });

  it('an earlier bare dontInvert call to jsqr does not leak into decodeQrCodes', () => {
    jsQR(inverted.data, inverted.width, inverted.height, { inversionAttempts: 'dontInvert' });
    expect(decodeQrCodes(inverted).codes).toHaveLength(1);
    jsQR(inverted.data, inverted.width, inverted.height, { inversionAttempts: 'attemptBoth' });
  });
});

describe('transparency', () => {
  it('reads a code on a transparent background whose hidden colour is black, which jsqr alone sees as solid black', async () => {
    const entry = byFile('transparent-black-on-clear.png');
    const image = await loadCorpusImage(entry);
    expect(jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })).toBeNull();
    expect(decodeQrCodes(image).codes.map((c) => c.text)).toEqual(entry.payloads);
  });

  it('reads light modules on a transparent background (drawn for a dark page) over black', async () => {
    const entry = byFile('transparent-white-on-clear.png');
    const result = decodeQrCodes(await loadCorpusImage(entry));
    expect(result.codes.map((c) => [c.text, c.attempt])).toEqual([[entry.payloads[0], 'on-black']]);
  });

  it('does not change the caller’s buffer', async () => {
    const image = await loadCorpusImage(byFile('transparent-semi-green.png'));
    const before = image.data.slice();
    decodeQrCodes(image);
    expect(image.data).toEqual(before);
  });
});

describe('several codes in one image', () => {
  it.each([
    ['multi-two-side-by-side.png', 2],
    ['multi-four-grid.png', 4],
    ['multi-migration-stacked.png', 2],
    ['screenshot-two-migration-codes.png', 2],
  ] as const)('%s: finds all %i codes, each once, at distinct places', async (file, count) => {
    const result = decodeQrCodes(await loadCorpusImage(byFile(file)));
    expect(result.codes).toHaveLength(count);
    const centres = result.codes.map((c) => ({ x: (c.corners.topLeft.x + c.corners.bottomRight.x) / 2, y: (c.corners.topLeft.y + c.corners.bottomRight.y) / 2 }));
    for (let i = 0; i < centres.length; i++) {
      for (let j = i + 1; j < centres.length; j++) {
        const a = centres[i]!;
        const b = centres[j]!;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(50);
      }
    }
  });

  it('reports where each code is, in the pixels of the image passed in', async () => {
    const entry = byFile('multi-two-side-by-side.png');
    const image = await loadCorpusImage(entry);
    const result = decodeQrCodes(image);
    const [left, right] = [...result.codes].sort((a, b) => a.corners.topLeft.x - b.corners.topLeft.x);
    expect(left?.text).toBe(entry.payloads[0]);
    expect(right?.text).toBe(entry.payloads[1]);
    // Each code is 4 px per module with a 4-module quiet zone, the two side by side.
    expect(left?.corners.topLeft.x).toBeCloseTo(16, -0.5);
    expect(left?.corners.topLeft.y).toBeCloseTo(16, -0.5);
    expect(right?.corners.topLeft.x).toBeCloseTo(image.width / 2 + 16, -0.5);
  });

  it('stops at maxCodes', async () => {
    const result = decodeQrCodes(await loadCorpusImage(byFile('multi-four-grid.png')), { maxCodes: 1 });
    expect(result.codes).toHaveLength(1);
    expect(result.stoppedBy).toBe('max-codes');
  });

  it('maps corners back through shrinking: a 2624 px code read at 1000 px', async () => {
    const result = decodeQrCodes(await loadCorpusImage(byFile('module-64px-japanesepercent.png')));
    const code = result.codes[0];
    expect(code?.attempt).toBe('shrink-1000');
    // 64 px modules, 4-module quiet zone: the code starts at 256 px; allow half a module.
    expect(Math.abs((code?.corners.topLeft.x ?? 0) - 256)).toBeLessThan(32);
    expect(Math.abs((code?.corners.topLeft.y ?? 0) - 256)).toBeLessThan(32);
  });
});

describe('budgets', () => {
  let busy: RgbaImage;
  let unbounded: QrDecodeResult;
  beforeAll(async () => {
    busy = await loadCorpusImage(byFile('multi-four-grid.png'));
    unbounded = decodeQrCodes(busy);
  });

  it.each([0, 50_000, 300_000, 1_000_000, 2_500_000])('never hands jsqr more than maxScanPixels = %i', (maxScanPixels) => {
    const result = decodeQrCodes(busy, { maxScanPixels });
    expect(result.scannedPixels).toBeLessThanOrEqual(maxScanPixels);
    expect(result.stoppedBy).toBe(maxScanPixels < unbounded.scannedPixels ? 'work-budget' : 'exhausted');
    // What was found within the budget is a subset of what the unbounded search found.
    for (const code of result.codes) expect(unbounded.codes.map((c) => c.text)).toContain(code.text);
  });

  it('a zero work budget makes no attempt at all', () => {
    expect(decodeQrCodes(busy, { maxScanPixels: 0 })).toEqual({ codes: [], stoppedBy: 'work-budget', attempts: 0, scannedPixels: 0 });
  });

  it.each([0, 1, 3, 6])('stops once the time budget is spent: %i attempts of a clock that moves 10 ms per reading', (allowed) => {
    let time = 0;
    const now = (): number => {
      const reading = time;
      time += 10;
      return reading;
    };
    const result = decodeQrCodes(busy, { now, timeBudgetMs: allowed * 10 });
    expect(result.stoppedBy).toBe('time-budget');
    expect(result.attempts).toBeLessThanOrEqual(allowed);
  });

  it('with a clock that stands still the time budget never stops the search', () => {
    const result = decodeQrCodes(busy, { now: () => 1_000, timeBudgetMs: 1 });
    expect(result).toEqual(unbounded);
  });
});

describe('result and input checks', () => {
  it('returns plain data that matches its schema', async () => {
    const result = decodeQrCodes(await loadCorpusImage(byFile('module-2px-japaneseraw.png')));
    expect(QrDecodeResult.parse(structuredClone(result))).toEqual(result);
    const code = result.codes[0];
    expect(new TextDecoder().decode(Uint8Array.from(code?.bytes ?? []))).toBe(code?.text);
  });

  it.each([
    ['a plain array', { data: [0, 0, 0, 255], width: 1, height: 1 }, 'data'],
    ['a short buffer', { data: new Uint8ClampedArray(12), width: 2, height: 2 }, 'data'],
    ['zero width', { data: new Uint8ClampedArray(0), width: 0, height: 2 }, 'width'],
    ['fractional height', { data: new Uint8ClampedArray(8), width: 1, height: 1.5 }, 'height'],
    ['a side over 32767 px', { data: new Uint8ClampedArray(4 * 32768), width: 32768, height: 1 }, 'width'],
  ])('rejects %s with InvalidImageError naming the field', (_what, image, field) => {
    const attempt = (): unknown => decodeQrCodes(image as unknown as RgbaImage);
    expect(attempt).toThrow(InvalidImageError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidImageError).field).toBe(field);
    }
  });

  const pixel: RgbaImage = { data: new Uint8ClampedArray([255, 255, 255, 255]), width: 1, height: 1 };
  it.each([
    ['maxCodes', { maxCodes: 0 }],
    ['maxCodes', { maxCodes: 1.5 }],
    ['maxScanPixels', { maxScanPixels: -1 }],
    ['timeBudgetMs', { timeBudgetMs: -5, now: () => 0 }],
    ['now', { timeBudgetMs: 100 }],
    ['inversionAttempts', { inversionAttempts: 'sometimes' }],
  ])('rejects a bad %s with InvalidQrOptionError naming it', (option, options) => {
    const attempt = (): unknown => decodeQrCodes(pixel, options as never);
    expect(attempt).toThrow(InvalidQrOptionError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidQrOptionError).option).toBe(option);
    }
  });

  it('a blank 1×1 image holds no code', () => {
    expect(decodeQrCodes(pixel).codes).toEqual([]);
  });
});
