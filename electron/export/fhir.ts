/**
 * FHIR R4 building blocks for the export (issue 11 item 6). Ids are derived from the record's own ids, so the same
 * record gives the same Bundle, and a resource another one points at can be named before it is made. References are
 * `urn:uuid:` full URLs, which resolve inside a Bundle of type 'collection'.
 */
import { createHash } from 'node:crypto';
import type { FhirResource } from './types';

/**
 * Part 2 security labels (CLINICAL.md §6): the HL7 v3 ActCode policy code for 42 CFR Part 2 and the confidentiality
 * code R (restricted), on the Bundle and on every resource in it.
 */
export const PART2_SECURITY = [
  {
    system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
    code: '42CFRPart2',
    display: '42 CFR Part2',
  },
  {
    system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
    code: 'R',
    display: 'restricted',
  },
] as const;

export const ICD10CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const CHART_NUMBER_SYSTEM = 'urn:clearleaf:chart-number';

/** A UUID (version 8, name-based) from a resource type and the record's id: the same inputs, the same id. */
export function fhirId(resourceType: string, sourceId: string): string {
  const h = createHash('sha256').update(`${resourceType}\u0000${sourceId}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const fullUrl = (id: string): string => `urn:uuid:${id}`;
export const ref = (id: string, display?: string): { reference: string; display?: string } =>
  display === undefined ? { reference: fullUrl(id) } : { reference: fullUrl(id), display };

/** An instant as FHIR writes it (UTC, with the zone). */
export const instant = (ms: number): string => new Date(ms).toISOString();

/** A resource with the Part 2 labels on it. */
export function labelled<T extends FhirResource>(resource: T): T {
  return { ...resource, meta: { security: PART2_SECURITY.map((s) => ({ ...s })) } };
}

/** Drops empty strings, empty arrays and nulls, which FHIR JSON does not allow, from a plain object tree. */
export function pruned<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(pruned).filter((v) => !isEmpty(v)) as T;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = pruned(v);
      if (!isEmpty(p)) out[k] = p;
    }
    return out as T;
  }
  return value;
}

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

export function bundle(id: string, timestampMs: number, resources: readonly FhirResource[]): FhirResource {
  return {
    resourceType: 'Bundle',
    id,
    meta: { security: PART2_SECURITY.map((s) => ({ ...s })) },
    identifier: { system: 'urn:ietf:rfc:3986', value: fullUrl(id) },
    type: 'collection',
    timestamp: instant(timestampMs),
    entry: resources.map((r) => ({ fullUrl: fullUrl(r.id), resource: pruned(r) })),
  };
}
