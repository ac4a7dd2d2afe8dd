/** The PDF report of a project: declarations of the API methods (see ../contract.ts). */
export const reportsMethods = {} as const;
