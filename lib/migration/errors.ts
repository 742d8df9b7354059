/** An `otpauth-migration://` link or its protobuf payload is malformed; the message says where. */
export class InvalidMigrationPayloadError extends Error {
  override readonly name: string = 'InvalidMigrationPayloadError';
}

/**
 * The payload ends before Google Authenticator's closing fields (`version`, `batch_size`):
 * the link or file was cut short. `accountsRead` complete account records came before the end,
 * so "3 of 4" is never passed off as a whole export.
 */
export class MigrationPayloadCutShortError extends InvalidMigrationPayloadError {
  override readonly name = 'MigrationPayloadCutShortError';
  constructor(readonly accountsRead: number, options?: ErrorOptions) {
    super(`The migration payload is cut short: it ends after ${accountsRead} complete account record${accountsRead === 1 ? '' : 's'}, before the fields Google Authenticator writes last.`, options);
  }
}
