import { tn } from '../../components/i18n';
import { h, svg } from './dom';

/** The ring every countdown copies. */
let ring: SVGElement | undefined;

/** The periods (in seconds) whose number keyframes this page has. */
const numberKeyframes = new Set<number>();

/**
 * The keyframes counting `periodS` down to 0, added to the page once per period.
 * Literal numbers, not var(): Firefox animates a keyframe holding var() as a
 * discrete value (the period until half-way, then 0).
 */
function secondsLeftAnimation(periodS: number): string {
  const name = `seconds-left-${periodS}`;
  if (!numberKeyframes.has(periodS)) {
    numberKeyframes.add(periodS);
    document.head.append(h('style', {}, `@keyframes ${name} { from { --seconds-left: ${periodS}; } to { --seconds-left: 0; } }`));
  }
  return name;
}

/**
 * A ring that empties until the code changes, with the seconds left as a number
 * inside it. Both are CSS animations whose (negative) delay places them at the right
 * point — the number is a registered integer property stepped once a second and
 * printed by a counter (popup.css) — so a thousand rows cost no script per second.
 * A new code gets a new ring (the animations start again). The ring's label says
 * the seconds left when it was drawn; the number is for the eyes only.
 */
export function countdown(fromMs: number, untilMs: number, nowMs = Date.now()): HTMLElement {
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
  const periodS = Math.max(1, Math.round(periodMs / 1000));
  const number = h('span', { class: 'seconds-left', 'aria-hidden': 'true', 'data-testid': 'seconds-left' });
  number.style.animationName = secondsLeftAnimation(periodS);
  const wrap = h('span', { class: 'countdown-wrap' }, copy, number);
  wrap.style.setProperty('--period', `${periodMs}ms`);
  wrap.style.setProperty('--period-s', String(periodS));
  wrap.style.setProperty('--elapsed', `-${elapsedMs}ms`);
  return wrap;
}
