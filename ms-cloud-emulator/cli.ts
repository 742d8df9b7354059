/**
 * Command line: `npx tsx ms-cloud-emulator/cli.ts [--port 8443] [--data-dir .emulator-data]
 * [--host 127.0.0.1] [--redirect-uri URI]… [--client-id GUID]… [--app-folder-name NAME]`.
 * Prints one JSON line `{"url":"https://localhost:PORT"}` once it accepts connections;
 * SIGINT / SIGTERM stop it cleanly. Flags are documented in docs/ms-cloud-emulator.md.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, startEmulator } from './server.ts';

function listFromEnv(name: string): string[] {
  return (process.env[name] ?? '').split(/[\s,]+/).filter(Boolean);
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got '${text}'`);
  }
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string', default: '.emulator-data' },
      host: { type: 'string', default: '127.0.0.1' },
      'redirect-uri': { type: 'string', multiple: true, default: [] },
      'client-id': { type: 'string', multiple: true, default: [] },
      'app-folder-name': { type: 'string' },
    },
    strict: true,
  });
  const emulator = await startEmulator({
    port: parsePort(values.port),
    dataDir: values['data-dir'],
    host: values.host,
    redirectUris: [...values['redirect-uri'], ...listFromEnv('MS_EMULATOR_REDIRECT_URIS')],
    clientIds: [...values['client-id'], ...listFromEnv('MS_EMULATOR_CLIENT_IDS')],
    ...(values['app-folder-name'] !== undefined ? { appFolderName: values['app-folder-name'] } : {}),
  });
  process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`ms-cloud-emulator: error while stopping on ${signal}`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`ms-cloud-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
