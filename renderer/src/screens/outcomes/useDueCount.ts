import { useEffect, useState } from 'react';
import { call } from '../../api/client';

/** How many scored measures a client has due today or overdue: the mark on the chart's Measures tab. */
export function useDueCount(clientId: string): [number, (n: number) => void] {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    setCount(0);
    void call('measures.forClient', { clientId }).then((r) => {
      if (live && r.ok) setCount(r.value.due.filter((d) => d.status !== 'upcoming').length);
    });
    return () => {
      live = false;
    };
  }, [clientId]);
  return [count, setCount];
}
