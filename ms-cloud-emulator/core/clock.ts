/**
 * The emulator's clock: real time plus an offset that tests move forward to make tokens,
 * codes and download URLs expire without waiting (browsers keep real time).
 */
export interface EmulatorClock {
  /** Current emulator time, epoch milliseconds. */
  now(): number;
  /** Moves the clock forward by `seconds` (≥ 0); cumulative. */
  advance(seconds: number): void;
  /** Current offset from real time, seconds. */
  offsetSeconds(): number;
  /** Back to real time. */
  reset(): void;
}

/** Creates a clock reading `realNow` (default `Date.now`) plus an adjustable offset. */
export function createClock(realNow: () => number = Date.now): EmulatorClock {
  let offsetMs = 0;
  return {
    now: () => realNow() + offsetMs,
    advance: (seconds) => {
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError(`advanceSeconds must be a finite number ≥ 0, got ${seconds}`);
      }
      offsetMs += seconds * 1000;
    },
    offsetSeconds: () => offsetMs / 1000,
    reset: () => {
      offsetMs = 0;
    },
  };
}
