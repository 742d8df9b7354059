export * from './rgba-image';
export * from './errors';
export * from './decode-result';
export * from './decode-image';
export * from './candidates';
