import { describe, expect, it } from 'vitest';
import { accountLabel } from '../../../lib/display/account-label';

describe('accountLabel', () => {
  it.each([
    { issuer: 'GitHub', accountName: 'alice', label: 'GitHub — alice' },
    { issuer: '', accountName: 'alice@example.com', label: 'alice@example.com' },
    { issuer: '銀行', accountName: '花子', label: '銀行 — 花子' },
    { issuer: 'Contoso', accountName: '', label: 'Contoso — ' },
  ])('$issuer / $accountName → $label', ({ issuer, accountName, label }) => {
    expect(accountLabel({ issuer, accountName })).toBe(label);
  });
});
