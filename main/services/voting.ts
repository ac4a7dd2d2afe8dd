import type { Handlers, ServiceContext } from './context';

export function votingHandlers(_ctx: ServiceContext): Pick<Handlers, never> {
  return {};
}
