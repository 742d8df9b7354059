export * from './account';
export * from './errors';
export * from './secret';
export * from './validate';
export * from './code';
export * from './group-code';
export * from './uri';
export * from './duplicates';
