import { tn } from '../../components/i18n';
import { svg } from './dom';

/**
 * A ring that empties until the code changes. Drawn by a CSS animation whose
 * delay places it at the right point, so a thousand rows cost no work per second.
 * A new code gets a new ring (the animation starts again).
 */
export function countdown(fromMs: number, untilMs: number, nowMs = Date.now()): SVGElement {
  const periodMs = untilMs - fromMs;
  const elapsedMs = Math.min(periodMs, Math.max(0, nowMs - fromMs));
  const seconds = Math.ceil((untilMs - nowMs) / 1000);
  const ring = svg('svg', { class: 'countdown', viewBox: '0 0 36 36', role: 'img', 'aria-label': tn('secondsLeft', seconds, [String(seconds)]), 'data-valid-until': untilMs },
    svg('circle', { class: 'track', cx: 18, cy: 18, r: 15.9 }),
    svg('circle', { class: 'remaining', cx: 18, cy: 18, r: 15.9, pathLength: 100 }));
  ring.style.setProperty('--period', `${periodMs}ms`);
  ring.style.setProperty('--elapsed', `-${elapsedMs}ms`);
  return ring;
}
