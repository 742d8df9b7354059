import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../../lib/background/handlers';
import { isExtensionPage, type ExtensionIdentity, type SenderInfo } from '../../../lib/background/core';
import { route } from '../../../lib/background/router';
import { NoBackupError } from '../../../lib/background/cloud';
import type { ErrorCode } from '../../../lib/messaging/protocol';
import { WrongPasswordError } from '../../../lib/vault';
import { countWrites, createFakePorts } from './fake-ports';
import { expectFailure, PASSWORD, POPUP, SELF, sendRaw } from './harness';

/* Sender policy and request validation: none of these needs a vault. */

const OTHER_ID = 'someotherextensionid';

describe('isExtensionPage', () => {
  const firefox: ExtensionIdentity = { id: 'hikae@example.org', origin: 'moz-extension://0d6b1c2e-4a5f-4b8e-9c1d-2e3f4a5b6c7d/' };
  it.each<[string, SenderInfo, ExtensionIdentity, boolean]>([
    ['the popup', POPUP, SELF, true],
    ['the options page', { id: SELF.id, url: `${SELF.origin}options.html#accounts` }, SELF, true],
    ['a Firefox extension page', { id: firefox.id, url: `${firefox.origin}popup.html` }, firefox, true],
    ['a content script (our id, a web page URL)', { id: SELF.id, url: 'https://example.com/login' }, SELF, false],
    ['a content script on an http page', { id: SELF.id, url: 'http://localhost:8080/' }, SELF, false],
    ['our id without a URL', { id: SELF.id }, SELF, false],
    ['another extension', { id: OTHER_ID, url: `chrome-extension://${OTHER_ID}/page.html` }, SELF, false],
    ['another extension claiming our URL', { id: OTHER_ID, url: POPUP.url }, SELF, false],
    ['an extension whose id starts with ours', { id: SELF.id, url: `chrome-extension://${SELF.id}x/page.html` }, SELF, false],
    ['a web page (no id)', { url: 'https://example.com/' }, SELF, false],
    ['nobody', {}, SELF, false],
  ])('%s → %s', (_label, sender, self, allowed) => {
    expect(isExtensionPage(sender, self)).toBe(allowed);
  });
});

describe('route', () => {
  it.each<[string, SenderInfo]>([
    ['a content script', { id: SELF.id, url: 'https://evil.example/' }],
    ['another extension', { id: OTHER_ID, url: `chrome-extension://${OTHER_ID}/` }],
    ['a sender with no identity', {}],
  ])('refuses %s with forbidden-sender before looking at the request, and stores nothing', async (_label, sender) => {
    const ports = createFakePorts();
    const { result, local, session } = await countWrites(ports, () => sendRaw(ports, { type: 'vault.create', payload: { password: PASSWORD } }, sender));
    expectFailure(result, 'forbidden-sender');
    expect({ local, session }).toEqual({ local: 0, session: 0 });
    // Even a malformed message gets the same answer: a stranger learns nothing about the protocol.
    expectFailure(await sendRaw(ports, 'garbage', sender), 'forbidden-sender');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'vault.status'],
    ['a number', 42],
    ['a boolean', true],
  ])('refuses a message that is %s with bad-request', async (_label, message) => {
    expectFailure(await sendRaw(createFakePorts(), message), 'bad-request');
  });

  it.each([
    ['an unknown type', 'vault.destroy'],
    ['no type', undefined],
    ['a type that is not text', 7],
    ['an inherited property name', 'toString'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['a type in the wrong case', 'VAULT.STATUS'],
  ])('refuses %s with bad-request', async (_label, type) => {
    const failure = expectFailure(await sendRaw(createFakePorts(), { type, payload: {} }), 'bad-request');
    expect(failure.message).toMatch(/Unknown request type/);
  });

  it('refuses an array as a message', async () => {
    expectFailure(await sendRaw(createFakePorts(), [{ type: 'vault.status' }]), 'bad-request');
  });

  it.each([
    ['vault.status', { verbose: true }],
    ['vault.lock', { force: 1 }],
    ['vault.unlock', { password: 'x', remember: true }],
    ['vault.create', { password: PASSWORD, kdf: { memoryKiB: 8 } }],
    ['codes.get', { nowMs: 1, all: true }],
    ['accounts.delete', { id: 'a', permanently: true }],
    ['accounts.parse-uri', { uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', save: true }],
    ['settings.get', { key: 'autoLockMinutes' }],
    ['settings.update', { autoLockMinutes: 5, theme: 'dark' }],
  ])('refuses %s with an extra payload key as bad-request, and stores nothing', async (type, payload) => {
    const ports = createFakePorts();
    const { result, local } = await countWrites(ports, () => sendRaw(ports, { type, payload }));
    const failure = expectFailure(result, 'bad-request');
    expect(failure.message).toContain(type);
    expect(local).toBe(0);
  });

  it.each([
    ['vault.unlock', { password: 5 }],
    ['vault.unlock', {}],
    ['vault.unlock', { password: 'x'.repeat(1025) }],
    ['vault.change-password', { currentPassword: PASSWORD }],
    ['accounts.delete', { id: 'x'.repeat(101) }],
    ['accounts.update', { id: 'a' }],
    ['codes.get', { nowMs: '1700000000000' }],
    ['vault.status', 'payload'],
    ['vault.status', [1]],
  ])('refuses %s with the payload %j as bad-request', async (type, payload) => {
    expectFailure(await sendRaw(createFakePorts(), { type, payload }), 'bad-request');
  });

  it('takes a missing payload as an empty one', async () => {
    expect(await sendRaw(createFakePorts(), { type: 'vault.status' })).toEqual({ ok: true, value: { state: 'uninitialized' } });
  });

  it('turns an unexpected error into internal without its message or stack', async () => {
    const ports = createFakePorts();
    const handlers = {
      ...HANDLERS,
      'vault.status': async () => {
        throw new TypeError('cannot read x of undefined at /secret/path.ts:12');
      },
    };
    const answer = await route({ type: 'vault.status', payload: {} }, POPUP, SELF, ports, handlers);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(answer)).not.toMatch(/secret\/path|cannot read/);
  });

  it('gives the handler the parsed payload', async () => {
    const ports = createFakePorts();
    const seen: unknown[] = [];
    const handlers = {
      ...HANDLERS,
      'accounts.delete': async (payload: { id: string }) => {
        seen.push(payload);
        return null;
      },
    };
    expect(await route({ type: 'accounts.delete', payload: { id: 'abc' } }, POPUP, SELF, ports, handlers)).toEqual({ ok: true, value: null });
    expect(seen).toEqual([{ id: 'abc' }]);
  });

  // The definition is the contract: a failure it doesn't declare is a bug of ours, not something to show.
  it.each<[string, Error, string]>([
    ['a declared error', new WrongPasswordError(), 'wrong-password'],
    ['an error the definition does not declare', new NoBackupError('someone@example.com'), 'internal'],
  ])('passes on %s as the request defines it', async (_label, error, code) => {
    const ports = createFakePorts();
    const handlers = {
      ...HANDLERS,
      'vault.unlock': async () => {
        throw error;
      },
    };
    const answer = await route({ type: 'vault.unlock', payload: { password: PASSWORD } }, POPUP, SELF, ports, handlers);
    expectFailure(answer, code as ErrorCode);
    expect(JSON.stringify(answer)).not.toContain('someone@example.com');
  });
});
