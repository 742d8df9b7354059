/**
 * The vault's errors. Each is a distinct problem the UI words differently:
 * "wrong password" (try again) is not "damaged" (restore a backup) is not
 * "newer version" (update the extension). See docs/vault-format.md.
 */

/** The password does not open this vault (or backup). */
export class WrongPasswordError extends Error {
  override readonly name = 'WrongPasswordError';
  constructor(message = 'The password is wrong.', options?: ErrorOptions) {
    super(message, options);
  }
}

/** Where a damaged file was found to be damaged. */
export type VaultDamage =
  | 'not-json'
  | 'structure'
  | 'base64'
  | 'length'
  | 'kdf-params'
  | 'weak-slot'
  | 'checksum'
  | 'verifier'
  | 'wrapped-key'
  | 'key-id'
  | 'payload'
  | 'contents'
  | 'summary-mismatch';

/** The file is damaged or was tampered with: no password can open it as it is. */
export class VaultDamagedError extends Error {
  override readonly name: string = 'VaultDamagedError';
  constructor(readonly problem: VaultDamage, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** The file (or its encrypted contents) was written by a newer version of the extension. */
export class UnsupportedVaultVersionError extends Error {
  override readonly name: string = 'UnsupportedVaultVersionError';
  constructor(
    /** The version found in the file. */
    readonly version: number,
    /** `file`: the envelope's `version`; `contents`: the encrypted `contentsVersion`. */
    readonly part: 'file' | 'contents',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * The master key given is not the key of this file (its keyId differs): e.g. the
 * vault was replaced while a session key was cached, or a backup was made by a
 * device with another key. Ask for the password instead; the file is not damaged.
 */
export class VaultKeyMismatchError extends Error {
  override readonly name = 'VaultKeyMismatchError';
  constructor(message = 'This key does not belong to this file.', options?: ErrorOptions) {
    super(message, options);
  }
}

/** What a caller passed that a writer cannot use. */
export type VaultInputProblem =
  | 'empty-password'
  | 'weak-kdf'
  | 'kdf-out-of-range'
  | 'invalid-contents'
  | 'bad-master-key'
  | 'bad-random'
  | 'invalid-device'
  | 'invalid-time';

/** A programming or input error on the writing side (nothing was written). */
export class InvalidVaultInputError extends Error {
  override readonly name = 'InvalidVaultInputError';
  constructor(readonly problem: VaultInputProblem, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
