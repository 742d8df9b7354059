import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../../lib/background/handlers';
import { COMMON_ERRORS, isRequestType, REQUESTS, type RequestType } from '../../../lib/messaging/protocol';

/* The request definitions (lib/messaging/requests/): one per request, and the handler map built from them. */

const types = Object.keys(REQUESTS).filter(isRequestType);

describe('request definitions', () => {
  it('has a handler for every request and none for anything else', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...types].sort());
  });

  // Only what is not the user doing something: reads a page makes on opening or after a change
  // event, the popup's code timer, the lock itself. An open page must never keep the vault unlocked.
  it('marks exactly the passive requests as not postponing the automatic lock', () => {
    const passive = types.filter((type) => REQUESTS[type].passive);
    expect(passive.sort()).toEqual<RequestType[]>([
      'backup-nudge.get',
      'cloud.status',
      'codes.get',
      'display.get',
      'fill.site-accounts',
      'scan.auto-detect.get',
      'scan.found',
      'settings.get',
      'vault.lock',
      'vault.snapshot',
      'vault.status',
    ]);
  });

  it.each(types)('%s declares its own errors once, none of them common', (type) => {
    const errors: readonly string[] = REQUESTS[type].errors;
    expect(new Set(errors).size).toBe(errors.length);
    for (const common of COMMON_ERRORS) expect(errors).not.toContain(common);
  });

  it.each<[unknown, boolean]>([
    ['vault.status', true],
    ['toString', false],
    ['__proto__', false],
    ['', false],
    [42, false],
  ])('isRequestType(%j) is %s', (type, expected) => {
    expect(isRequestType(type)).toBe(expected);
  });
});
