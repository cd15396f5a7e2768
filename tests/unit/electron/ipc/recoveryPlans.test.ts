/**
 * Relapse-prevention, safety and aftercare plans (issue 11, CLINICAL.md §5): versions are kept, a signed version is
 * immutable in the app and in SQL, signing needs the passphrase and a complete plan (errors by field), the aftercare
 * plan starts from the record, acknowledging an alert with "safety plan made or reviewed" links the signed safety
 * plan's version, and prints are audited (a print for a third party is a recorded disclosure).
 */
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { listAudit } from '../../../../electron/db/repositories/audit';
import { aftercarePrefill, type AftercareSource } from '../../../../electron/plans/aftercarePrefill';
import type { Alert } from '../../../../shared/domain/alerts';
import type { Client } from '../../../../shared/domain/clients';
import type { Consent } from '../../../../shared/domain/consents';
import type { Disclosure } from '../../../../shared/domain/disclosures';
import { emptyNoteContent, type Note, type NoteContent } from '../../../../shared/domain/notes';
import {
  emptyPlanContent,
  RED_FLAGS_TEXT,
  WITHDRAWAL_COMFORT_BASICS,
  type RecoveryPlan,
  type RecoveryPlanContent,
  type RecoveryPlanKind,
} from '../../../../shared/domain/recoveryPlans';
import type { Chart } from '../../../../shared/ipc/channels/clients';
import type { Result } from '../../../../shared/ipc/result';
import { aClient, aConsent } from '../../../support/clients';
import { FakeClock, aClinician, setUpPractice } from '../../../support/fixtures';
import { englishFound } from '../../../support/languageChecks';
import { checkPdf, flat, pdfLanguageAndTitle } from '../../../support/pdfChecks';
import { aRelapsePreventionPlan, aSafetyPlan, anAftercarePlan } from '../../../support/recoveryPlans';

const NOW = Date.UTC(2026, 10, 23, 18, 0);
const PASS = aClinician().passphrase;

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

function fieldsOf(r: Result<unknown>): Record<string, string> {
  if (r.ok) throw new Error('expected an error');
  return Object.fromEntries(r.error.fields.map((f) => [f.path, f.message]));
}

async function setup(client = aClient()) {
  const clock = new FakeClock(NOW);
  const { practice, user } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const c = value<Client>(await dispatch('clients.create', { client }));
  const db = practice.session().db;
  const start = async (kind: RecoveryPlanKind, clientId = c.id) =>
    value<RecoveryPlan>(await dispatch('recoveryPlans.startDraft', { clientId, kind }));
  const save = async (plan: RecoveryPlan, content: RecoveryPlanContent) =>
    value<RecoveryPlan>(
      await dispatch('recoveryPlans.saveDraft', {
        id: plan.id,
        content,
        expectedUpdatedAtMs: plan.updatedAtMs,
      }),
    );
  const sign = async (plan: RecoveryPlan) =>
    value<RecoveryPlan>(await dispatch('recoveryPlans.sign', { id: plan.id, passphrase: PASS }));
  /** Starts, fills and signs a version. */
  const written = async (content: RecoveryPlanContent, clientId = c.id) => {
    const draft = await start(content.kind, clientId);
    return sign(await save(draft, content));
  };
  return { practice, user, clock, dispatch, client: c, db, start, save, sign, written };
}

const rp = (over = {}): RecoveryPlanContent => ({
  kind: 'relapse-prevention',
  plan: aRelapsePreventionPlan(over),
});
const safety = (over = {}): RecoveryPlanContent => ({ kind: 'safety', plan: aSafetyPlan(over) });

