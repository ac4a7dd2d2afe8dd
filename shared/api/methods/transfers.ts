/** Imports and exports of notes (CSV): declarations of the API methods (see ../contract.ts). */
export const transfersMethods = {} as const;
