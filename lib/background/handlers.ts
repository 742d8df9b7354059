import { ACCOUNT_HANDLERS } from './accounts';
import { CLIPBOARD_HANDLERS } from './clipboard';
import { CLOUD_HANDLERS } from './cloud';
import { DISPLAY_HANDLERS } from './display';
import { TEST_HOOKS } from '../build-flags';
import type { TestClockRequests } from '../messaging/requests/test-clock';
import type { HandlerMap, HandlersFor } from './core';
import { FILL_HANDLERS } from './fill';
import { RECOVERY_HANDLERS } from './recovery';
import { SCAN_HANDLERS } from './scan';
import { testClockHandlers } from './test-clock';
import { TRANSFER_HANDLERS } from './transfer';
import { VAULT_HANDLERS } from './vault';

/** Every request type and the function that answers it — the compiler checks none is missing. */
export const HANDLERS: HandlerMap = {
  ...VAULT_HANDLERS,
  ...ACCOUNT_HANDLERS,
  ...CLIPBOARD_HANDLERS,
  ...SCAN_HANDLERS,
  ...TRANSFER_HANDLERS,
  ...CLOUD_HANDLERS,
  ...RECOVERY_HANDLERS,
  ...FILL_HANDLERS,
  ...DISPLAY_HANDLERS,
  // Test builds only: the testing kit's clock (lib/build-flags.ts).
  ...(TEST_HOOKS ? testClockHandlers() : ({} as HandlersFor<TestClockRequests>)),
};
