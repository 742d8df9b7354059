import { FAULT_KINDS, runRound, type FaultKind } from './simulate';

/*
 * `npm run chaos`: the multi-device simulation, long (default 1000 rounds),
 * with its figures. Round i uses seed CHAOS_SEED + i; the base seed is printed
 * first (random unless given), and any failing round prints the command that
 * replays exactly that round.
 *   CHAOS_ROUNDS=5000 npm run chaos
 *   CHAOS_SEED=123456 CHAOS_ROUNDS=1 npm run chaos
 */

const rounds = Number(process.env.CHAOS_ROUNDS ?? 1000);
const baseSeed = process.env.CHAOS_SEED !== undefined ? Number(process.env.CHAOS_SEED) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isSafeInteger(rounds) || rounds < 1 || !Number.isSafeInteger(baseSeed) || baseSeed < 0) {
  console.error('CHAOS_ROUNDS must be a whole number ≥ 1 and CHAOS_SEED a whole number ≥ 0.');
  process.exit(2);
}

async function main(): Promise<void> {
  console.log(`chaos: ${rounds} rounds from seed ${baseSeed} (replay one: CHAOS_SEED=<seed> CHAOS_ROUNDS=1 npm run chaos)`);
  const started = performance.now();
  const faults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  let kills = 0;
  let accounts = 0;
  let lost = 0;
  let resurrected = 0;
  let rekeys = 0;
  let joins = 0;
  let hotpAdvances = 0;
  let regressions = 0;
  let failedRounds = 0;
  const devices = { 2: 0, 3: 0 } as Record<number, number>;
  for (let i = 0; i < rounds; i++) {
    const seed = baseSeed + i;
    const report = await runRound(seed);
    for (const kind of FAULT_KINDS) faults[kind] += report.faults[kind];
    kills += report.kills;
    accounts += report.accountsChecked;
    lost += report.lost.length;
    resurrected += report.resurrected.length;
    rekeys += report.rekeys;
    joins += report.joins;
    hotpAdvances += report.hotpAdvances;
    regressions += report.counterRegressions.length;
    devices[report.devices] = (devices[report.devices] ?? 0) + 1;
    if (report.lost.length || report.resurrected.length || report.counterRegressions.length || report.failures.length) {
      failedRounds += 1;
      console.log(`FAILED seed ${seed}: lost ${JSON.stringify(report.lost)}, resurrected ${JSON.stringify(report.resurrected)}, counters back ${JSON.stringify(report.counterRegressions)}`);
      for (const failure of report.failures) console.log(`  ${failure.slice(0, 500)}`);
      console.log(`  replay: CHAOS_SEED=${seed} CHAOS_ROUNDS=1 npm run chaos`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const totalFaults = FAULT_KINDS.reduce((sum, k) => sum + faults[k], 0);
  console.log('');
  console.log(`rounds              ${rounds} (2 devices: ${devices[2]}, 3 devices: ${devices[3]}), seeds ${baseSeed}…${baseSeed + rounds - 1}`);
  console.log(`faults injected     ${totalFaults}: ${FAULT_KINDS.map((k) => `${k} ${faults[k]}`).join(', ')}`);
  console.log(`workers killed      ${kills}`);
  console.log(`accounts checked    ${accounts}`);
  console.log(`accounts lost       ${lost}`);
  console.log(`resurrected         ${resurrected}`);
  console.log(`re-keys             ${rekeys} (devices that joined the new key: ${joins})`);
  console.log(`HOTP advances       ${hotpAdvances}`);
  console.log(`counter regressions ${regressions}`);
  console.log(`rounds failed       ${failedRounds}`);
  console.log(`run time            ${seconds} s`);
  process.exit(failedRounds === 0 ? 0 : 1);
}

void main();
