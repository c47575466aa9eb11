export * from './roles';
export * from './contracts/common';
export * from './contracts/identity';
export * from './contracts/parks';
export * from './contracts/calendar';
export * from './contracts/audit';
export * from './contracts/reference';
