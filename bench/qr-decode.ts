/*
 * QR decoding benchmark over the test corpus (tests/fixtures/qr/).
 *
 *   npx tsx bench/qr-decode.ts [--runs N]
 *
 * Prints detection rates and decode times per image; asserts nothing (times
 * depend on the machine and its load). Each image is decoded once to warm up,
 * then N times (default 3); an image's time is the median of its N runs.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { qrLikeness } from '../lib/qr/candidates';
import { decodeQrCodes } from '../lib/qr/decode-image';
import type { QrDecodeResult } from '../lib/qr/decode-result';
import { loadCorpusImage, loadManifest, type CorpusEntry } from '../tests/fixtures/qr-corpus-generator/manifest';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Math.max(1, Number(process.argv[runsFlag + 1]) || 3) : 3;

interface Measured {
  entry: CorpusEntry;
  result: QrDecodeResult;
  ms: number;
  likenessMs: number;
  likely: boolean;
  found: number;
  wrong: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const pct = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const manifest = await loadManifest();
const measured: Measured[] = [];
for (const entry of manifest.images) {
  const image = await loadCorpusImage(entry);
  decodeQrCodes(image);
  const times: number[] = [];
  let result: QrDecodeResult | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = decodeQrCodes(image);
    times.push(performance.now() - start);
  }
  const likenessStart = performance.now();
  const likely = qrLikeness(image).likely;
  const likenessMs = performance.now() - likenessStart;
  if (!result) throw new Error('no run');
  const expected = entry.expect === 'decode' ? entry.payloads : [];
  const texts = result.codes.map((c) => c.text);
  measured.push({
    entry,
    result,
    ms: median(times),
    likenessMs,
    likely,
    found: expected.filter((p) => texts.includes(p)).length,
    wrong: texts.filter((t) => !entry.payloads.includes(t)).length,
  });
}

const readable = measured.filter((m) => m.entry.expect === 'decode');
const codesExpected = readable.reduce((n, m) => n + m.entry.payloads.length, 0);
const codesFound = readable.reduce((n, m) => n + m.found, 0);
const imagesComplete = readable.filter((m) => m.found === m.entry.payloads.length).length;
const wrong = measured.reduce((n, m) => n + m.wrong, 0);
const silentNone = measured.filter((m) => m.entry.expect === 'none' && m.result.codes.length === 0).length;
const times = measured.map((m) => m.ms);

console.log(`QR decode benchmark — ${manifest.images.length} images, median of ${runs} runs each`);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), load ${os.loadavg()[0]?.toFixed(2)}`);
console.log('');
console.log(
  table(
    ['measure', 'value'],
    [
      ['codes read (readable images)', `${codesFound}/${codesExpected} (${pct(codesFound, codesExpected)})`],
      ['images read completely', `${imagesComplete}/${readable.length} (${pct(imagesComplete, readable.length)})`],
      ['wrong payloads returned', wrong],
      ['decoys / unreadable returning nothing', `${silentNone}/${measured.length - readable.length}`],
      ['decode time per image, median', ms(median(times))],
      ['decode time per image, p95', ms(percentile(times, 95))],
      ['decode time per image, max', `${ms(Math.max(...times))} (${measured.find((m) => m.ms === Math.max(...times))?.entry.file ?? ''})`],
      ['decode time, whole corpus', ms(times.reduce((a, b) => a + b, 0))],
      ['qrLikeness per image, median (320 px)', ms(median(measured.map((m) => m.likenessMs)))],
      ['jsqr calls per image, median / max', `${median(measured.map((m) => m.result.attempts))} / ${Math.max(...measured.map((m) => m.result.attempts))}`],
    ],
  ),
);

console.log('');
const groups = [...new Set(measured.map((m) => m.entry.group))];
console.log(
  table(
    ['group', 'images', 'codes read', 'wrong', 'median', 'max', 'likely'],
    groups.map((group) => {
      const inGroup = measured.filter((m) => m.entry.group === group);
      const expected = inGroup.filter((m) => m.entry.expect === 'decode').reduce((n, m) => n + m.entry.payloads.length, 0);
      const found = inGroup.reduce((n, m) => n + m.found, 0);
      return [
        group,
        inGroup.length,
        expected === 0 ? '–' : `${found}/${expected}`,
        inGroup.reduce((n, m) => n + m.wrong, 0),
        ms(median(inGroup.map((m) => m.ms))),
        ms(Math.max(...inGroup.map((m) => m.ms))),
        `${inGroup.filter((m) => m.likely).length}/${inGroup.length}`,
      ];
    }),
  ),
);

console.log('');
const steps = new Map<string, number>();
for (const m of measured) for (const code of m.result.codes) steps.set(code.attempt, (steps.get(code.attempt) ?? 0) + 1);
console.log(table(['cascade step that read the code', 'codes'], [...steps.entries()].sort((a, b) => b[1] - a[1])));

console.log('');
console.log('slowest images:');
console.log(
  table(
    ['file', 'time', 'jsqr calls', 'Mpx read', 'codes'],
    [...measured]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8)
      .map((m) => [m.entry.file, ms(m.ms), m.result.attempts, (m.result.scannedPixels / 1e6).toFixed(2), m.result.codes.length]),
  ),
);
