/**
 * The export's small parts: RFC 4180 CSV quoting, the Bundle checks catching what the schema cannot (each rule shown
 * failing on a broken Bundle), stable FHIR ids, and the ustar archive read back by GNU tar.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleProblems } from '../../../../electron/export/bundleChecks';
import { csvField, toCsv } from '../../../../electron/export/csv';
import { bundle, fhirId, labelled, ref } from '../../../../electron/export/fhir';
import { tarArchive } from '../../../../electron/export/tar';
import type { FhirResource } from '../../../../electron/export/types';
import { tempDir } from '../../../support/fixtures';

describe('CSV', () => {
  it('quotes only what RFC 4180 needs quoted, doubles quotes, ends records with CRLF', () => {
    expect(csvField('Nguyễn Thị Ánh')).toBe('Nguyễn Thị Ánh');
    expect(csvField('Eugene, OR')).toBe('"Eugene, OR"');
    expect(csvField('said "no"')).toBe('"said ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(3.5)).toBe('3.5');
    expect(toCsv(['a', 'b'], [['x,y', true]])).toBe('a,b\r\n"x,y",true\r\n');
  });
});

describe('Bundle checks', () => {
  const patient = labelled({ resourceType: 'Patient', id: fhirId('Patient', 'c1') });
  const obs = (over: Partial<FhirResource> = {}) =>
    labelled({
      resourceType: 'Observation',
      id: fhirId('Observation', 'a1'),
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      subject: ref(patient.id),
      ...over,
    });

  it('passes a sound Bundle, and ids are stable per record', () => {
    expect(bundleProblems(bundle('b1', 0, [patient, obs()]))).toEqual([]);
    expect(fhirId('Observation', 'a1')).toBe(fhirId('Observation', 'a1'));
    expect(fhirId('Observation', 'a1')).not.toBe(fhirId('QuestionnaireResponse', 'a1'));
    expect(fhirId('Patient', 'c1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('names each thing the schema cannot catch', () => {
    const problems = (r: FhirResource) => bundleProblems(bundle('b1', 0, [patient, r])).join('\n');
    expect(problems(obs({ status: undefined }))).toMatch(/no status/);
    expect(problems(obs({ subject: ref(fhirId('Patient', 'someone-else')) }))).toMatch(
      /subject is not the Patient/,
    );
    expect(problems(obs({ code: { text: 'PHQ-9' } }))).toMatch(/no coded code/);
    expect(problems(obs({ derivedFrom: [ref(fhirId('QuestionnaireResponse', 'missing'))] }))).toMatch(
      /is not in the Bundle/,
    );
    expect(problems({ ...obs(), meta: { security: [] } })).toMatch(/lacks the Part 2 security labels/);
    expect(bundleProblems(bundle('b1', 0, [obs()])).join('\n')).toMatch(/expected one Patient, found 0/);
  });
});

describe('archive', () => {
  it('is read back by GNU tar with every file and its contents', () => {
    const files = new Map([
      ['README.txt', Buffer.from('Ánh\n')],
      ['csv/client.csv', Buffer.from('a,b\r\n')],
      ['pdf/note.pdf', Buffer.alloc(1500, 7)],
    ]);
    const dir = tempDir();
    const file = path.join(dir, 'x.tar');
    fs.writeFileSync(file, tarArchive('clearleaf-export-C-000001', files, Date.UTC(2026, 10, 23)));
    const listed = execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listed).toEqual([
      'clearleaf-export-C-000001/',
      'clearleaf-export-C-000001/README.txt',
      'clearleaf-export-C-000001/csv/',
      'clearleaf-export-C-000001/csv/client.csv',
      'clearleaf-export-C-000001/pdf/',
      'clearleaf-export-C-000001/pdf/note.pdf',
    ]);
    execFileSync('tar', ['-xf', file, '-C', dir]);
    for (const [name, bytes] of files) {
      expect(fs.readFileSync(path.join(dir, 'clearleaf-export-C-000001', name)).equals(bytes)).toBe(true);
    }
  });
});
