/*
 * QR decoding benchmark over the test corpus (tests/fixtures/qr/), per category
 * and per engine: jsqr's cascade alone, ZXing alone, and the combination the
 * extension uses (ZXing first, jsqr when ZXing reads nothing), with the budgets
 * the background gives one image.
 *
 *   npx tsx bench/qr-decode.ts [--runs N]
 *
 * Prints detection rates and decode times; asserts nothing (times depend on the
 * machine and its load). Each image is decoded once per engine to warm up, then N
 * times (default 3); an image's time is the median of its N runs.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { decodeQrCodes } from '../lib/qr/decode-image';
import type { QrDecodeResult } from '../lib/qr/decode-result';
import { readQrCodes } from '../lib/qr/read-qr-codes';
import { DECODE_BUDGETS } from '../lib/scan/scan-limits';
import { loadCorpusImage, loadManifest, type CorpusEntry, type LoadedImage } from '../tests/fixtures/qr-corpus-generator/manifest';
import { nodeZxingReader } from '../tests/fixtures/qr-corpus-generator/node-zxing';
import { median, percentile } from './stats';

const zxing = nodeZxingReader();
const clock = () => performance.now();
/** The budget the background gives one image (lib/scan/scan-limits.ts). */
const budget = { timeBudgetMs: DECODE_BUDGETS.perImageMs, now: clock };

const ENGINES = {
  jsqr: async (image: LoadedImage) => decodeQrCodes(image, budget),
  zxing: (image: LoadedImage) => readQrCodes(image, { ...budget, zxing, jsqrFallback: false }),
  combined: (image: LoadedImage) => readQrCodes(image, { ...budget, zxing }),
} as const;
type EngineName = keyof typeof ENGINES;

interface Measured {
  entry: CorpusEntry;
  engine: EngineName;
  result: QrDecodeResult;
  ms: number;
  found: number;
  wrong: number;
}

const ms = (value: number): string => value.toFixed(1);
const pct = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Decodes the corpus `runs` times per image and engine, and prints the tables. */
export async function runQrDecodeBench(runs: number): Promise<void> {
const manifest = await loadManifest();
const measured: Measured[] = [];
for (const entry of manifest.images) {
  const image = await loadCorpusImage(entry);
  for (const engine of Object.keys(ENGINES) as EngineName[]) {
    const decode = ENGINES[engine];
    await decode(image);
    const times: number[] = [];
    let result: QrDecodeResult | undefined;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      result = await decode(image);
      times.push(performance.now() - start);
    }
    if (!result) throw new Error('no run');
    const expected = entry.expect === 'decode' ? entry.payloads : [];
    const texts = result.codes.map((c) => c.text);
    measured.push({
      entry,
      engine,
      result,
      ms: median(times),
      found: expected.filter((p) => texts.includes(p)).length,
      wrong: texts.filter((t) => !entry.payloads.includes(t)).length,
    });
  }
}

printTables(manifest.images, measured, runs);
}

function summary(rows: Measured[]): (string | number)[] {
  const readable = rows.filter((m) => m.entry.expect === 'decode');
  const expected = readable.reduce((n, m) => n + m.entry.payloads.length, 0);
  const found = readable.reduce((n, m) => n + m.found, 0);
  const silent = rows.filter((m) => m.entry.expect === 'none');
  const times = rows.map((m) => m.ms);
  return [
    expected === 0 ? '–' : `${found}/${expected} (${pct(found, expected)})`,
    rows.reduce((n, m) => n + m.wrong, 0),
    silent.length === 0 ? '–' : `${silent.filter((m) => m.result.codes.length === 0).length}/${silent.length}`,
    ms(median(times)),
    ms(percentile(times, 95)),
    ms(Math.max(...times)),
  ];
}

function printTables(images: CorpusEntry[], measured: Measured[], runs: number): void {
const engines = Object.keys(ENGINES) as EngineName[];
console.log(`\nQR decode benchmark — ${images.length} images, median of ${runs} runs each, ${DECODE_BUDGETS.perImageMs} ms budget per image`);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), load ${os.loadavg()[0]?.toFixed(2)}`);
console.log('');
console.log(table(['engine', 'codes found', 'wrong', 'no code: silent', 'median ms', 'p95 ms', 'worst ms'], engines.map((engine) => [engine, ...summary(measured.filter((m) => m.engine === engine))])));

const groups = [...new Set(images.map((e) => e.group))];
for (const engine of engines) {
  console.log('');
  console.log(`${engine}, per category:`);
  console.log(table(['category', 'codes found', 'wrong', 'no code: silent', 'median ms', 'p95 ms', 'worst ms'], groups.map((group) => [group, ...summary(measured.filter((m) => m.engine === engine && m.entry.group === group))])));
}

console.log('');
const steps = new Map<string, number>();
for (const m of measured) if (m.engine === 'combined') for (const code of m.result.codes) steps.set(`${code.engine}: ${code.attempt}`, (steps.get(`${code.engine}: ${code.attempt}`) ?? 0) + 1);
console.log(table(['combined: engine and view that read the code', 'codes'], [...steps.entries()].sort((a, b) => b[1] - a[1])));

console.log('');
console.log('slowest images (combined):');
console.log(
  table(
    ['file', 'ms', 'calls', 'Mpx read', 'codes'],
    measured
      .filter((m) => m.engine === 'combined')
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8)
      .map((m) => [m.entry.file, ms(m.ms), m.result.attempts, (m.result.scannedPixels / 1e6).toFixed(2), m.result.codes.length]),
  ),
);
const missed = measured.filter((m) => m.engine === 'combined' && m.entry.expect === 'decode' && m.found < m.entry.payloads.length);
if (missed.length > 0) console.log(`\nnot read (combined): ${missed.map((m) => m.entry.file).join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runsFlag = process.argv.indexOf('--runs');
  await runQrDecodeBench(runsFlag >= 0 ? Math.max(1, Number(process.argv[runsFlag + 1]) || 3) : 3);
}
