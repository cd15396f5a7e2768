import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import type { Client } from '../../../../shared/domain/clients';
import { emptyNoteContent, type Note, type NoteContent } from '../../../../shared/domain/notes';
import type { GroupSession, NoteSearchResult } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent } from '../../../support/clients';
import { aClinician, FakeClock, setUpPractice } from '../../../support/fixtures';

const PASS = aClinician().passphrase;

async function setup() {
  const clock = new FakeClock(Date.UTC(2026, 10, 23, 18, 0));
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

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

const soap = (over: Partial<NoteContent['sections']> = {}): NoteContent => ({
  ...emptyNoteContent('soap', '2026-11-23'),
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
      await dispatch('notes.printPdf', { id: filled.id, paper: 'letter' }),
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
    expect(await dispatch('notes.printPdf', { id: privateNote.id, paper: 'a4' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    value(
      await dispatch('consents.create', {
        clientId: client.id,
        consent: aConsent({ type: 'sud-counselling-notes' }),
      }),
    );
    expect(
      value<{ path: string }>(await dispatch('notes.printPdf', { id: privateNote.id, paper: 'a4' })).path,
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
