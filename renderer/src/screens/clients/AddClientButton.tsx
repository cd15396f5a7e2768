/** The one button that starts a new client, with one label wherever it appears (client list, empty states). */
import { navigate } from '../../router';

export const ADD_CLIENT_LABEL = 'Add client';

export function AddClientButton() {
  return (
    <button type="button" className="primary" onClick={() => navigate({ name: 'client-new' })}>
      {ADD_CLIENT_LABEL}
    </button>
  );
}
