import type { CSSProperties } from 'react';
import { tn } from '../../components/i18n';

/**
 * A ring that empties until the code changes. Drawn by a CSS animation whose
 * delay places it at the right point, so a thousand rows cost no re-render per second.
 */
export function Countdown({ fromMs, untilMs }: { fromMs: number; untilMs: number }) {
  const periodMs = untilMs - fromMs;
  const elapsedMs = Math.min(periodMs, Math.max(0, Date.now() - fromMs));
  const style = { '--period': `${periodMs}ms`, '--elapsed': `-${elapsedMs}ms` } as CSSProperties;
  const seconds = Math.ceil((untilMs - Date.now()) / 1000);
  return (
    <svg className="countdown" viewBox="0 0 36 36" style={style} role="img" aria-label={tn('secondsLeft', seconds, [String(seconds)])}
      data-valid-until={untilMs}>
      <circle className="track" cx="18" cy="18" r="15.9" />
      <circle className="remaining" cx="18" cy="18" r="15.9" pathLength={100} />
    </svg>
  );
}
