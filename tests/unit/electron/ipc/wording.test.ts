/**
 * The clinic's wording of client documents: every text listed in both languages, shipped Spanish not yet reviewed
 * until someone marks it, a replacement versioned with who and when, its placeholders kept, and used on the next
 * print; the version rows cannot be changed or deleted.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { clinicWording, insertWordingVersion } from '../../../../electron/db/repositories/clinicWording';
import type { WordingEntry, WordingVersion } from '../../../../shared/domain/wording';
import { CATALOGUES, DOCUMENT_MESSAGE_IDS, translator } from '../../../../shared/i18n/catalogue';
import { listAudit } from '../../../../electron/db/repositories/audit';
import type { Result } from '../../../../shared/ipc/result';
import { FakeClock, setUpPractice } from '../../../support/fixtures';

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function practice() {
  const clock = new FakeClock(Date.UTC(2026, 11, 3, 17, 0));
  const { practice, user } = await setUpPractice({ clock });
  const dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  return { dispatch, db: practice.session().db, user };
}

describe('clinic wording of client documents', () => {
  it('lists every text in both languages; shipped Spanish is not yet reviewed, English is', async () => {
    const { dispatch } = await practice();
    const list = value<WordingEntry[]>(await dispatch('wording.list', {}));
    expect(list).toHaveLength(DOCUMENT_MESSAGE_IDS.length * 2);
    expect(list.some((e) => e.messageId.startsWith('screen.'))).toBe(false);
    expect(list.filter((e) => e.language === 'es').every((e) => !e.reviewed)).toBe(true);
    expect(list.filter((e) => e.language === 'en').every((e) => e.reviewed && e.source === 'shipped')).toBe(
      true,
    );
  });

  it('marks shipped Spanish reviewed, replaces a text as a new version, and prints it from then on', async () => {
    const { dispatch, db, user } = await practice();
    const reviewed = value<WordingEntry>(
      await dispatch('wording.review', { language: 'es', messageId: 'taper.steps' }),
    );
    expect(reviewed).toMatchObject({
      reviewed: true,
      source: 'shipped',
      version: 1,
      reviewedByName: user.displayName,
    });
    expect(clinicWording(db)).toEqual({});

    const own = value<WordingEntry>(
      await dispatch('wording.save', {
        language: 'es',
        messageId: 'taper.strong.call',
        text: 'Llame a la clínica al {phone}. Le ayudamos a seguir.',
      }),
    );
    expect(own).toMatchObject({
      source: 'clinic',
      version: 1,
      reviewed: true,
      reviewedAtMs: Date.UTC(2026, 11, 3, 17, 0),
    });
    expect(clinicWording(db)).toEqual({
      es: { 'taper.strong.call': 'Llame a la clínica al {phone}. Le ayudamos a seguir.' },
    });

    const refused = await dispatch('wording.save', {
      language: 'es',
      messageId: 'taper.strong.call',
      text: 'Llame a la clínica cuando quiera y le ayudamos a seguir con calma.',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.fields[0]).toEqual({
        path: 'text',
        message: 'Keep {phone} (the clinic’s phone number): the document fills it in.',
      });

    const back = value<WordingEntry>(
      await dispatch('wording.restore', { language: 'es', messageId: 'taper.strong.call' }),
    );
    expect(back).toMatchObject({ source: 'shipped', version: 2, reviewed: true });
    expect(clinicWording(db)).toEqual({});
    expect(() => db.prepare('UPDATE clinic_wording SET text = ?').run('x')).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM clinic_wording').run()).toThrow(/never deleted/);
  });

  it('never rewords the English notice, and keeps every number of a crisis line or red flag', async () => {
    const { dispatch, db } = await practice();
    const problem = async (language: 'en' | 'es', messageId: string, text: string) => {
      const r = await dispatch('wording.save', { language, messageId, text });
      return r.ok ? null : r.error.fields[0]?.message;
    };
    expect(await problem('en', 'notice.short', 'Please keep this private.')).toMatch(/regulation’s own text/);
    expect(await problem('en', 'notice.full', '.')).toMatch(/regulation’s own text/);
    expect(await problem('es', 'crisis.988', 'Llame a la línea de crisis.')).toBe(
      'Keep the numbers 988, 2: clients need them.',
    );
    expect(await problem('en', 'crisis.911', 'Emergency services — call 9110')).toBe(
      'Keep the number 911: clients need it.',
    );
    expect(await problem('es', 'redflags.suicide', '   ')).toMatch(/^Write the text/);
    expect(clinicWording(db)).toEqual({});
    // A clinic's reviewed translation of the notice, and a crisis line in its own words, are taken.
    expect(
      await problem('es', 'notice.short', 'La ley federal (42 CFR parte 2) protege estos registros.'),
    ).toBeNull();
    expect(await problem('en', 'crisis.911', 'In an emergency, call 911.')).toBeNull();
  });

  it('refuses a text that is not on any client document', async () => {
    const { dispatch } = await practice();
    const r = await dispatch('wording.save', { language: 'en', messageId: 'nope.nothing', text: 'Hi' });
    expect(r.ok).toBe(false);
  });
});

describe('wording history, going back to the shipped text, and shipped text that changed', () => {
  it('keeps every version with who wrote it, who reviewed it and when; going back is itself a version, audited', async () => {
    const { dispatch, db, user } = await practice();
    const ref = { language: 'es', messageId: 'safety.signs' } as const;
    expect(value<WordingVersion[]>(await dispatch('wording.history', ref))).toEqual([]);
    expect((await dispatch('wording.restore', ref)).ok).toBe(false);
    value(await dispatch('wording.save', { ...ref, text: 'Señales de que se acerca un mal momento' }));
    value(await dispatch('wording.save', { ...ref, text: 'Señales de que viene un mal momento' }));
    const back = value<WordingEntry>(await dispatch('wording.restore', ref));
    expect(back).toMatchObject({ source: 'shipped', text: CATALOGUES.es['safety.signs'], version: 3 });
    expect(clinicWording(db)).toEqual({});
    const history = value<WordingVersion[]>(await dispatch('wording.history', ref));
    expect(history.map((v) => [v.version, v.kind, v.source, v.text])).toEqual([
      [3, 'restored', 'shipped', CATALOGUES.es['safety.signs']],
      [2, 'written', 'clinic', 'Señales de que viene un mal momento'],
      [1, 'written', 'clinic', 'Señales de que se acerca un mal momento'],
    ]);
    expect(history[1]).toMatchObject({
      writtenByName: user.displayName,
      reviewedByName: user.displayName,
      reviewedAtMs: Date.UTC(2026, 11, 3, 17, 0),
      basedOn: CATALOGUES.es['safety.signs'],
    });
    expect(history[0]?.writtenByName).toBeNull();
    const actions = listAudit(db, { limit: 100, beforeId: null })
      .filter((a) => a.entity === 'wording')
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['update', 'restore-shipped']));
  });

  it('flags a clinic text whose shipped text changed, keeps printing it, and clears the flag on review', async () => {
    const { dispatch, db, user } = await practice();
    const ref = { language: 'es', messageId: 'taper.strong.stay' } as const;
    // Written against an older release's shipped text.
    insertWordingVersion(db, {
      ...ref,
      source: 'clinic',
      kind: 'written',
      text: 'Siga con la cantidad de hoy. No baje más hasta hablar con nosotros.',
      basedOn: 'Quédese con la cantidad de ahora.',
      writtenBy: user.id,
      userId: user.id,
      atMs: Date.UTC(2026, 5, 1),
    });
    const flagged = value<WordingEntry[]>(await dispatch('wording.list', {})).find(
      (e) => e.language === 'es' && e.messageId === 'taper.strong.stay',
    );
    expect(flagged).toMatchObject({
      source: 'clinic',
      shippedChanged: true,
      basedOn: 'Quédese con la cantidad de ahora.',
      shipped: CATALOGUES.es['taper.strong.stay'],
      reviewed: true,
    });
    expect(clinicWording(db).es?.['taper.strong.stay']).toMatch(/^Siga con la cantidad/);

    const kept = value<WordingEntry>(await dispatch('wording.review', ref));
    expect(kept).toMatchObject({
      source: 'clinic',
      shippedChanged: false,
      basedOn: CATALOGUES.es['taper.strong.stay'],
      version: 2,
      writtenByName: user.displayName,
    });
    expect(clinicWording(db).es?.['taper.strong.stay']).toMatch(/^Siga con la cantidad/);
    const history = value<WordingVersion[]>(await dispatch('wording.history', ref));
    expect(history[0]).toMatchObject({ kind: 'reviewed', source: 'clinic' });
  });

  it('names each placeholder in words when a text loses one', async () => {
    const { dispatch } = await practice();
    const r = await dispatch('wording.save', {
      language: 'en',
      messageId: 'doc.subject',
      text: 'Chart {chart}',
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.fields[0]?.message).toBe(
        'Keep {name} (the client’s name), {dob} (the date of birth): the document fills them in.',
      );
  });
});

describe('a clinic text that no longer fits the shipped text, and texts that cannot be gutted', () => {
  it('prints the shipped text while a kept clinic text lacks what the release changed, and refuses to keep it', async () => {
    const { dispatch, db, user } = await practice();
    const ref = { language: 'es', messageId: 'crisis.clinic' } as const;
    // Written when the shipped text had opening hours; this release dropped {hours}, so nothing fills it in.
    insertWordingVersion(db, {
      ...ref,
      source: 'clinic',
      kind: 'written',
      text: 'Llame a {clinic} al {phone}, {hours}.',
      basedOn: '{clinic} — {phone} ({hours})',
      writtenBy: user.id,
      userId: user.id,
      atMs: Date.UTC(2026, 5, 1),
    });
    const values = { clinic: 'Clínica Río Claro', phone: '555-0142' };
    expect(clinicWording(db)).toEqual({});
    expect(translator('es', clinicWording(db)).t('crisis.clinic', values)).toBe(
      translator('es').t('crisis.clinic', values),
    );
    const entry = value<WordingEntry[]>(await dispatch('wording.list', {})).find(
      (e) => e.language === 'es' && e.messageId === 'crisis.clinic',
    );
    expect(entry).toMatchObject({ source: 'clinic', shippedChanged: true });
    expect(entry?.unusable).toMatch(/^Remove \{hours\}/);

    const kept = await dispatch('wording.review', ref);
    expect(kept.ok).toBe(false);
    if (!kept.ok) expect(kept.error.fields[0]?.message).toMatch(/^Reword the clinic’s text.*\{hours\}/);
    expect(value<WordingVersion[]>(await dispatch('wording.history', ref))).toHaveLength(1);

    // Reworded, it prints again.
    value(await dispatch('wording.save', { ...ref, text: 'Llame a {clinic} al {phone}.' }));
    expect(translator('es', clinicWording(db)).t('crisis.clinic', values)).toBe(
      'Llame a Clínica Río Claro al 555-0142.',
    );
  });

  it('keeps the notice’s citations and a real text for every notice, crisis line and warning sign', async () => {
    const { dispatch, db } = await practice();
    const problem = async (language: 'en' | 'es', messageId: string, text: string) => {
      const r = await dispatch('wording.save', { language, messageId, text });
      return r.ok ? null : r.error.fields[0]?.message;
    };
    expect(await problem('es', 'notice.full', 'Confidencial.')).toMatch(
      /^Keep the numbers 42, 2, .*notice cites/,
    );
    expect(await problem('es', 'notice.short', 'Privado.')).toBe(
      'Keep the numbers 42, 2: the notice cites them.',
    );
    expect(await problem('es', 'notice.short', '42 CFR parte 2: privado.')).toMatch(
      /^Say all of it: a notice/,
    );
    expect(await problem('es', 'redflags.seizure', '.')).toMatch(/^Say all of it: a warning sign/);
    expect(await problem('es', 'crisis.988', 'No llame al 988. (2)')).toMatch(
      /^Say all of it: a crisis line/,
    );
    expect(await problem('en', 'notice.ownCopy', 'Share it with anyone.')).toMatch(/whom the notice binds/);
    // The taper's safety rules and the heading over the aftercare plan's warning signs are guarded too.
    expect(await problem('es', 'taper.safe.extracts', '7.')).toMatch(/^Say all of it: a safety rule/);
    expect(await problem('en', 'taper.strong.stay', 'OK.')).toMatch(/^Say all of it: a safety rule/);
    expect(await problem('en', 'aftercare.redFlags', '.')).toMatch(/^Say all of it: a warning sign/);
    expect(clinicWording(db)).toEqual({});
    expect(await problem('es', 'redflags.seizure', 'Tiene una convulsión.')).toBeNull();
  });

  it('holds a clinic notice written against an older shipped notice until someone reads the new one and keeps it', async () => {
    const { dispatch, db, user } = await practice();
    const ref = { language: 'es', messageId: 'notice.ownCopy' } as const;
    // The clinic's own Spanish line, written against a release whose line overstated whom the notice binds.
    const old =
      'Esta es su propia copia. Puede compartirla con quien quiera. El aviso que sigue es para las personas con quienes la comparta.';
    insertWordingVersion(db, {
      ...ref,
      source: 'clinic',
      kind: 'written',
      text: old,
      basedOn: old,
      writtenBy: user.id,
      userId: user.id,
      atMs: Date.UTC(2026, 5, 1),
    });
    // Not printed: the shipped line is, until someone reads the new one.
    expect(clinicWording(db)).toEqual({});
    const entry = value<WordingEntry[]>(await dispatch('wording.list', {})).find(
      (e) => e.language === 'es' && e.messageId === 'notice.ownCopy',
    );
    expect(entry).toMatchObject({ source: 'clinic', shippedChanged: true });
    expect(entry?.unusable).toMatch(/shipped notice changed/);
    // Kept after reading (the administrator's choice, recorded), it prints again.
    value(await dispatch('wording.review', ref));
    expect(clinicWording(db).es?.['notice.ownCopy']).toBe(old);
  });

  it('records going back to the shipped text by saving it as a restore, and refuses a save that changes nothing', async () => {
    const { dispatch, db } = await practice();
    const ref = { language: 'es', messageId: 'safety.signs' } as const;
    value(await dispatch('wording.save', { ...ref, text: 'Señales de que viene un mal momento' }));
    const same = await dispatch('wording.save', { ...ref, text: 'Señales de que viene un mal momento' });
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.error.fields[0]?.message).toMatch(/already the text in use/);
    value(await dispatch('wording.save', { ...ref, text: CATALOGUES.es['safety.signs'] }));
    const history = value<WordingVersion[]>(await dispatch('wording.history', ref));
    expect(history.map((v) => [v.version, v.kind, v.source])).toEqual([
      [2, 'restored', 'shipped'],
      [1, 'written', 'clinic'],
    ]);
    const actions = listAudit(db, { limit: 100, beforeId: null })
      .filter((a) => a.entity === 'wording')
      .map((a) => a.action);
    expect(actions).toContain('restore-shipped');
    expect((await dispatch('wording.save', { ...ref, text: CATALOGUES.es['safety.signs'] })).ok).toBe(false);
  });
});

describe('shipped text a release changed', () => {
  it('keeps English reviewed by the project, and flags Spanish the clinic reviewed with the old and new text', async () => {
    const { dispatch, db, user } = await practice();
    for (const language of ['en', 'es'] as const)
      insertWordingVersion(db, {
        language,
        messageId: 'taper.steps',
        source: 'shipped',
        kind: 'reviewed',
        text: 'An older release’s text',
        basedOn: 'An older release’s text',
        writtenBy: null,
        userId: user.id,
        atMs: Date.UTC(2026, 5, 1),
      });
    const list = value<WordingEntry[]>(await dispatch('wording.list', {}));
    const of = (language: string) =>
      list.find((e) => e.language === language && e.messageId === 'taper.steps');
    expect(of('en')).toMatchObject({
      reviewed: true,
      shippedChanged: false,
      reviewedByName: null,
      basedOn: null,
    });
    expect(of('en')?.text).toBe(CATALOGUES.en['taper.steps']);
    expect(of('es')).toMatchObject({
      reviewed: false,
      shippedChanged: true,
      basedOn: 'An older release’s text',
      text: CATALOGUES.es['taper.steps'],
      unusable: null,
    });
    const again = value<WordingEntry>(
      await dispatch('wording.review', { language: 'es', messageId: 'taper.steps' }),
    );
    expect(again).toMatchObject({ reviewed: true, shippedChanged: false, reviewedByName: user.displayName });
  });
});
