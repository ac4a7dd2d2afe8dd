import type { Handlers, ServiceContext } from './context';

export function portableHandlers(_ctx: ServiceContext): Pick<Handlers, never> {
  return {};
}
