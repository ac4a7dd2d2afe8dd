import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { ApiEvent } from '../../../shared/api/contract';
import type { ApiClient } from './client';
import type { ConnectionStatus } from './transport';

const ApiContext = createContext<ApiClient | null>(null);
export const ApiProvider = ApiContext.Provider;

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}

/** Calls `listener` for every API event while mounted (the latest listener, without resubscribing). */
export function useApiEvents(listener: (event: ApiEvent) => void): void {
  const client = useApi();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => client.onEvent((e) => latest.current(e)), [client]);
}

export function useConnectionStatus(): ConnectionStatus {
  const client = useApi();
  return useSyncExternalStore(
    (notify) => client.onStatus(notify),
    () => client.status,
  );
}
