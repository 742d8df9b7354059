import { tn } from '../../components/i18n';
import { svg } from './dom';

/** The ring every countdown copies. */
let ring: SVGElement | undefined;

/**
 * A ring that empties until the code changes. Drawn by a CSS animation whose
 * delay places it at the right point, so a thousand rows cost no work per second.
 * A new code gets a new ring (the animation starts again).
 */
export function countdown(fromMs: number, untilMs: number, nowMs = Date.now()): SVGElement {
  const periodMs = untilMs - fromMs;
  const elapsedMs = Math.min(periodMs, Math.max(0, nowMs - fromMs));
  const seconds = Math.ceil((untilMs - nowMs) / 1000);
  // A copy of one ring built once: a thousand rows each get theirs at the cost of a clone (#15).
  ring ??= svg('svg', { class: 'countdown', viewBox: '0 0 36 36', role: 'img' },
    svg('circle', { class: 'track', cx: 18, cy: 18, r: 15.9 }),
    svg('circle', { class: 'remaining', cx: 18, cy: 18, r: 15.9, pathLength: 100 }));
  const copy = ring.cloneNode(true) as SVGElement;
  copy.setAttribute('aria-label', tn('secondsLeft', seconds, [String(seconds)]));
  copy.setAttribute('data-valid-until', String(untilMs));
  copy.style.setProperty('--period', `${periodMs}ms`);
  copy.style.setProperty('--elapsed', `-${elapsedMs}ms`);
  return copy;
}
