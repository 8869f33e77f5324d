export * from './accounts.js';
export * from './hubs.js';
export * from './practices.js';
export * from './exchanges.js';
export * from './consultations.js';
export * from './consultation-analyses.js';
export * from './subscribers.js';
