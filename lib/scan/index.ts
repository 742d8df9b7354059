export * from './scan-limits';
export * from './scan-report';
export * from './scan-view';
export * from './kept-texts';
export * from './found-codes';
export * from './registrable-domain';
export * from './crop';
