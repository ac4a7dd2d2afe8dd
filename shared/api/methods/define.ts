/** Building blocks for method declarations (shared by every file in methods/). */
import { z } from 'zod';
import { Id } from '../schemas';

export type Kind = 'query' | 'mutation';
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: Kind;
  summary: string;
  input: I;
  output: O;
}
export const query = <I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> => ({ kind: 'query', summary, input, output });
export const mutation = <I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> => ({ kind: 'mutation', summary, input, output });

/** Every project-scoped input names its project. */
export const inProject = { projectId: Id };
/** Inputs are strict: an unknown key is a mistake, not something to ignore. */
export const input = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);

export function partial<S extends z.ZodRawShape>(shape: S): { [K in keyof S]: z.ZodOptional<S[K]> } {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) out[k] = (v as z.ZodType).optional();
  return out as { [K in keyof S]: z.ZodOptional<S[K]> };
}
