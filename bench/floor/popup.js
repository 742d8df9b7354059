// The floor: the least a popup can do to show codes. Accounts are read in clear
// from storage (no vault, no decryption), codes computed with WebCrypto, the first
// 24 rows rendered, the rest in the next frame. Built for `npm run bench` only.
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(text) {
  const out = [];
  let bits = 0, value = 0;
  for (const c of text) {
    value = (value << 5) | B32.indexOf(c);
    bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 255); bits -= 8; }
  }
  return new Uint8Array(out);
}
async function totp(secret, now) {
  const key = await crypto.subtle.importKey('raw', base32(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const counter = new DataView(new ArrayBuffer(8));
  counter.setUint32(4, Math.floor(now / 30000));
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, counter));
  const o = mac[19] & 15;
  const n = ((mac[o] & 127) << 24) | (mac[o + 1] << 16) | (mac[o + 2] << 8) | mac[o + 3];
  const code = String(n % 1e6).padStart(6, '0');
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
function row(account, code) {
  const li = document.createElement('li');
  const name = document.createElement('span');
  name.textContent = `${account.issuer} ${account.name}`;
  const digits = document.createElement('b');
  digits.textContent = code;
  li.append(name, digits);
  return li;
}
const { accounts = [] } = await chrome.storage.local.get('accounts');
const now = Date.now();
const codes = await Promise.all(accounts.slice(0, 24).map((a) => totp(a.secret, now)));
const list = document.getElementById('list');
list.append(...accounts.slice(0, 24).map((a, i) => row(a, codes[i])));
requestAnimationFrame(async () => {
  const rest = accounts.slice(24);
  const more = await Promise.all(rest.map((a) => totp(a.secret, now)));
  list.append(...rest.map((a, i) => row(a, more[i])));
});
