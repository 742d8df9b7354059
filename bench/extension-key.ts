import crypto from 'node:crypto';

/**
 * A fresh manifest key for an extension the bench loads beside ours (the floor
 * popup, a baseline build), and the id Chromium will give it — known before the
 * browser loads it, and different from ours (two extensions with one key cannot
 * both load).
 */
export interface ExtensionKey {
  /** The manifest's `key`: the public key, DER, base64. */
  key: string;
  /** `chrome-extension://<id>/` */
  origin: string;
}

/** Chromium's extension id: the first 16 bytes of SHA-256(public key DER), hex digits mapped to a–p. */
function extensionId(publicKeyDer: Buffer): string {
  const hex = crypto.createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

export function freshExtensionKey(): ExtensionKey {
  const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { key: der.toString('base64'), origin: `chrome-extension://${extensionId(der)}/` };
}
