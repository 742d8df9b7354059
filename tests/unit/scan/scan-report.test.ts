import { describe, expect, it } from 'vitest';
import { SCAN_LIMITS } from '../../../lib/scan/scan-limits';
import { ScanReport } from '../../../lib/scan/scan-report';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function report(overrides: Record<string, unknown> = {}) {
  return {
    v: 1,
    viewport: { width: 800, height: 600, devicePixelRatio: 2 },
    candidates: [
      { kind: 'pixels', element: 'img', png: PNG },
      { kind: 'url', element: 'background', url: 'https://cdn.example.com/qr.png', rect: { x: 0, y: -20, width: 100, height: 100 } },
    ],
    regions: [{ reason: 'frame', rect: { x: 10, y: 10, width: 200, height: 200 } }],
    truncated: false,
    stats: { examined: 3, likely: 1, failed: 0, elapsedMs: 12 },
    ...overrides,
  };
}

describe('ScanReport', () => {
  it('accepts a well-formed report', () => {
    expect(ScanReport.parse(report())).toEqual(report());
  });

  it.each([
    ['a newer version', { v: 2 }],
    ['an unknown key', { extra: true }],
    ['an SVG data URL', { candidates: [{ kind: 'pixels', element: 'img', png: 'data:image/svg+xml;base64,PHN2Zz4=' }] }],
    ['a PNG with text after it', { candidates: [{ kind: 'pixels', element: 'img', png: `${PNG}<script>` }] }],
    ['a javascript: URL', { candidates: [{ kind: 'url', element: 'img', url: 'javascript:alert(1)', rect: null }] }],
    ['a file: URL', { candidates: [{ kind: 'url', element: 'img', url: 'file:///etc/passwd', rect: null }] }],
    ['an extension URL', { candidates: [{ kind: 'url', element: 'img', url: 'chrome-extension://abc/popup.html', rect: null }] }],
    ['an unknown element', { candidates: [{ kind: 'pixels', element: 'video', png: PNG }] }],
    ['a huge rectangle', { regions: [{ reason: 'frame', rect: { x: 0, y: 0, width: 1e9, height: 10 } }] }],
    ['a NaN coordinate', { regions: [{ reason: 'video', rect: { x: Number.NaN, y: 0, width: 10, height: 10 } }] }],
    ['an absurd pixel ratio', { viewport: { width: 800, height: 600, devicePixelRatio: 100 } }],
    ['too many candidates', { candidates: Array.from({ length: SCAN_LIMITS.maxCandidates + 1 }, () => ({ kind: 'pixels', element: 'img', png: PNG })) }],
    ['too many regions', { regions: Array.from({ length: SCAN_LIMITS.maxRegions + 1 }, () => ({ reason: 'frame', rect: { x: 0, y: 0, width: 1, height: 1 } })) }],
    ['a URL that is too long', { candidates: [{ kind: 'url', element: 'img', url: `https://e.com/${'a'.repeat(SCAN_LIMITS.maxUrlChars)}`, rect: null }] }],
  ])('refuses %s', (_what, overrides) => {
    expect(ScanReport.safeParse(report(overrides)).success).toBe(false);
  });

  it('refuses images that are too large one by one and together', () => {
    const big = `data:image/png;base64,${'A'.repeat(SCAN_LIMITS.maxPngChars)}`;
    expect(ScanReport.safeParse(report({ candidates: [{ kind: 'pixels', element: 'img', png: big }] })).success).toBe(false);
    // Three images, each under the limit for one, over the limit together.
    const third = `data:image/png;base64,${'A'.repeat(Math.ceil(SCAN_LIMITS.maxTotalPngChars / 3))}`;
    const parsed = ScanReport.safeParse(report({ candidates: [0, 1, 2].map(() => ({ kind: 'pixels', element: 'img', png: third })) }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/together/);
  });
});
