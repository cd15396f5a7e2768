import { useEffect, useState } from 'react';
import { call } from '../../api/client';

/**
 * How many scored measures a client has due today or overdue: the mark on the chart's Measures tab. Read once
 * `ready` (the chart itself is on screen): main answers calls one at a time, so asking first would hold up the
 * chart behind a count that only marks a tab.
 */
export function useDueCount(clientId: string, ready: boolean): [number, (n: number) => void] {
  const [count, setCount] = useState(0);
  useEffect(() => {
    setCount(0);
    if (!ready) return;
    let live = true;
    void call('measures.forClient', { clientId }).then((r) => {
      if (live && r.ok) setCount(r.value.due.filter((d) => d.status !== 'upcoming').length);
    });
    return () => {
      live = false;
    };
  }, [clientId, ready]);
  return [count, setCount];
}
