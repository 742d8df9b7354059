import { generate } from 'selfsigned';

/** A TLS key pair and certificate, PEM-encoded, kept in memory only. */
export interface TlsCertificate {
  key: string;
  cert: string;
}

const VALIDITY_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Generates a fresh self-signed certificate for `localhost` and `127.0.0.1` (both as subject
 * alternative names: browsers ignore the common name). ECDSA P-256 because it is generated in
 * a few milliseconds. Never written to disk, so no key can end up in git.
 */
export async function generateLocalhostCertificate(now: Date = new Date()): Promise<TlsCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + VALIDITY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
