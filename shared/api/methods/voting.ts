/** Dot-voting rounds: declarations of the API methods (see ../contract.ts). */
export const votingMethods = {} as const;
