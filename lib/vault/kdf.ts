import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { InvalidVaultInputError, VaultDamagedError } from './errors';
import { plainBytes, utf8 } from './bytes';

/**
 * Argon2id cost parameters. Defaults: 64 MiB, 3 passes, 1 lane — ~0.3 s in Node
 * on 2 cores, similar in the browsers (see docs/vault-format.md).
 */
export interface KdfParams {
  /** Memory in KiB (1024 bytes). Default 65536 (64 MiB). */
  memoryKiB: number;
  /** Passes over the memory. Default 3. */
  iterations: number;
  /** Lanes. Default 1. */
  parallelism: number;
  /**
   * Lets a vault be CREATED with parameters below the defaults. For unit tests
   * only (to stay fast); never set it in the extension.
   */
  testOnlyAllowWeak?: true;
}

/** The parameters of every new vault and password change. */
export const DEFAULT_KDF: Readonly<KdfParams> = Object.freeze({ memoryKiB: 65536, iterations: 3, parallelism: 1 });

/** Bytes of random salt in a new slot. */
export const SALT_BYTES = 16;
/** Bytes of Argon2id output. */
export const KDF_OUTPUT_BYTES = 32 as const;

/**
 * What a reader accepts, checked when the file is parsed — before any
 * derivation. Beyond it the file is treated as damaged: the parameters are
 * unauthenticated until the password is known, so a planted backup or a crafted
 * export could otherwise make the worker spend gigabytes and many seconds (DoS
 * guard; docs/vault-format.md, "Argon2id parameters").
 */
export const KDF_READ_BOUNDS = Object.freeze({
  maxMemoryKiB: 262_144, // 256 MiB
  minIterations: 1,
  maxIterations: 10,
  /** memoryKiB × iterations: 8 × the default's (65536 × 3). Lanes run one after another in WebAssembly, so they add no work. */
  maxCost: 8 * 65536 * 3,
  minParallelism: 1,
  maxParallelism: 16,
  minSaltBytes: 16,
  maxSaltBytes: 64,
});

/** The stored form of the KDF in a password slot. */
export const StoredKdf = z.strictObject({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int(),
  iterations: z.number().int(),
  parallelism: z.number().int(),
  salt: z.string(),
  outputBytes: z.literal(KDF_OUTPUT_BYTES),
});
export type StoredKdf = z.infer<typeof StoredKdf>;

/** Why stored parameters are out of bounds, or `null` when they are fine. */
export function kdfBoundsProblem(kdf: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>): string | null {
  const b = KDF_READ_BOUNDS;
  if (kdf.parallelism < b.minParallelism || kdf.parallelism > b.maxParallelism) {
    return `parallelism ${kdf.parallelism} is outside ${b.minParallelism}…${b.maxParallelism}`;
  }
  // Argon2 needs at least 8 KiB per lane.
  if (kdf.memoryKiB < 8 * kdf.parallelism || kdf.memoryKiB > b.maxMemoryKiB) {
    return `memory ${kdf.memoryKiB} KiB is outside ${8 * kdf.parallelism}…${b.maxMemoryKiB} KiB`;
  }
  if (kdf.iterations < b.minIterations || kdf.iterations > b.maxIterations) {
    return `iterations ${kdf.iterations} is outside ${b.minIterations}…${b.maxIterations}`;
  }
  if (kdf.memoryKiB * kdf.iterations > b.maxCost) {
    return `cost ${kdf.memoryKiB} KiB × ${kdf.iterations} passes is more than ${b.maxCost} (8 × the default's)`;
  }
  return null;
}

/** Whether `kdf` is below `floor` (default: what a new slot gets) — cheaper to attack offline. */
export function isWeakerThanDefault(kdf: Pick<KdfParams, 'memoryKiB' | 'iterations'>, floor: Pick<KdfParams, 'memoryKiB' | 'iterations'> = DEFAULT_KDF): boolean {
  return kdf.memoryKiB < floor.memoryKiB || kdf.iterations < floor.iterations;
}

/**
 * Refuses a slot taken from elsewhere (a backup restored, joined or whose newer
 * password is adopted) when its parameters are below `floor`: whoever can write
 * the cloud folder must not downgrade a device to a slot cheap to attack offline.
 * Throws {@link VaultDamagedError}('weak-slot') naming the parameters.
 */
export function refuseWeakSlot(kdf: Pick<KdfParams, 'memoryKiB' | 'iterations'>, floor: Pick<KdfParams, 'memoryKiB' | 'iterations'> = DEFAULT_KDF): void {
  if (!isWeakerThanDefault(kdf, floor)) return;
  throw new VaultDamagedError(
    'weak-slot',
    `The password slot's key derivation (${kdf.memoryKiB} KiB, ${kdf.iterations} passes) is weaker than the minimum (${floor.memoryKiB} KiB, ${floor.iterations} passes): refused.`,
  );
}

/**
 * Checks parameters for a NEW slot: within the reading bounds and, unless
 * `testOnlyAllowWeak`, no weaker than {@link DEFAULT_KDF}.
 */
export function checkNewKdf(kdf: KdfParams = DEFAULT_KDF): KdfParams {
  for (const key of ['memoryKiB', 'iterations', 'parallelism'] as const) {
    if (!Number.isInteger(kdf[key])) {
      throw new InvalidVaultInputError('kdf-out-of-range', `KDF ${key} must be an integer, not ${kdf[key]}.`);
    }
  }
  const outOfBounds = kdfBoundsProblem(kdf);
  if (outOfBounds) throw new InvalidVaultInputError('kdf-out-of-range', `KDF parameters out of range: ${outOfBounds}.`);
  if (kdf.testOnlyAllowWeak !== true && isWeakerThanDefault(kdf)) {
    throw new InvalidVaultInputError(
      'weak-kdf',
      `KDF parameters below the defaults (${DEFAULT_KDF.memoryKiB} KiB, ${DEFAULT_KDF.iterations} passes) are refused.`,
    );
  }
  return kdf;
}

/** NFC, then UTF-8: the same password typed on any system gives the same bytes. */
export const passwordBytes = (password: string): Uint8Array<ArrayBuffer> => utf8(password.normalize('NFC'));

/** Runs Argon2id; returns the 32-byte slot secret. */
export async function runKdf(password: string, salt: Uint8Array, kdf: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>): Promise<Uint8Array<ArrayBuffer>> {
  const output = await argon2id({
    password: passwordBytes(password),
    salt,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    memorySize: kdf.memoryKiB,
    hashLength: KDF_OUTPUT_BYTES,
    outputType: 'binary',
  });
  return plainBytes(output);
}
