import { describe, expect, it } from 'vitest';
import { runRound } from './simulate';

/*
 * The seeded multi-device simulation (simulate.ts), 100 rounds on every run.
 * `npm run chaos` runs it longer and prints its figures. A failing round names
 * its seed (replay it with `runRound(seed, { steps: 16 })`; `npm run chaos` replays its own
 * rounds with `CHAOS_SEED=<seed> CHAOS_ROUNDS=1`).
 */

const ROUNDS = 100;
/** Steps per round here (npm run chaos runs 24): keeps this file at a few seconds. */
const STEPS = 16;

describe('seeded multi-device simulation: clocks ±24 h, faults, killed workers, re-keys, HOTP counters', () => {
  it(`${ROUNDS} rounds: nothing lost or resurrected, no HOTP counter back, every device and the cloud agree on accounts and key`, async () => {
    let kills = 0;
    let faults = 0;
    let rekeys = 0;
    let joins = 0;
    let hotpAdvances = 0;
    for (let seed = 1; seed <= ROUNDS; seed++) {
      const report = await runRound(seed, { steps: STEPS });
      kills += report.kills;
      faults += Object.values(report.faults).reduce((a, b) => a + b, 0);
      rekeys += report.rekeys;
      joins += report.joins;
      hotpAdvances += report.hotpAdvances;
      const broken = { lost: report.lost, resurrected: report.resurrected, counterRegressions: report.counterRegressions, failures: report.failures };
      expect({ seed, ...broken }).toEqual({ seed, lost: [], resurrected: [], counterRegressions: [], failures: [] });
    }
    // The storm really happened (not a run where nothing was injected).
    expect(kills).toBeGreaterThan(ROUNDS / 2);
    expect(faults).toBeGreaterThan(ROUNDS);
    expect({ rekeys: rekeys > ROUNDS / 4, joins: joins > 0, hotpAdvances: hotpAdvances > ROUNDS }).toEqual({ rekeys: true, joins: true, hotpAdvances: true });
  }, 120_000);
});
