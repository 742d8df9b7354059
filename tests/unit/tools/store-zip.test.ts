import { describe, expect, it } from 'vitest';
import { EMULATOR_CLIENT_ID } from '../../../lib/extension-identity';
import { clientIdProblem } from '../../../tools/store-zip';

describe('npm run zip: the client id a store package needs', () => {
  it.each([
    { clientId: undefined, problem: /not set/ },
    { clientId: '', problem: /not set/ },
    { clientId: '   ', problem: /not set/ },
    { clientId: 'my-app', problem: /not an Application \(client\) ID/ },
    { clientId: '12345678-aaaa-4bbb-8ccc-1234567890a', problem: /not an Application \(client\) ID/ },
    { clientId: EMULATOR_CLIENT_ID, problem: /emulator/ },
    { clientId: EMULATOR_CLIENT_ID.toUpperCase(), problem: /emulator/ },
    { clientId: '12345678-aaaa-4bbb-8ccc-1234567890ab', problem: undefined },
    { clientId: ' 12345678-AAAA-4BBB-8CCC-1234567890AB ', problem: undefined },
  ])('$clientId → $problem', ({ clientId, problem }) => {
    const found = clientIdProblem(clientId);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});
