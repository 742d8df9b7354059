import { describe, expect, it } from 'vitest';
import { imageFetchVerdict, isPrivateHost } from '../../../lib/scan/image-fetch-policy';

describe('isPrivateHost', () => {
  it.each([
    ['localhost', true], ['app.localhost', true], ['printer', true], ['nas.local', true], ['router.home.arpa', true],
    ['127.0.0.1', true], ['127.8.9.10', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true], ['192.168.1.1', true],
    ['169.254.169.254', true], ['0.0.0.0', true], ['100.64.0.1', true], ['[::1]', true], ['[fd12:3456::1]', true], ['[fe80::1]', true],
    ['[::ffff:127.0.0.1]', true], ['[::ffff:7f00:1]', true],
    ['172.15.0.1', false], ['172.32.0.1', false], ['8.8.8.8', false], ['example.com', false], ['cdn.example.co.uk', false], ['[2606:4700::1111]', false],
  ])('%s → %s', (host, expected) => {
    expect(isPrivateHost(host)).toBe(expected);
  });
});

describe('imageFetchVerdict', () => {
  it.each([
    // image, page, automatic → verdict
    ['https://cdn.other.example/qr.png', 'https://shop.example/enroll', false, 'ok'],
    ['https://cdn.other.example/qr.png', 'https://shop.example/enroll', true, 'other-site'],
    ['https://img.shop.example/qr.png', 'https://www.shop.example/enroll', true, 'ok'],
    ['https://alice.github.io/qr.png', 'https://bob.github.io/', true, 'other-site'],
    ['http://192.168.1.1/admin.png', 'https://shop.example/enroll', false, 'private-host'],
    ['http://localhost:8080/qr.png', 'https://shop.example/enroll', false, 'private-host'],
    ['http://169.254.169.254/latest/meta-data', 'https://shop.example/', true, 'private-host'],
    ['http://[::1]/qr.png', 'https://shop.example/', false, 'private-host'],
    ['http://intranet/qr.png', 'https://shop.example/', false, 'private-host'],
    ['http://localhost:8080/qr.png', 'http://127.0.0.1:3000/enroll', false, 'ok'],
    ['http://10.0.0.5/qr.png', 'http://10.0.0.5/enroll', true, 'ok'],
    ['http://10.0.0.6/qr.png', 'http://10.0.0.5/enroll', true, 'other-site'],
    ['https://cdn.example/qr.png', null, false, 'ok'],
    ['https://cdn.example/qr.png', null, true, 'other-site'],
    ['http://127.0.0.1/qr.png', null, false, 'private-host'],
    ['ftp://shop.example/qr.png', 'https://shop.example/', false, 'not-http'],
    ['not a url', 'https://shop.example/', false, 'not-http'],
  ] as const)('%s for %s (automatic %s) → %s', (image, page, automatic, expected) => {
    const verdict = imageFetchVerdict(image, page, automatic);
    expect(verdict.ok ? 'ok' : verdict.reason).toBe(expected);
  });
});
