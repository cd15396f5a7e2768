import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import type { Alert } from '../../../../shared/domain/alerts';
import type { Client } from '../../../../shared/domain/clients';
import type { Consent } from '../../../../shared/domain/consents';
import { emptyNoteContent, type Note, type NoteContent } from '../../../../shared/domain/notes';
import type { TreatmentPlan } from '../../../../shared/domain/treatmentPlans';
import type { GroupSession, NoteSearchResult } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent } from '../../../support/clients';
import { aClinician, FakeClock, setUpPractice } from '../../../support/fixtures';

const PASS = aClinician().passphrase;

async function setup() {
  // After the day's sessions (the groups below end at 18:30): a note is signed once its session has ended.
  const clock = new FakeClock(Date.UTC(2026, 10, 23, 19, 0));
  const { practice, user } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const client = value<Client>(
    await dispatch('clients.create', { client: aClient({ assignedClinicianId: user.id }) }),
  );
  return { practice, user, clock, dispatch, client };
}

/** Moves the clock to `targetMs` a few minutes at a time, in use all along, so the idle lock never engages. */
async function passTimeTo(dispatch: Dispatch, clock: FakeClock, targetMs: number): Promise<void> {
  while (clock.ms < targetMs) {
    clock.ms = Math.min(targetMs, clock.ms + 5 * 60_000);
    // Any signed-in call counts as activity, even one refused as not found.
    await dispatch('plans.get', { clientId: 'no-such-client' });
  }
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

const soap = (over: Partial<NoteContent['sections']> = {}): NoteContent => ({
  ...emptyNoteContent('soap', '2026-11-23'),
  risk: { suicidalIdeation: 'denied', homicidalIdeation: 'denied', redFlagsObserved: false, note: '' },
  sections: {
    subjective: 'Client reports cravings at work breaks; slept six hours.',
    objective: 'Alert, calm, COWS 3 at arrival.',
    assessment: 'Taper on track; stress at work is the main trigger.',
    plan: 'Reduce to 9 g a day from Friday; practise urge surfing.',
    ...over,
  },
});

describe('session notes', () => {
  it('keeps a draft, signs it with a hash, and then refuses every change, in the app and in SQL', async () => {
    const { dispatch, client, practice } = await setup();
    const draft = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content: soap() }),
    );
    const saved = value<Note>(
      await dispatch('notes.saveDraft', {
        id: draft.id,
        content: soap({
          plan: 'Reduce to 9 g a day from Friday; practise urge surfing; call if withdrawal is hard.',
        }),
        attendance: null,
        expectedUpdatedAtMs: draft.updatedAtMs,
      }),
    );
    const stale = await dispatch('notes.saveDraft', {
      id: draft.id,
      content: soap(),
      attendance: null,
      expectedUpdatedAtMs: draft.updatedAtMs,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const signed = value<Note>(await dispatch('notes.sign', { id: draft.id, passphrase: PASS }));
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.content.sections.plan).toBe(saved.content.sections.plan);
    expect(value(await dispatch('notes.verify', { id: draft.id }))).toEqual({
      signed: true,
      intact: true,
      addendaIntact: true,
    });

    expect(
      await dispatch('notes.saveDraft', {
        id: draft.id,
        content: soap(),
        attendance: null,
        expectedUpdatedAtMs: signed.updatedAtMs,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const { db } = practice.session();
    expect(() => db.prepare(`UPDATE notes SET content = '{}' WHERE id = ?`).run(draft.id)).toThrow(
      /signed note cannot be changed/,
    );
    expect(() => db.prepare(`UPDATE notes SET signed_by = NULL WHERE id = ?`).run(draft.id)).toThrow(
      /signed note/,
    );
    expect(() => db.prepare(`DELETE FROM notes WHERE id = ?`).run(draft.id)).toThrow(
      /signed note cannot be deleted/,
    );

    // Changed behind the triggers, the note fails its hash check.
    db.exec('DROP TRIGGER notes_signed_immutable');
    const tampered = JSON.stringify({
      ...signed.content,
      sections: { ...signed.content.sections, plan: 'No change.' },
    });
    db.prepare('UPDATE notes SET content = ? WHERE id = ?').run(tampered, draft.id);
    expect(value(await dispatch('notes.verify', { id: draft.id }))).toMatchObject({
      signed: true,
      intact: false,
    });
  });

  it("prints in the screen's locale, with the signer's credentials and the risk review in words (issue 9 item 2)", async () => {
    const { dispatch, client } = await setup();
    const content: NoteContent = {
      ...soap(),
      risk: {
        suicidalIdeation: 'passive',
        homicidalIdeation: 'denied',
        redFlagsObserved: false,
        note: 'Safety plan reviewed.',
      },
    };
    const draft = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content }),
    );
    value(await dispatch('notes.sign', { id: draft.id, passphrase: PASS }));
    const printed = async (locale: string) => {
      const { path } = value<{ path: string }>(
        await dispatch('notes.printPdf', { id: draft.id, paper: 'a4', disclosure: null, locale }),
      );
      return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    };
    // The session date, 23 November 2026, as each screen writes it.
    const us = await printed('en-US');
    expect(us).toContain('Nov 23, 2026');
    const british = await printed('en-GB');
    expect(british).toContain('23 Nov 2026');
    expect(british).not.toContain('Nov 23, 2026');
    expect(await printed('de-DE')).toContain('23.11.2026');
    for (const text of [us, british]) {
      expect(text).toContain('LCSW, CADC');
      expect(text).toMatch(/Passive thoughts/);
      expect(text).not.toMatch(/\bpassive\b/);
    }
  });

  it('corrects a signed note only by signed addenda, which cannot change either', async () => {
    const { dispatch, client, practice } = await setup();
    const note = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content: soap() }),
    );
    expect(
      await dispatch('notes.addAddendum', { id: note.id, addendum: { text: 'x' }, passphrase: PASS }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    value(await dispatch('notes.sign', { id: note.id, passphrase: PASS }));
    const withAddendum = value<Note>(
      await dispatch('notes.addAddendum', {
        id: note.id,
        addendum: { text: 'Correction: the COWS at arrival was 4, not 3.' },
        passphrase: PASS,
      }),
    );
    expect(withAddendum.addenda).toHaveLength(1);
    expect(withAddendum.addenda[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const { db } = practice.session();
    expect(() => db.prepare(`UPDATE note_addenda SET text = 'x'`).run()).toThrow(
      /addendum cannot be changed/,
    );
    expect(() => db.prepare(`DELETE FROM note_addenda`).run()).toThrow(/addendum cannot be deleted/);
  });

  it("lists a client's notes each as it shows alone: its own addenda in order, none of another client's", async () => {
    const { dispatch, client, clock } = await setup();
    const other = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Łucja', legalLastName: 'O’Brien' }),
      }),
    );
    const signed = async (clientId: string, subjective: string) => {
      const n = value<Note>(
        await dispatch('notes.create', { clientId, kind: 'progress', content: soap({ subjective }) }),
      );
      return value<Note>(await dispatch('notes.sign', { id: n.id, passphrase: PASS }));
    };
    const addendum = async (id: string, text: string) => {
      clock.advance(60_000);
      value(await dispatch('notes.addAddendum', { id, addendum: { text }, passphrase: PASS }));
    };
    const first = await signed(client.id, 'First session.');
    const second = await signed(client.id, 'Second session.');
    const theirs = await signed(other.id, 'Their session.');
    const draft = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content: soap() }),
    );
    await addendum(first.id, 'Correction: COWS 4 at arrival.');
    await addendum(theirs.id, 'Their correction.');
    await addendum(first.id, 'Second correction: the call was on Tuesday.');

    const listed = value<Note[]>(await dispatch('notes.list', { clientId: client.id, kind: 'record' }));
    expect(listed).toHaveLength(3);
    // The chart's reminder asks for the drafts alone: this client's, none signed, none of another client's.
    const drafts = value<Note[]>(
      await dispatch('notes.list', { clientId: client.id, kind: 'record', draftsOnly: true }),
    );
    expect(drafts).toEqual([listed.find((n) => n.id === draft.id)]);
    for (const note of listed) {
      expect(note).toEqual(value<Note>(await dispatch('notes.get', { id: note.id })));
    }
    const byId = new Map(listed.map((n) => [n.id, n]));
    expect(byId.get(first.id)?.addenda.map((a) => a.text)).toEqual([
      'Correction: COWS 4 at arrival.',
      'Second correction: the call was on Tuesday.',
    ]);
    expect(byId.get(second.id)?.addenda).toEqual([]);
  });

  it('lets a supervisor co-sign once, and not a clinician', async () => {
    const { dispatch, client, practice } = await setup();
    const note = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content: soap() }),
    );
    value(await dispatch('notes.sign', { id: note.id, passphrase: PASS }));
    expect(await dispatch('notes.cosign', { id: note.id, passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const sup = aClinician({
      username: 'supervisor',
      displayName: 'Wendell Achterberg',
      role: 'supervisor',
      passphrase: 'lantern quarry heron sixty',
    });
    value(await dispatch('users.create', { user: sup, currentPassphrase: PASS }));
    practice.lock('manual');
    value(await dispatch('session.unlock', { username: 'supervisor', passphrase: sup.passphrase }));
    const cosigned = value<Note>(await dispatch('notes.cosign', { id: note.id, passphrase: sup.passphrase }));
    expect(cosigned.cosignedByName).toBe('Wendell Achterberg');
    expect(value(await dispatch('notes.verify', { id: note.id }))).toMatchObject({ intact: true });
    expect(await dispatch('notes.cosign', { id: note.id, passphrase: sup.passphrase })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('files a group note per attendee; a chart and its PDF never name other members', async () => {
    const { dispatch, user } = await setup();
    const names = [
      ['Bartholomew', 'Quillfeather'],
      ['Perpetua', 'Okonjo-Haldane'],
      ['Ximena', 'Valdríð'],
    ];
    const clients = [];
    for (const [first, last] of names) {
      clients.push(
        value<Client>(
          await dispatch('clients.create', {
            client: aClient({ legalFirstName: first, legalLastName: last, preferredName: '' }),
          }),
        ),
      );
    }
    const group = value<GroupSession>(
      await dispatch('groups.create', {
        group: {
          groupName: 'Tuesday skills group',
          topic: 'Coping with cravings at work',
          sessionDate: '2026-11-23',
          startTime: '17:00',
          endTime: '18:30',
          modality: 'in-person',
          interventions: ['dbt-skills', 'psychoeducation'],
          facilitatorIds: [user.id],
        },
        attendees: clients.map((c, i) => ({ clientId: c.id, attendance: i === 2 ? 'late' : 'present' })),
      }),
    );
    expect(group.numberPresent).toBe(3);
    expect(group.members.map((m) => m.clientName)).toHaveLength(3);
    const first = clients[0] as Client;
    const [note] = value<Note[]>(await dispatch('notes.list', { clientId: first.id, kind: 'record' }));
    expect(note?.group).toMatchObject({ groupName: 'Tuesday skills group', numberPresent: 3 });
    const filled = value<Note>(
      await dispatch('notes.saveDraft', {
        id: note?.id ?? '',
        content: {
          ...(note as Note).content,
          risk: soap().risk,
          sections: {
            participation: 'Shared a work-break plan.',
            progress: 'Two craving-free breaks.',
            plan: 'Practise again.',
          },
        },
        attendance: 'present',
        expectedUpdatedAtMs: note?.updatedAtMs ?? 0,
      }),
    );
    value(await dispatch('notes.sign', { id: filled.id, passphrase: PASS }));
    const chartText =
      JSON.stringify(value(await dispatch('clients.chart', { id: first.id }))) +
      JSON.stringify(value(await dispatch('notes.list', { clientId: first.id, kind: 'record' })));
    for (const [firstName, lastName] of names.slice(1)) {
      expect(chartText).not.toContain(firstName);
      expect(chartText).not.toContain(lastName);
    }
    const { path } = value<{ path: string }>(
      await dispatch('notes.printPdf', { id: filled.id, paper: 'letter', disclosure: null }),
    );
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Quillfeather');
    expect(text).toContain('Tuesday skills group');
    expect(text).toContain('42 CFR part 2');
    for (const [firstName, lastName] of names.slice(1)) {
      expect(text).not.toContain(firstName);
      expect(text).not.toContain(lastName);
    }
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans/);
    expect(
      fonts
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .every((l) => /yes\s+yes\s+yes/.test(l)),
    ).toBe(true);
    execFileSync('qpdf', ['--check', path]);
    expect(fs.statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps SUD counselling notes out of the record list, search and print unless a consent of that type is active', async () => {
    const { dispatch, client } = await setup();
    const privateNote = value<Note>(
      await dispatch('notes.create', {
        clientId: client.id,
        kind: 'sud-counselling',
        content: soap({ subjective: 'Zanzibar private reflection' }),
      }),
    );
    expect(value<Note[]>(await dispatch('notes.list', { clientId: client.id, kind: 'record' }))).toEqual([]);
    value(await dispatch('notes.sign', { id: privateNote.id, passphrase: PASS }));
    const chart = value<{ timeline: Array<{ kind: string }> }>(
      await dispatch('clients.chart', { id: client.id }),
    );
    expect(chart.timeline.map((e) => e.kind)).not.toContain('note-signed');
    expect(
      value<Note[]>(await dispatch('notes.list', { clientId: client.id, kind: 'sud-counselling' })),
    ).toHaveLength(1);
    expect(
      value<NoteSearchResult[]>(
        await dispatch('notes.search', {
          query: 'zanzibar',
          clientId: null,
          fromDate: null,
          toDate: null,
          kinds: [],
          limit: 10,
        }),
      ),
    ).toEqual([]);
    expect(
      await dispatch('notes.printPdf', { id: privateNote.id, paper: 'a4', disclosure: null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const consent = value<Consent>(
      await dispatch('consents.create', {
        clientId: client.id,
        consent: aConsent({ type: 'sud-counselling-notes' }),
      }),
    );
    // Even with the consent on file, a private note is never printed "for the record": only as a disclosure.
    expect(
      await dispatch('notes.printPdf', { id: privateNote.id, paper: 'a4', disclosure: null }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const disclosure = {
      consentId: consent.id,
      recipient: consent.consent.recipient,
      recipientAddress: consent.consent.recipientAddress,
      purpose: consent.consent.purpose,
    };
    expect(
      value<{ path: string }>(
        await dispatch('notes.printPdf', { id: privateNote.id, paper: 'a4', disclosure }),
      ).path,
    ).toMatch(/\.pdf$/);
  });

  it('searches words, phrases and prefixes with highlighted snippets and filters', async () => {
    const { dispatch, client } = await setup();
    const other = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Other', legalLastName: 'Person' }),
      }),
    );
    value(
      await dispatch('notes.create', {
        clientId: client.id,
        kind: 'progress',
        content: soap({ assessment: 'Urge surfing helped during the commute.' }),
      }),
    );
    value(
      await dispatch('notes.create', {
        clientId: other.id,
        kind: 'progress',
        content: {
          ...soap({ assessment: 'Surfing the urge was hard on Sunday.', plan: 'Keep the use log daily.' }),
          sessionDate: '2026-11-02',
        },
      }),
    );
    const search = (query: string, over: Record<string, unknown> = {}) =>
      dispatch('notes.search', {
        query,
        clientId: null,
        fromDate: null,
        toDate: null,
        kinds: [],
        limit: 20,
        ...over,
      }).then((r) => value<NoteSearchResult[]>(r));
    expect((await search('surfing')).length).toBe(2);
    const phrase = await search('"urge surfing"');
    expect(phrase.map((r) => r.clientId)).toEqual([client.id]);
    // Highlight markers are \u0001 … \u0002; the phrase may be marked as one span or word by word.
    const marked = (phrase[0]?.snippet ?? '').replaceAll('\u0001', '[').replaceAll('\u0002', ']');
    expect(marked).toMatch(/\[urge(\] \[| )surfing\]/i);
    expect((await search('commu*')).map((r) => r.clientId)).toEqual([client.id]);
    expect((await search('surfing', { clientId: other.id })).map((r) => r.clientId)).toEqual([other.id]);
    expect((await search('surfing', { fromDate: '2026-11-10' })).map((r) => r.clientId)).toEqual([client.id]);
    expect(await search('" ( ) AND OR * "')).toEqual([]);
  });
});

const OTHER = aClinician({
  username: 'second',
  displayName: 'Marisol Featherstonehaugh',
  passphrase: 'copper meadow falcon ninety',
});

type Setup = Awaited<ReturnType<typeof setup>>;

async function addClinician({ dispatch }: Setup) {
  return value<{ id: string }>(await dispatch('users.create', { user: OTHER, currentPassphrase: PASS }));
}

async function signInAs({ dispatch, practice }: Setup, username: string, passphrase: string) {
  practice.lock('manual');
  value(await dispatch('session.unlock', { username, passphrase }));
}

const save = async (dispatch: Dispatch, note: Note, content: NoteContent, attendance = note.attendance) =>
  value<Note>(
    await dispatch('notes.saveDraft', {
      id: note.id,
      content,
      attendance,
      expectedUpdatedAtMs: note.updatedAtMs,
    }),
  );

const groupInput = (facilitatorIds: string[]) => ({
  groupName: 'Thursday relapse-prevention group',
  topic: 'Planning for the holidays',
  sessionDate: '2026-11-23',
  startTime: '17:00',
  endTime: '18:30',
  modality: 'in-person' as const,
  interventions: ['relapse-prevention' as const],
  facilitatorIds,
});

describe('note drafts and signing rules', () => {
  it('saves whatever is typed so far, and checks times only when signing, across midnight up to 12 hours', async () => {
    const { dispatch, client, clock } = await setup();
    const note = value<Note>(
      await dispatch('notes.create', {
        clientId: client.id,
        kind: 'progress',
        content: { ...soap(), startTime: '23:30', endTime: '00:15', sessionType: 'crisis' },
      }),
    );
    // A half-typed time and date are kept, not refused.
    const half = await save(dispatch, note, { ...note.content, endTime: '', sessionDate: '' });
    expect(half.content).toMatchObject({ endTime: '', sessionDate: '' });
    const refused = await dispatch('notes.sign', { id: note.id, passphrase: PASS });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.fields.map((f) => f.path)).toEqual([
      'content.sessionDate',
      'content.endTime',
    ]);

    const tooLong = await save(dispatch, half, {
      ...half.content,
      sessionDate: '2026-11-23',
      endTime: '12:00',
    });
    const long = await dispatch('notes.sign', { id: note.id, passphrase: PASS });
    expect(!long.ok && long.error.fields).toEqual([
      {
        path: 'content.endTime',
        message: 'A session lasts at most 12 hours. Check the start and end times.',
      },
    ]);
    const same = await save(dispatch, tooLong, { ...tooLong.content, endTime: '23:30' });
    const zero = await dispatch('notes.sign', { id: note.id, passphrase: PASS });
    expect(!zero.ok && zero.error.fields[0]?.message).toBe('The end time must be after the start time.');

    // The crisis session from 23:30 to 00:15 ends the next day, and signs once it has ended (issue 9 item 4).
    await save(dispatch, same, { ...same.content, endTime: '00:15' });
    const early = await dispatch('notes.sign', { id: note.id, passphrase: PASS });
    expect(!early.ok && early.error.fields).toEqual([
      {
        path: 'content.endTime',
        message:
          'The session has not ended yet (it ends at 00:15 the next day). Sign the note once it has ended.',
      },
    ]);
    await passTimeTo(dispatch, clock, new Date(2026, 10, 24, 0, 14).getTime());
    expect(await dispatch('notes.sign', { id: note.id, passphrase: PASS })).toMatchObject({ ok: false });
    await passTimeTo(dispatch, clock, new Date(2026, 10, 24, 0, 15).getTime());
    const signed = value<Note>(await dispatch('notes.sign', { id: note.id, passphrase: PASS }));
    expect(signed.content).toMatchObject({ startTime: '23:30', endTime: '00:15', sessionDate: '2026-11-23' });
  });

  it('refuses to sign until the risk review is completed, with an error on each risk field', async () => {
    const { dispatch, client } = await setup();
    const note = value<Note>(
      await dispatch('notes.create', {
        clientId: client.id,
        kind: 'progress',
        content: { ...soap(), risk: emptyNoteContent('soap', '2026-11-23').risk },
      }),
    );
    const refused = await dispatch('notes.sign', { id: note.id, passphrase: PASS });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!refused.ok && refused.error.fields.map((f) => f.path)).toEqual([
      'content.risk.suicidalIdeation',
      'content.risk.homicidalIdeation',
    ]);
    await save(dispatch, note, soap());
    value(await dispatch('notes.sign', { id: note.id, passphrase: PASS }));
  });

  it("lets only the author sign a note, private ones included; a group's facilitator may sign its attendee notes", async () => {
    const ctx = await setup();
    const { dispatch, client, user } = ctx;
    const other = await addClinician(ctx);
    const progress = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content: soap() }),
    );
    const privateNote = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'sud-counselling', content: soap() }),
    );
    const group = value<GroupSession>(
      await dispatch('groups.create', {
        group: groupInput([user.id, other.id]),
        attendees: [{ clientId: client.id, attendance: 'present' }],
      }),
    );
    const groupNoteId = group.members[0]?.noteId ?? '';
    const groupNote = value<Note>(await dispatch('notes.get', { id: groupNoteId }));
    await save(dispatch, groupNote, { ...groupNote.content, risk: soap().risk });

    await signInAs(ctx, OTHER.username, OTHER.passphrase);
    for (const id of [progress.id, privateNote.id]) {
      const r = await dispatch('notes.sign', { id, passphrase: OTHER.passphrase });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Only the clinician who wrote this note can sign it.' },
      });
    }
    const byFacilitator = value<Note>(
      await dispatch('notes.sign', { id: groupNoteId, passphrase: OTHER.passphrase }),
    );
    expect(byFacilitator.signedByName).toBe(OTHER.displayName);

    await signInAs(ctx, aClinician().username, PASS);
    value(await dispatch('notes.sign', { id: progress.id, passphrase: PASS }));
  });

  it("refuses a group attendee note's signature to someone neither its author nor a facilitator", async () => {
    const ctx = await setup();
    const { dispatch, client, user } = ctx;
    await addClinician(ctx);
    const group = value<GroupSession>(
      await dispatch('groups.create', {
        group: groupInput([user.id]),
        attendees: [{ clientId: client.id, attendance: 'present' }],
      }),
    );
    await signInAs(ctx, OTHER.username, OTHER.passphrase);
    expect(
      await dispatch('notes.sign', { id: group.members[0]?.noteId ?? '', passphrase: OTHER.passphrase }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('raises an alert per finding as soon as a draft records it, once per note and finding (issue 8 item 4)', async () => {
    const { dispatch, client } = await setup();
    const calm = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content: soap() }),
    );
    value(await dispatch('notes.sign', { id: calm.id, passphrase: PASS }));
    expect(value<Alert[]>(await dispatch('alerts.list', { clientId: client.id }))).toEqual([]);

    const risky = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content: soap() }),
    );
    expect(value<Alert[]>(await dispatch('alerts.list', { clientId: client.id }))).toEqual([]);
    // The draft is saved with passive suicidal ideation: the alert is raised now, before any signature.
    const withSi = await save(dispatch, risky, {
      ...risky.content,
      risk: { ...risky.content.risk, suicidalIdeation: 'passive' },
    });
    const first = value<Alert[]>(await dispatch('alerts.list', { clientId: client.id }));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      kind: 'red-flag-symptom',
      symptoms: ['suicidal-thoughts'],
      sourceType: 'note',
      sourceId: risky.id,
      finding: 'suicide-risk',
      repeatOf: null,
      acknowledgement: null,
    });
    expect(first[0]?.detail).toBe('Session note: suicidal ideation (passive thoughts)');
    // Saving again raises nothing new; a new finding (red flags) raises its own alert, once.
    const again = await save(dispatch, withSi, {
      ...withSi.content,
      sections: { ...withSi.content.sections, plan: 'Safety plan.' },
    });
    const flags = await save(dispatch, again, {
      ...again.content,
      risk: { ...again.content.risk, redFlagsObserved: true },
    });
    await save(dispatch, flags, { ...flags.content, nextAppointment: 'Tomorrow 10:00' });
    value(await dispatch('notes.sign', { id: risky.id, passphrase: PASS }));
    const alerts = value<Alert[]>(await dispatch('alerts.list', { clientId: client.id }));
    expect(alerts.map((a) => a.finding).sort()).toEqual(['red-flags', 'suicide-risk']);
    const audit = value<Array<{ action: string; entity: string; entityId: string | null }>>(
      await dispatch('audit.list', { limit: 50, beforeId: null }),
    );
    expect(
      audit
        .filter((a) => a.action === 'raise' && a.entity === 'alert')
        .map((a) => a.entityId)
        .sort(),
    ).toEqual(alerts.map((a) => a.id).sort());
  });

  it('links a same-day alert for the same finding to the open or just-acknowledged one (issue 9 item 7)', async () => {
    const { dispatch, client, clock } = await setup();
    const si = {
      suicidalIdeation: 'active',
      homicidalIdeation: 'denied',
      redFlagsObserved: false,
      note: '',
    } as const;
    const one = value<Note>(
      await dispatch('notes.create', {
        clientId: client.id,
        kind: 'progress',
        content: { ...soap(), risk: si },
      }),
    );
    const [firstAlert] = value<Alert[]>(await dispatch('alerts.list', { clientId: client.id }));
    value(
      await dispatch('alerts.acknowledge', {
        id: firstAlert!.id,
        acknowledgement: { actions: ['crisis-line-988'], note: '988 card reviewed with the client.' },
      }),
    );
    await passTimeTo(dispatch, clock, clock.ms + 60 * 60_000);
    const two = value<Note>(
      await dispatch('notes.create', {
        clientId: client.id,
        kind: 'progress',
        content: { ...soap(), risk: si },
      }),
    );
    const second = value<Alert[]>(await dispatch('alerts.list', { clientId: client.id })).find(
      (a) => a.sourceId === two.id,
    );
    expect(second?.repeatOf).toEqual({
      id: firstAlert!.id,
      raisedAtMs: firstAlert!.raisedAtMs,
      sourceType: 'note',
      acknowledgedAtMs: expect.any(Number),
    });
    // The next day it is a new alert again.
    await passTimeTo(dispatch, clock, new Date(2026, 10, 24, 9, 0).getTime());
    const three = value<Note>(
      await dispatch('notes.create', {
        clientId: client.id,
        kind: 'progress',
        content: { ...soap(), risk: si },
      }),
    );
    const third = value<Alert[]>(await dispatch('alerts.list', { clientId: client.id })).find(
      (a) => a.sourceId === three.id,
    );
    expect(third?.repeatOf).toBeNull();
    expect(one.id).not.toBe(two.id);
  });

  it('raises an alert for homicidal ideation alone, without a suicide symptom', async () => {
    const { dispatch, client } = await setup();
    const note = value<Note>(
      await dispatch('notes.create', {
        clientId: client.id,
        kind: 'progress',
        content: {
          ...soap(),
          risk: {
            suicidalIdeation: 'denied',
            homicidalIdeation: 'present',
            redFlagsObserved: false,
            note: '',
          },
        },
      }),
    );
    value(await dispatch('notes.sign', { id: note.id, passphrase: PASS }));
    expect(value<Alert[]>(await dispatch('alerts.list', { clientId: client.id }))).toMatchObject([
      {
        kind: 'red-flag-symptom',
        symptoms: [],
        detail: 'Session note: homicidal ideation',
        sourceId: note.id,
      },
    ]);
  });
});

