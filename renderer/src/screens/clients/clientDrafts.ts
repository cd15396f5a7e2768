/**
 * Unsaved client-form changes, kept while the clinician looks elsewhere (another client, the list) and offered
 * back when the form is opened again. In memory only, and forgotten when the practice locks: a draft is clinical
 * data, and the renderer keeps none while locked.
 */
import { registerSessionMemory } from '../../beforeLock';
import type { ClientFormValues } from './clientFormModel';

const drafts = new Map<string, ClientFormValues>();
registerSessionMemory(() => drafts.clear());

export const draftKey = (clientId: string | null): string => clientId ?? 'new';

export function getDraft(clientId: string | null): ClientFormValues | null {
  return drafts.get(draftKey(clientId)) ?? null;
}

export function keepDraft(clientId: string | null, values: ClientFormValues, saved: ClientFormValues): void {
  const changed = (Object.keys(values) as Array<keyof ClientFormValues>).some((k) => values[k] !== saved[k]);
  if (changed) drafts.set(draftKey(clientId), values);
  else drafts.delete(draftKey(clientId));
}

export function dropDraft(clientId: string | null): void {
  drafts.delete(draftKey(clientId));
}
