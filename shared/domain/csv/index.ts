/** Notes in and out as CSV: reading, planning an import, writing an export (see each file). */
export * from './limits';
export * from './read';
export * from './vocabulary';
export * from './plan';
export * from './write';