describe('recovery plans', () => {
  it('keeps every signed version as it was; a new version starts from the last signed one', async () => {
    const { dispatch, client, start, save, sign, clock, db } = await setup();
    const draft = await start('relapse-prevention');
    expect(draft.version).toBe(1);
    expect(draft.content).toEqual(emptyPlanContent('relapse-prevention'));
    // The open draft is returned again rather than a second one.
    expect((await start('relapse-prevention')).id).toBe(draft.id);

    const v1 = await sign(await save(draft, rp()));
    expect(v1).toMatchObject({
      version: 1,
      signedByName: 'Marisol Quintero-Vance',
      signedByCredentials: 'LCSW, CADC',
    });
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);

    clock.advance(60_000);
    const v2draft = await start('relapse-prevention');
    expect(v2draft.version).toBe(2);
    expect(v2draft.content).toEqual(v1.content);
    const v2 = await sign(await save(v2draft, rp({ oneChange: 'Walk at lunch instead of the break room.' })));

    const versions = value<RecoveryPlan[]>(
      await dispatch('recoveryPlans.list', { clientId: client.id, kind: 'relapse-prevention' }),
    );
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]).toEqual(v1);
    expect(versions[0]?.content).toEqual(v2.content);
    // Other kinds are separate series.
    expect(
      value<RecoveryPlan[]>(await dispatch('recoveryPlans.list', { clientId: client.id, kind: 'safety' })),
    ).toEqual([]);

    // On the timeline and in the audit log.
    const chart = value<Chart>(await dispatch('clients.chart', { id: client.id }));
    expect(chart.timeline.filter((e) => e.kind === 'recovery-plan-signed').map((e) => e.title)).toEqual([
      'Relapse-prevention plan signed (version 2)',
      'Relapse-prevention plan signed',
    ]);
    const audit = listAudit(db, { limit: 50, beforeId: null }).filter((a) => a.entity === 'recovery-plan');
    expect(audit.filter((a) => a.action === 'sign').map((a) => a.entityId)).toEqual([v2.id, v1.id]);
    expect(audit.filter((a) => a.action === 'create')).toHaveLength(2);
    expect(audit.filter((a) => a.action === 'update')).toHaveLength(2);
  });

  it('refuses any change to a signed version in the app and in SQL; a draft may be discarded', async () => {
    const { dispatch, written, db, start, client } = await setup();
    const v1 = await written(rp());
    const again = await dispatch('recoveryPlans.saveDraft', {
      id: v1.id,
      content: rp({ oneChange: 'changed' }),
      expectedUpdatedAtMs: v1.updatedAtMs,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await dispatch('recoveryPlans.sign', { id: v1.id, passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await dispatch('recoveryPlans.deleteDraft', { id: v1.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    expect(() =>
      db
        .prepare(
          "UPDATE recovery_plans SET content = json_set(content, '$.plan.oneChange', 'x') WHERE id = ?",
        )
        .run(v1.id),
    ).toThrow(/signed plan version is kept as it was/);
    expect(() =>
      db
        .prepare(
          'UPDATE recovery_plans SET signed_at_ms = NULL, signed_by = NULL, content_hash = NULL WHERE id = ?',
        )
        .run(v1.id),
    ).toThrow(/signed plan version is kept as it was/);
    expect(() => db.prepare('DELETE FROM recovery_plans WHERE id = ?').run(v1.id)).toThrow(/never deleted/);
    // A version number out of sequence, and a second draft, are refused.
    const insert = (id: string, version: number) =>
      db
        .prepare(
          `INSERT INTO recovery_plans (id, client_id, kind, version, content, created_at_ms, created_by, updated_at_ms)
           VALUES (?, ?, 'relapse-prevention', ?, '{"kind":"relapse-prevention","plan":{}}', 1, ?, 1)`,
        )
        .run(
          id,
          client.id,
          version,
          v1.id &&
            (
              db.prepare('SELECT created_by FROM recovery_plans WHERE id = ?').get(v1.id) as {
                created_by: string;
              }
            ).created_by,
        );
    expect(() => insert('x1', 5)).toThrow(/follows the last one/);
    const draft = await start('relapse-prevention');
    expect(() => insert('x2', 3)).toThrow(/UNIQUE/);
    value(await dispatch('recoveryPlans.deleteDraft', { id: draft.id }));
    const list = value<RecoveryPlan[]>(
      await dispatch('recoveryPlans.list', { clientId: client.id, kind: 'relapse-prevention' }),
    );
    expect(list.map((v) => v.version)).toEqual([1]);
    expect(list[0]?.content).toEqual(rp());
  });

  it('signs only a complete plan, with the passphrase, and names each missing part by field', async () => {
    const { dispatch, start, save } = await setup();
    const draft = await start('relapse-prevention');
    const half = await save(
      draft,
      rp({
        reasonsForRecovery: ' ',
        reviewDate: '2026-02-30',
        peopleToTell: [{ name: 'Bảo Trần', phone: '' }],
      }),
    );
    const refused = await dispatch('recoveryPlans.sign', { id: half.id, passphrase: PASS });
    expect(fieldsOf(refused)).toEqual({
      'content.plan.reasonsForRecovery': 'Write at least one reason for recovery.',
      'content.plan.peopleToTell.0.phone': 'Add Bảo Trần’s phone number.'.replace('’', "'"),
      'content.plan.peopleToTell.0.name': 'Name at least one person to tell, with a phone number.',
      'content.plan.reviewDate': 'The review date must be a real date (YYYY-MM-DD).',
    });
    const past = await save(half, rp({ reviewDate: '2026-11-01' }));
    expect(fieldsOf(await dispatch('recoveryPlans.sign', { id: past.id, passphrase: PASS }))).toEqual({
      'content.plan.reviewDate': 'The review date cannot be in the past.',
    });
    const ok = await save(past, rp());
    expect(
      await dispatch('recoveryPlans.sign', { id: ok.id, passphrase: 'not my passphrase' }),
    ).toMatchObject({
      ok: false,
    });
    // A stale autosave is refused rather than overwriting.
    expect(
      await dispatch('recoveryPlans.saveDraft', {
        id: ok.id,
        content: rp(),
        expectedUpdatedAtMs: past.updatedAtMs,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Content of another kind is refused.
    expect(
      await dispatch('recoveryPlans.saveDraft', {
        id: ok.id,
        content: safety(),
        expectedUpdatedAtMs: ok.updatedAtMs,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const safetyDraft = await start('safety');
    expect(
      Object.keys(fieldsOf(await dispatch('recoveryPlans.sign', { id: safetyDraft.id, passphrase: PASS }))),
    ).toEqual([
      'content.plan.warningSigns',
      'content.plan.ownCopingSteps',
      'content.plan.distractions',
      'content.plan.helpers.0.name',
      'content.plan.saferSurroundings',
      'content.plan.reasonsForLiving',
    ]);
  });

  it('links the signed safety plan version when an alert is acknowledged with "safety plan made or reviewed"', async () => {
    const { dispatch, client, written, db, start, save, clock } = await setup();
    value(
      await dispatch('intake.saveSection', {
        clientId: client.id,
        save: {
          section: 'psychiatric',
          data: { depression: null, panic: null, trauma: null, suicidalThoughts: true, notes: '' },
        },
      }),
    );
    const [alert] = value<Alert[]>(await dispatch('alerts.list', { clientId: client.id }));
    const ack = {
      actions: ['safety-plan', 'crisis-line-988'] as const,
      note: 'Safety plan written together; 988 card given.',
    };
    // No signed safety plan yet (a draft does not count): refused beside the actions.
    await save(await start('safety'), safety());
    expect(
      fieldsOf(
        await dispatch('alerts.acknowledge', {
          id: alert!.id,
          acknowledgement: { ...ack, actions: [...ack.actions] },
        }),
      ),
    ).toEqual({
      'acknowledgement.actions':
        'This client has no signed safety plan. Write and sign it on the Plans tab, then acknowledge.',
    });
    const v1 = value<RecoveryPlan>(
      await dispatch('recoveryPlans.sign', {
        id: value<RecoveryPlan[]>(
          await dispatch('recoveryPlans.list', { clientId: client.id, kind: 'safety' }),
        )[0]!.id,
        passphrase: PASS,
      }),
    );
    clock.advance(1000);
    const v2 = await written(safety({ reasonsForLiving: 'Linh\nMy garden' }));
    const acknowledged = value<Alert>(
      await dispatch('alerts.acknowledge', {
        id: alert!.id,
        acknowledgement: { ...ack, actions: [...ack.actions] },
      }),
    );
    expect(acknowledged.acknowledgement?.safetyPlan).toEqual({ id: v2.id, version: 2 });
    expect(v1.version).toBe(1);

    // In SQL: only a signed safety plan of the alert's own client can be linked.
    const other = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Teodor', legalLastName: 'Łukasiewicz' }),
      }),
    );
    value(
      await dispatch('intake.saveSection', {
        clientId: other.id,
        save: {
          section: 'psychiatric',
          data: { depression: null, panic: null, trauma: null, suicidalThoughts: true, notes: '' },
        },
      }),
    );
    const [theirs] = value<Alert[]>(await dispatch('alerts.list', { clientId: other.id }));
    expect(() =>
      db.prepare('UPDATE alerts SET safety_plan_id = ? WHERE id = ?').run(v2.id, theirs!.id),
    ).toThrow(/signed safety plan of its own client/);
    const rpPlan = await written(rp(), other.id);
    expect(() =>
      db.prepare('UPDATE alerts SET safety_plan_id = ? WHERE id = ?').run(rpPlan.id, theirs!.id),
    ).toThrow(/signed safety plan of its own client/);
    // Without the safety-plan action nothing is linked.
    const plain = value<Alert>(
      await dispatch('alerts.acknowledge', {
        id: theirs!.id,
        acknowledgement: { actions: ['supervisor-consulted'], note: 'Discussed with the supervisor.' },
      }),
    );
    expect(plain.acknowledgement?.safetyPlan).toBeNull();
    // Once acknowledged, the link cannot change.
    expect(() =>
      db.prepare('UPDATE alerts SET safety_plan_id = ? WHERE id = ?').run(v1.id, alert!.id),
    ).toThrow(/acknowledged alert cannot be changed/);
  });

  it('starts an aftercare plan from the record: goals, next appointment, the relapse-prevention plan, crisis numbers', async () => {
    const { dispatch, client, written, start, db } = await setup();
    // Nothing in the record yet: the basics and the crisis numbers only.
    const bare = aftercarePrefill(db, client.id);
    expect(bare.relapsePreventionPlanId).toBeNull();
    expect(bare.nextAppointments).toBe('');
    expect(bare.redFlags).toBe(RED_FLAGS_TEXT);
    expect(bare.withdrawalComfort).toBe(WITHDRAWAL_COMFORT_BASICS);
    expect(bare.crisisNumbers).toContain('988');
    expect(bare.crisisNumbers).toContain('Riverbend Recovery Collective: (541) 555-0142');

    value(
      await dispatch('plans.save', {
        clientId: client.id,
        baseVersion: 0,
        plan: {
          problems: [
            {
              id: 'p1',
              text: 'Daily kratom use',
              goals: [
                {
                  id: 'g1',
                  text: 'Stop kratom use',
                  objectives: [],
                  interventions: [],
                  targetDate: null,
                  status: 'met',
                },
                {
                  id: 'g2',
                  text: 'Sleep 7 hours',
                  objectives: [],
                  interventions: [],
                  targetDate: null,
                  status: 'partially-met',
                },
              ],
            },
          ],
          reviewDate: '2026-12-20',
          status: 'active',
          revisionNote: '',
        },
      }),
    );
    const content: NoteContent = {
      ...emptyNoteContent('soap', '2026-11-20'),
      risk: { suicidalIdeation: 'denied', homicidalIdeation: 'denied', redFlagsObserved: false, note: '' },
      sections: {
        subjective: 'Steady week.',
        objective: 'Calm.',
        assessment: 'On track.',
        plan: 'Continue.',
      },
      nextAppointment: '2026-11-27 09:00',
    };
    const note = value<Note>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content }),
    );
    value(await dispatch('notes.sign', { id: note.id, passphrase: PASS }));
    const relapse = await written(rp());

    const draft = await start('aftercare');
    expect(draft.content.kind).toBe('aftercare');
    const plan = draft.content.kind === 'aftercare' ? draft.content.plan : null;
    expect(plan?.relapsePreventionPlanId).toBe(relapse.id);
    expect(plan?.nextAppointments).toBe(
      '2026-11-27 09:00 (from the session of 2026-11-20)\n2026-12-01 10:00 with Marisol Quintero-Vance (from the relapse-prevention plan)',
    );
    expect(plan?.statusAtDischarge).toContain('• Stop kratom use: met');
    expect(plan?.statusAtDischarge).toContain('• Sleep 7 hours: partially met');
    expect(plan?.crisisNumbers).toContain('call or text 988');

    // A source the record gains later (medications) is one more function.
    const medications: AftercareSource = () => ({
      medication: 'Buprenorphine 8 mg daily',
      prescriber: 'Dr. Ilse Verhoeven',
    });
    expect(aftercarePrefill(db, client.id, [medications])).toMatchObject({
      medication: 'Buprenorphine 8 mg daily',
      prescriber: 'Dr. Ilse Verhoeven',
      nextAppointments: '',
    });
  });

  it("links only a signed relapse-prevention version of the same client: never another client's plan or a draft", async () => {
    const { dispatch, written, start, save, sign } = await setup();
    // Another client's signed plan, full of their own people and phone numbers.
    const other = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Bruno', legalLastName: 'Łukasiewicz', preferredName: '' }),
      }),
    );
    const theirs = await written(rp(), other.id);
    const ownDraft = await start('relapse-prevention');
    const aftercare = await start('aftercare');
    const withLink = (id: string | null): RecoveryPlanContent => ({
      kind: 'aftercare',
      plan: anAftercarePlan({ relapsePreventionPlanId: id }),
    });
    for (const id of [theirs.id, ownDraft.id, aftercare.id]) {
      const refused = await dispatch('recoveryPlans.saveDraft', {
        id: aftercare.id,
        content: withLink(id),
        expectedUpdatedAtMs: aftercare.updatedAtMs,
      });
      expect(fieldsOf(refused)['content.plan.relapsePreventionPlanId']).toMatch(/this client's own plan/);
    }
    // The client's own signed version is linked, signed and printed.
    const own = await save(ownDraft, rp());
    const ownSigned = await sign(own);
    const linked = await save(aftercare, withLink(ownSigned.id));
    const signed = await sign(linked);
    expect(signed.content.kind === 'aftercare' && signed.content.plan.relapsePreventionPlanId).toBe(
      ownSigned.id,
    );
  });

  it('prints only signed versions; a print for the client is audited, a print for a third party is a disclosure', async () => {
    const { dispatch, client, written, start, db } = await setup();
    const draft = await start('safety');
    expect(
      await dispatch('recoveryPlans.printPdf', { id: draft.id, paper: 'letter', disclosure: null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    value(await dispatch('recoveryPlans.deleteDraft', { id: draft.id }));
    const plan = await written(safety());
    const forClient = value<{ path: string }>(
      await dispatch('recoveryPlans.printPdf', { id: plan.id, paper: 'letter', disclosure: null }),
    );
    expect(flat(checkPdf(forClient.path).text)).not.toContain('Disclosed under consent');
    const count = () => (db.prepare('SELECT count(*) AS n FROM disclosures').get() as { n: number }).n;
    expect(count()).toBe(0);

    const consent = value<Consent>(
      await dispatch('consents.create', { clientId: client.id, consent: aConsent() }),
    );
    // The recipient, address and purpose are the consent's own (issue 8 item 6).
    const disclosure = {
      consentId: consent.id,
      recipient: consent.consent.recipient,
      recipientAddress: consent.consent.recipientAddress,
      purpose: consent.consent.purpose,
    };
    const refused = await dispatch('recoveryPlans.printPdf', {
      id: plan.id,
      paper: 'a4',
      disclosure: { ...disclosure, consentId: 'no-such-consent' },
    });
    expect(fieldsOf(refused)['disclosure.consentId']).toMatch(/not one of this client's/);
    const third = value<{ path: string }>(
      await dispatch('recoveryPlans.printPdf', { id: plan.id, paper: 'a4', disclosure }),
    );
    const scope = flat(checkPdf(third.path).text);
    expect(scope).toContain('Disclosed to: Dr. Ilse Verhoeven');
    // The consent block names who may disclose and prints dates as words, as a printed note does.
    expect(scope).toContain('Who may disclose: Riverbend Recovery Collective');
    expect(scope).toMatch(/Consent signed: \S.* by Araceli Montoya-Brandt/);
    expect(scope).not.toContain('2026-11-20');
    // The disclosure copy never shares a name with the client's copy, so neither overwrites the other.
    expect(path.basename(third.path)).toMatch(/^disclosure-/);
    expect(third.path).not.toBe(forClient.path);
    // A consent for SUD counselling notes covers those notes only (42 CFR 2.31(b)), never a plan.
    const counselling = value<Consent>(
      await dispatch('consents.create', {
        clientId: client.id,
        consent: aConsent({ type: 'sud-counselling-notes' }),
      }),
    );
    const underCounselling = await dispatch('recoveryPlans.printPdf', {
      id: plan.id,
      paper: 'letter',
      disclosure: {
        consentId: counselling.id,
        recipient: counselling.consent.recipient,
        recipientAddress: counselling.consent.recipientAddress,
        purpose: counselling.consent.purpose,
      },
    });
    expect(fieldsOf(underCounselling)['disclosure.consentId']).toMatch(/covers only those notes/);
    const [recorded] = value<Disclosure[]>(await dispatch('disclosures.list', { clientId: client.id }));
    expect(recorded).toMatchObject({
      sourceType: 'recovery-plan',
      sourceId: plan.id,
      recipient: consent.consent.recipient,
      what: 'Safety plan, version 1 signed 2026-11-23',
    });
    const prints = listAudit(db, { limit: 50, beforeId: null }).filter(
      (a) => a.action === 'print' && a.entity === 'recovery-plan',
    );
    expect(prints.map((a) => a.entityId)).toEqual([plan.id, plan.id]);
  });
});

describe('plan PDFs', () => {
  const person = aClient({
    legalFirstName: 'Thị Ánh',
    legalLastName: 'Nguyễn',
    nameOrder: 'family-first',
    // A right-to-left mark pasted in with the name from a phone's contacts.
    preferredName: 'Ánh\u200F',
  });
  const NAME = 'Nguyễn Thị Ánh (Ánh';

  const pageText = (file: string, page: number) =>
    execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });

  async function printed(kind: RecoveryPlanKind, paper: 'letter' | 'a4') {
    const s = await setup(person);
    const relapse = await s.written(rp());
    const plan =
      kind === 'relapse-prevention'
        ? relapse
        : await s.written(
            kind === 'safety'
              ? safety()
              : { kind: 'aftercare', plan: anAftercarePlan({ relapsePreventionPlanId: relapse.id }) },
          );
    const { path } = value<{ path: string }>(
      await s.dispatch('recoveryPlans.printPdf', { id: plan.id, paper, disclosure: null }),
    );
    const { text, pages } = checkPdf(path, `${kind}-${paper}.pdf`);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(paper === 'a4' ? /Page size:\s+595\.28 x 841\.89/ : /Page size:\s+612 x 792/);
    const title = {
      'relapse-prevention': 'Relapse-prevention plan',
      safety: 'Safety plan',
      aftercare: 'Aftercare plan',
    }[kind];
    for (let page = 1; page <= pages; page += 1) {
      const t = pageText(path, page);
      expect(t, `page ${page}`).toContain(NAME);
      expect(t, `page ${page}`).toContain(title);
      expect(t, `page ${page}`).toContain(`Page ${page} of ${pages}`);
      expect(t, `page ${page}`).toContain('42 CFR part 2 prohibits unauthorized use or disclosure');
    }
    const all = flat(text);
    expect(all).not.toContain('\uFFFD');
    expect(all).toContain('Riverbend Recovery Collective');
    expect(all).toContain('Notice: confidentiality of substance use disorder records');
    expect(all).toContain(
      'This record which has been disclosed to you is protected by Federal confidentiality rules',
    );
    expect(all).toContain('Signed electronically by Marisol Quintero-Vance, LCSW, CADC');
    expect(all).toMatch(/Client\s+Date/);
    return all;
  }

  it.each(['letter', 'a4'] as const)(
    'relapse-prevention plan (%s): every section, the names, the notice',
    async (paper) => {
      const text = await printed('relapse-prevention', paper);
      for (const section of [
        'My reasons for recovery',
        'My triggers and what I will do',
        'Body (pain, tiredness, poor sleep)',
        'Feelings (worry, anger, sadness)',
        'Places and times (driving, work breaks, being with others)',
        'My top 5 early warning signs',
        'Things that help me cope',
        'The first people I will tell',
        'If I slip: how I get back on track',
        'My next appointment',
        'One change I am making now',
        'We will look at this plan again on',
      ]) {
        expect(text, section).toContain(section);
      }
      expect(text).toContain('If my back pain flares up, then I use the heat pad');
      expect(text).toContain('Bảo Trần — (541) 555-0142');
      expect(text).toContain('José Núñez — (541) 555-0177');
      expect(text).toContain('4. Irritable with Linh');
      expect(text).toContain('2026-12-21');
    },
  );

  it.each(['letter', 'a4'] as const)('safety plan (%s): every section, 988 and 911 always', async (paper) => {
    const text = await printed('safety', paper);
    for (const section of [
      'Signs that a hard time may be starting',
      'Things I can do on my own to get through it',
      'People and places that take my mind off things',
      'People I can ask for help',
      'Professionals and crisis lines I can call',
      'Making my home and days safer',
      'My reasons for living',
    ]) {
      expect(text, section).toContain(section);
    }
    expect(text).toContain('988 Suicide & Crisis Lifeline — call or text 988');
    expect(text).toContain('Emergency services — call 911');
    expect(text).toContain('Thu Nguyễn — (541) 555-0190');
  });

  it.each(['relapse-prevention', 'safety', 'aftercare'] as const)(
    '%s plan in Spanish for a client who reads Spanish: Spanish headings, notice and 988 option, no English fixed text',
    async (kind) => {
      const s = await setup({ ...person, documentLanguage: 'es' });
      const relapse = await s.written(rp());
      const plan =
        kind === 'relapse-prevention'
          ? relapse
          : await s.written(
              kind === 'safety'
                ? safety()
                : { kind: 'aftercare', plan: anAftercarePlan({ relapsePreventionPlanId: relapse.id }) },
            );
      const { path } = value<{ path: string }>(
        await s.dispatch('recoveryPlans.printPdf', { id: plan.id, paper: 'letter', disclosure: null }),
      );
      const { text, pages } = checkPdf(path, `${kind}-es.pdf`);
      const all = flat(text);
      const title = {
        'relapse-prevention': 'Plan para no recaer',
        safety: 'Plan de seguridad',
        aftercare: 'Plan para después del tratamiento',
      }[kind];
      expect(pdfLanguageAndTitle(path)).toEqual({ lang: 'es-US', displayTitle: true, title });
      for (let page = 1; page <= pages; page += 1) {
        const t = pageText(path, page);
        expect(t, `page ${page}`).toContain(NAME);
        expect(t, `page ${page}`).toContain(title);
        expect(t, `page ${page}`).toContain(`Página ${page} de ${pages}`);
        expect(t, `page ${page}`).toContain('42 CFR parte 2 prohíbe el uso o la divulgación no autorizados');
      }
      expect(all).toContain('Aviso: confidencialidad de los registros de trastornos por uso de sustancias');
      expect(all).toContain('Este registro que se le ha divulgado está protegido por las normas federales');
      // The client's own copy says, before the notice, whom it binds.
      expect(all).toMatch(
        /Aviso: confidencialidad de los registros de trastornos por uso de sustancias Esta es su propia copia\. Puede compartirla con quien quiera\. El aviso que sigue es para quienes reciben este registro de nosotros con su permiso por escrito\. Si usted la da a otras personas, es posible que ellas no tengan que seguir este aviso\. Este registro que se le ha divulgado/,
      );
      expect(all).toContain('Para español, oprima 2.');
      expect(all).toContain('Firmas');
      expect(all).toMatch(/Cliente\s+Fecha/);
      expect(all).toContain('Firmado electrónicamente por Marisol Quintero-Vance, LCSW, CADC');
      const sections = {
        'relapse-prevention': [
          'Mis razones para estar bien',
          'Mis 5 señales de alerta más claras',
          'Mi próxima cita',
        ],
        safety: ['Señales de que viene una crisis', 'Mis razones para vivir'],
        aftercare: [
          'Mi cuidado de aquí en adelante',
          'Señales de alarma: pida ayuda ya',
          'Le cuesta respirar.',
        ],
      }[kind];
      for (const section of sections) expect(all, section).toContain(section);
      expect(englishFound(all)).toEqual([]);
    },
  );

  it('prints one copy in another language when asked, without changing the client’s language', async () => {
    const s = await setup(person);
    const plan = await s.written(safety());
    const { path } = value<{ path: string }>(
      await s.dispatch('recoveryPlans.printPdf', {
        id: plan.id,
        paper: 'letter',
        disclosure: null,
        language: 'es',
      }),
    );
    expect(flat(checkPdf(path).text)).toContain('Plan de seguridad');
    const again = value<{ path: string }>(
      await s.dispatch('recoveryPlans.printPdf', { id: plan.id, paper: 'letter', disclosure: null }),
    );
    expect(flat(checkPdf(again.path).text)).toContain('Safety plan');
    expect(flat(checkPdf(again.path).text)).toContain(
      'This is your own copy. You may share it with anyone you choose. The notice below is for people who get this record from us with your written OK. If you share it yourself, they may not have to follow it.',
    );
  });

  it('prints a copy disclosed under a consent in English, with the regulation’s notice, whatever language is asked', async () => {
    const s = await setup({ ...person, documentLanguage: 'es' });
    const plan = await s.written(safety());
    const consent = value<Consent>(
      await s.dispatch('consents.create', { clientId: s.client.id, consent: aConsent() }),
    );
    const { path } = value<{ path: string }>(
      await s.dispatch('recoveryPlans.printPdf', {
        id: plan.id,
        paper: 'letter',
        language: 'es',
        disclosure: {
          consentId: consent.id,
          recipient: consent.consent.recipient,
          recipientAddress: consent.consent.recipientAddress,
          purpose: consent.consent.purpose,
        },
      }),
    );
    const text = flat(checkPdf(path).text);
    expect(text).toContain('Safety plan');
    expect(text).toContain('Notice: confidentiality of substance use disorder records');
    expect(text).not.toContain('Plan de seguridad');
    expect(text).not.toContain('42 CFR parte 2');
    // A disclosure is bound by the notice: no line saying the copy is the reader's to share.
    expect(text).not.toContain('This is your own copy');
    expect(pdfLanguageAndTitle(path)).toEqual({ lang: 'en-US', displayTitle: true, title: 'Safety plan' });
  });

  it.each(['letter', 'a4'] as const)(
    'aftercare plan (%s): every element of CLINICAL.md §5',
    async (paper) => {
      const text = await printed('aftercare', paper);
      for (const section of [
        'Where I am now: status and progress at discharge',
        'My care from here',
        'Counseling:',
        'Medicine (MAT) to keep taking: Buprenorphine-naloxone 8 mg daily',
        'Prescriber: Dr. Ilse Verhoeven',
        // A local number with a 988 exchange is the clinician's own line, not a copy of 988.
        'Lane County crisis team: (541) 988-2200',
        'Pharmacy: River Road Pharmacy',
        'Support groups: SMART Recovery',
        'Sober living: —',
        'Alumni group:',
        'Weekly check-ins with a recovery coach:',
        'Next appointments',
        'What may get in my way, and what I will do',
        'My relapse-prevention plan',
        'Version 1, signed',
        'Ways to feel better during withdrawal',
        'salts and sugar',
        'A person to text: Thu Nguyễn',
        'Warning signs: get help now',
        'Trouble breathing',
        'Crisis numbers',
        'Emergency services — call 911',
      ]) {
        expect(text, section).toContain(section);
      }
    },
  );
});
