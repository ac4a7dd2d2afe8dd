import type { Handlers, ServiceContext } from './context';

export function transferHandlers(_ctx: ServiceContext): Pick<Handlers, never> {
  return {};
}
