/** The popup's display feature: settings, pins, uses, the backup suggestion's "Not now". */
export { DISPLAY_HANDLERS, displayView, recordUse } from './handlers';
export { readOrdering } from './store';
