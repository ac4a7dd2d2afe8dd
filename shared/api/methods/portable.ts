/** Portable project files (.journey) and JSON: declarations of the API methods (see ../contract.ts). */
export const portableMethods = {} as const;
