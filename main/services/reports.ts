import type { Handlers, ServiceContext } from './context';

export function reportHandlers(_ctx: ServiceContext): Pick<Handlers, never> {
  return {};
}