describe('what a signature freezes', () => {
  it("keeps a signed group note's shared block as signed, though names, attendance and the session change", async () => {
    const ctx = await setup();
    const { dispatch, user, practice } = ctx;
    const second = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Oswin', legalLastName: 'Taliaferro-Nkemelu' }),
      }),
    );
    const group = value<GroupSession>(
      await dispatch('groups.create', {
        group: groupInput([user.id]),
        attendees: [
          { clientId: ctx.client.id, attendance: 'present' },
          { clientId: second.id, attendance: 'present' },
        ],
      }),
    );
    const mine = group.members.find((m) => m.clientId === ctx.client.id)?.noteId ?? '';
    const theirs = group.members.find((m) => m.clientId === second.id)?.noteId ?? '';
    const draft = value<Note>(await dispatch('notes.get', { id: mine }));
    // A save cannot move the group's own fields in one member's note.
    await save(dispatch, draft, { ...draft.content, risk: soap().risk, startTime: '06:00' });
    const signed = value<Note>(await dispatch('notes.sign', { id: mine, passphrase: PASS }));
    const asSigned = {
      groupName: 'Thursday relapse-prevention group',
      topic: 'Planning for the holidays',
      sessionDate: '2026-11-23',
      startTime: '17:00',
      endTime: '18:30',
      modality: 'in-person',
      interventions: ['relapse-prevention'],
      facilitatorNames: [aClinician().displayName],
      numberPresent: 2,
    };
    expect(signed.group).toMatchObject(asSigned);
    expect(signed.content.startTime).toBe('17:00');

    // Later: the other member is marked absent, the facilitator's name changes.
    const other = value<Note>(await dispatch('notes.get', { id: theirs }));
    await save(dispatch, other, other.content, 'absent');
    const { db } = practice.session();
    db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run('Someone Else Entirely', user.id);
    expect(value<GroupSession>(await dispatch('groups.get', { id: group.id })).numberPresent).toBe(1);
    expect(value<Note>(await dispatch('notes.get', { id: mine })).group).toMatchObject(asSigned);
    expect(value(await dispatch('notes.verify', { id: mine }))).toMatchObject({ intact: true });

    // The session itself is locked by the signature; changed behind the triggers, the hash shows it.
    expect(() => db.prepare(`UPDATE group_sessions SET topic = 'x' WHERE id = ?`).run(group.id)).toThrow(
      /group session with a signed note cannot be changed/,
    );
    db.exec('DROP TRIGGER notes_signed_immutable');
    const snapshot = db.prepare('SELECT signed_snapshot FROM notes WHERE id = ?').get(mine) as {
      signed_snapshot: string;
    };
    const forged = JSON.parse(snapshot.signed_snapshot) as { group: { numberPresent: number } };
    forged.group.numberPresent = 7;
    db.prepare('UPDATE notes SET signed_snapshot = ? WHERE id = ?').run(JSON.stringify(forged), mine);
    expect(value(await dispatch('notes.verify', { id: mine }))).toMatchObject({ intact: false });
  });

  it('keeps the goal wording a note was signed with, in the chart and in its PDF, after the plan is revised', async () => {
    const { dispatch, client } = await setup();
    const plan = (goalText: string, goalId?: string) => ({
      problems: [
        {
          id: 'p1',
          text: 'Daily kratom use',
          goals: [
            {
              id: goalId ?? 'g1',
              text: goalText,
              targetDate: '2027-02-15',
              status: 'active' as const,
              objectives: [],
              interventions: [],
            },
          ],
        },
      ],
      reviewDate: '2027-01-15',
      status: 'active' as const,
      revisionNote: '',
    });
    const first = value<TreatmentPlan>(
      await dispatch('plans.save', {
        clientId: client.id,
        baseVersion: 0,
        plan: plan('Taper to stop safely'),
      }),
    );
    const goalId = first.plan.problems[0]?.goals[0]?.id ?? '';
    const note = value<Note>(
      await dispatch('notes.create', {
        clientId: client.id,
        kind: 'progress',
        content: { ...soap(), goalsAddressed: [goalId] },
      }),
    );
    value(await dispatch('notes.sign', { id: note.id, passphrase: PASS }));
    value(
      await dispatch('plans.save', {
        clientId: client.id,
        baseVersion: 1,
        plan: { ...plan('Reworded goal after review', goalId), revisionNote: 'Goal reworded.' },
      }),
    );
    const read = value<Note>(await dispatch('notes.get', { id: note.id }));
    expect(read.signedGoals).toEqual([{ id: goalId, text: 'Taper to stop safely' }]);
    const { path } = value<{ path: string }>(
      await dispatch('notes.printPdf', { id: note.id, paper: 'letter', disclosure: null }),
    );
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Taper to stop safely');
    expect(text).not.toContain('Reworded goal');
    expect(value(await dispatch('notes.verify', { id: note.id }))).toMatchObject({ intact: true });
  });

  it('answers a clean error, not the stored content, when a note in the list no longer matches its schema', async () => {
    const { practice, client } = await setup();
    const errors: string[] = [];
    const dispatch = createDispatcher(createHandlers(), {
      practice,
      platform: createNodePlatform(),
      log: { ...silentLogger, error: (m: string) => errors.push(m) },
    });
    const draft = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content: soap() }),
    );
    expect(value<Note[]>(await dispatch('notes.list', { clientId: client.id, kind: 'record' }))).toHaveLength(
      1,
    );
    // Changed behind the app: still JSON, no longer a note's content (the list checks it once, at the dispatcher).
    const { db } = practice.session();
    const corrupt = JSON.stringify({ ...soap(), format: 'limerick', sections: 'Patient name: Ada' });
    db.prepare('UPDATE notes SET content = ? WHERE id = ?').run(corrupt, draft.id);
    const listed = await dispatch('notes.list', { clientId: client.id, kind: 'record' });
    expect(listed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(listed)).not.toContain('Patient name');
    expect(errors).toEqual(['notes.list: handler output does not match the contract']);
  });
});
