/**
 * The IPC contract: every call between the renderer and main, declared once. Channel names, input and output
 * types, the handler map, the preload and the renderer's client are all derived from this object.
 *
 * `access: 'public'` channels work while the practice is locked; all others need a signed-in user.
 * Everything here is JSON-safe: numbers (epoch ms) and strings, `null` rather than `undefined`.
 */
import type { z } from 'zod';
import { assessmentChannels } from './channels/assessments';
import { clientChannels } from './channels/clients';
import { dischargeChannels } from './channels/discharge';
import { disclosureChannels } from './channels/disclosures';
import { documentChannels } from './channels/documents';
import { identityChannels } from './channels/identity';
import { recoveryPlanChannels } from './channels/recoveryPlans';
import { matChannels } from './channels/mat';
import { followUpChannels, measureChannels, outcomeChannels } from './channels/outcomes';
import { recordExportChannels } from './channels/recordExport';
import { sessionChannels } from './channels/sessions';
import { taperChannels } from './channels/taper';
import { wordingChannels } from './channels/wording';
export {
  AssessmentWorklistSchema,
  DischargeWorklistSchema,
  PlanWorklistSchema,
  type AssessmentWorklist,
  type DischargeWorklist,
  type PlanWorklist,
} from './channels/worklists';
import { worklistChannels } from './channels/worklists';

export { AppStatusSchema, type AppStatus } from './channels/identity';
export type { ChannelSpec } from './spec';
export { ChartSchema, type Chart } from './channels/clients';
export { TaperViewSchema, type TaperView } from './channels/taper';
export { LevelOfCareViewSchema, type LevelOfCareView } from './channels/assessments';
export {
  GroupSessionSchema,
  NoteSearchResultSchema,
  type GroupSession,
  type NoteSearchResult,
} from './channels/sessions';

export const contract = {
  ...identityChannels,
  ...clientChannels,
  ...assessmentChannels,
  ...sessionChannels,
  ...worklistChannels,
  ...documentChannels,
  ...disclosureChannels,
  ...taperChannels,
  ...recoveryPlanChannels,
  ...matChannels,
  ...recordExportChannels,
  ...dischargeChannels,
  ...measureChannels,
  ...followUpChannels,
  ...outcomeChannels,
  ...wordingChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

export { IPC_BRIDGE_CHANNEL } from './bridge';
