/**
 * One page of the client list from `clients.list`. The previous page stays on screen while the next one loads
 * (no flash of an empty table between pages), marked loading from the very render in which the query changes (so
 * nothing reads the old rows as the new page), and an answer that arrives after a newer request is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { ClientListPage, ClientListQuery } from '../../../../shared/domain/clients';
import { call } from '../../api/client';

export interface ClientPageState {
  page: ClientListPage | null;
  loading: boolean;
  error: string | null;
  /** When the page is empty: whether the practice has any client at all (decides which empty state to show). */
  practiceHasClients: boolean | null;
}

export function useClientPage(query: ClientListQuery): ClientPageState {
  const [state, setState] = useState<ClientPageState & { loadedKey: string | null }>({
    page: null,
    loading: true,
    error: null,
    practiceHasClients: null,
    loadedKey: null,
  });
  const latest = useRef(0);
  // Once any answer has listed a client, the practice has clients (a client record is never deleted): an empty
  // search result then shows "No clients match" at once, without a second round trip to ask.
  const knownToHaveClients = useRef(false);
  const key = JSON.stringify(query);

  useEffect(() => {
    const request = ++latest.current;
    // `key` stands for `query`: a caller's new object with the same content must not fetch again.
    const input = query;
    setState((s) => ({ ...s, loading: true }));
    void (async () => {
      const result = await call('clients.list', input);
      if (request !== latest.current) return;
      if (!result.ok) {
        setState((s) => ({ ...s, loading: false, error: result.error.message, loadedKey: key }));
        return;
      }
      if (result.value.total > 0) knownToHaveClients.current = true;
      let practiceHasClients: boolean | null = true;
      if (result.value.total === 0 && !knownToHaveClients.current) {
        const all = await call('clients.list', {
          ...input,
          search: '',
          statuses: [],
          clinicianId: null,
          page: 0,
          pageSize: 1,
        });
        if (request !== latest.current) return;
        practiceHasClients = all.ok ? all.value.total > 0 : null;
        if (practiceHasClients) knownToHaveClients.current = true;
      }
      setState({ page: result.value, loading: false, error: null, practiceHasClients, loadedKey: key });
    })();
  }, [key]);

  const { loadedKey, ...shown } = state;
  return { ...shown, loading: shown.loading || loadedKey !== key };
}
