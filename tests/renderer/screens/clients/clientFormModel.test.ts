import { describe, expect, it } from 'vitest';
import {
  ALL_FIELD_PATHS,
  clientInputFrom,
  formFromClient,
  newClientForm,
} from '../../../../renderer/src/screens/clients/clientFormModel';
import { isQuickFindKey } from '../../../../renderer/src/screens/clients/QuickFind';
import { ClientInputSchema, DischargeSchema, type Client } from '../../../../shared/domain/clients';

const client: Client = {
  id: 'c1',
  chartNumber: 'C-000042',
  legalFirstName: 'José',
  legalLastName: 'Núñez',
  nameOrder: 'given-first',
  preferredName: 'Pepe',
  dateOfBirth: '1979-02-28',
  pronouns: 'he/him',
  sex: 'male',
  phone: '(503) 555-0134',
  email: 'jose.nunez@example.org',
  address: '9 Larch Court, Salem, OR',
  emergencyContact: { name: 'Inés Núñez', relationship: 'sister', phone: '(503) 555-0135' },
  admissionDate: '2026-10-05',
  status: 'on-hold',
  discharge: null,
  assignedClinicianId: 'u1',
  documentLanguage: 'es',
  interpreterNeeded: true,
  assignedClinicianName: 'Tobias Okonkwo-Reyes',
  createdAtMs: 0,
  updatedAtMs: 0,
};

describe('client form values', () => {
  it('sends a discharge only with the Discharged status, half-filled as typed so the server names the gap', () => {
    const base = formFromClient(client);
    expect(
      clientInputFrom({ ...base, dischargedOn: '2026-11-20', dischargeType: 'completed' }).discharge,
    ).toBe(null);
    const discharged = { ...base, status: 'discharged' as const };
    expect(clientInputFrom(discharged).discharge).toBeNull();
    expect(clientInputFrom({ ...discharged, dischargedOn: '2026-11-20' }).discharge).toEqual({
      dischargedOn: '2026-11-20',
      type: '',
    });
    expect(
      clientInputFrom({ ...discharged, dischargedOn: '2026-11-20', dischargeType: 'lost-contact' }).discharge,
    ).toEqual({ dischargedOn: '2026-11-20', type: 'lost-contact' });
  });

  it('keeps the name order the client uses', () => {
    const v = { ...formFromClient(client), nameOrder: 'family-first' as const };
    expect(clientInputFrom(v).nameOrder).toBe('family-first');
  });

  it('round-trips a client through the form unchanged', () => {
    const { id: _id, assignedClinicianName: _n, createdAtMs: _c, updatedAtMs: _u, ...input } = client;
    expect(clientInputFrom(formFromClient(client))).toEqual(input);
  });

  it('starts a new client admitted today with the signed-in clinician and the next chart number', () => {
    const values = newClientForm({ today: '2026-11-23', chartNumber: 'C-000043', clinicianId: 'u1' });
    expect(values).toMatchObject({
      admissionDate: '2026-11-23',
      chartNumber: 'C-000043',
      assignedClinicianId: 'u1',
      status: 'active',
      sex: 'not-recorded',
    });
  });

  it('sends an empty chart number as null (the next number) and no clinician as null', () => {
    const values = { ...formFromClient(client), chartNumber: '  ', assignedClinicianId: '' };
    const input = clientInputFrom(values);
    expect(input.chartNumber).toBeNull();
    expect(input.assignedClinicianId).toBeNull();
    expect(ClientInputSchema.safeParse(input).success).toBe(true);
  });

  it('names a server error path for every field of ClientInputSchema', () => {
    const schemaPaths = Object.keys(ClientInputSchema.shape).flatMap((key) =>
      key === 'emergencyContact'
        ? Object.keys(ClientInputSchema.shape.emergencyContact.shape).map((k) => `client.${key}.${k}`)
        : key === 'discharge'
          ? Object.keys(DischargeSchema.shape).map((k) => `client.${key}.${k}`)
          : [`client.${key}`],
    );
    expect([...ALL_FIELD_PATHS].sort()).toEqual(schemaPaths.sort());
  });
});

describe('quick find shortcut', () => {
  const key = { key: 'k', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
  it('is Ctrl+K or Cmd+K and nothing else', () => {
    expect(isQuickFindKey({ ...key, ctrlKey: true })).toBe(true);
    expect(isQuickFindKey({ ...key, metaKey: true, key: 'K' })).toBe(true);
    expect(isQuickFindKey(key)).toBe(false);
    expect(isQuickFindKey({ ...key, ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isQuickFindKey({ ...key, ctrlKey: true, key: 'l' })).toBe(false);
  });
});
