/** Recent group sessions, newest first, each opening the group's own record. */
import { useEffect, useState } from 'react';
import type { GroupSession } from '../../../../shared/ipc/channels/sessions';
import { call } from '../../api/client';
import { navigate } from '../../router';
import { formatDate } from '../chart/dates';
import { formatClockRange } from './noteLabels';

const LIMIT = 50;

export function GroupList() {
  const [groups, setGroups] = useState<GroupSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('groups.list', { limit: LIMIT }).then((r) => {
      if (!live) return;
      if (r.ok) setGroups(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  if (error) {
    return (
      <div className="banner banner--error" role="alert">
        {error}
      </div>
    );
  }
  if (!groups) return <div aria-busy="true" />;
  if (groups.length === 0) {
    return <p className="muted">No group sessions recorded yet.</p>;
  }
  return (
    <table className="table group-table">
      <caption className="visually-hidden">Recent group sessions, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Group</th>
          <th scope="col">Topic</th>
          <th scope="col">Facilitators</th>
          <th scope="col" className="num">
            Present
          </th>
          <th scope="col" className="num">
            Notes signed
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.id}>
            <td className="nowrap">
              {formatDate(g.group.sessionDate)}{' '}
              <span className="muted">{formatClockRange(g.group.startTime, g.group.endTime)}</span>
            </td>
            <td>
              <button type="button" className="link" onClick={() => navigate({ name: 'group', id: g.id })}>
                {g.group.groupName}
              </button>
            </td>
            <td>{g.group.topic}</td>
            <td>{g.facilitatorNames.join(', ')}</td>
            <td className="num">
              {g.numberPresent} of {g.members.length}
            </td>
            <td className="num">
              {g.members.filter((m) => m.signed).length} of {g.members.length}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
