/** Every domain's handlers, combined into the one map the dispatcher serves. */
import { appHandlers, setupHandlers } from './app';
import { alertHandlers, assessmentHandlers, levelOfCareHandlers } from './assessments';
import { consentHandlers, intakeHandlers, useLogHandlers } from './clientRecords';
import { clientHandlers } from './clients';
import { dischargeHandlers } from './discharge';
import { disclosureHandlers } from './disclosures';
import { documentHandlers } from './documents';
import {
  auditHandlers,
  backupHandlers,
  clinicHandlers,
  settingsHandlers,
  userHandlers,
} from './practiceAdmin';
import { matNoteHandlers, medicationHandlers, pawsHandlers } from './mat';
import { followUpHandlers, measureHandlers } from './measures';
import { outcomeHandlers } from './outcomes';
import { noteHandlers } from './notes';
import { groupHandlers, planHandlers } from './plansAndGroups';
import { recoveryPlanHandlers } from './recoveryPlans';
import { recordExportHandlers } from './recordExport';
import { sessionHandlers } from './session';
import { taperHandlers } from './taper';
import { worklistHandlers } from './worklists';
import { wordingHandlers } from './wording';
import type { Handlers } from './types';

export function createHandlers(): Handlers {
  return {
    ...appHandlers,
    ...setupHandlers,
    ...sessionHandlers,
    ...clinicHandlers,
    ...userHandlers,
    ...settingsHandlers,
    ...auditHandlers,
    ...backupHandlers,
    ...clientHandlers,
    ...intakeHandlers,
    ...useLogHandlers,
    ...consentHandlers,
    ...assessmentHandlers,
    ...levelOfCareHandlers,
    ...alertHandlers,
    ...planHandlers,
    ...noteHandlers,
    ...groupHandlers,
    ...worklistHandlers,
    ...documentHandlers,
    ...disclosureHandlers,
    ...taperHandlers,
    ...recoveryPlanHandlers,
    ...medicationHandlers,
    ...matNoteHandlers,
    ...pawsHandlers,
    ...recordExportHandlers,
    ...dischargeHandlers,
    ...measureHandlers,
    ...followUpHandlers,
    ...outcomeHandlers,
    ...wordingHandlers,
  };
}
