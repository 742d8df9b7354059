/** The fill feature: one-time codes into sign-in pages, on the right site only (docs/autofill.md). */
export { AlreadyBoundError, FillInterruptedError, FillPageRefusedError, FrameOffSiteError, NoAccountForSiteError, NoFieldError, SeveralAccountsError } from './errors';
export { FILL_HANDLERS, fillAccount } from './handlers';
export { withFillPorts, type FillCapablePorts, type FillPorts, type InjectionAnswer } from './ports';
export { routeFillRequest } from './request-route';
export { dropPendingFill } from './store';
export { answerTestGesture, FILL_COMMAND, FILL_MENU, onFillCommand, onFillMenu, TEST_GESTURE_KIND, wireFilling, type FillWiringBrowser } from './wiring';
