/** An `otpauth-migration://` link or its protobuf payload is malformed; the message says where. */
export class InvalidMigrationPayloadError extends Error {
  override readonly name = 'InvalidMigrationPayloadError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
