import { defineWebExtConfig } from 'wxt';

// `wxt dev` must not try to open a browser of its own: `npm start` launches one with the right flags.
export default defineWebExtConfig({ disabled: true });
