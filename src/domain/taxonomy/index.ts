export * from './countries.js';
export * from './languages.js';
export * from './vocabularies.js';
