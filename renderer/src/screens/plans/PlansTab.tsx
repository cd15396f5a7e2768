/**
 * The Plans tab of the chart: the relapse-prevention plan, the safety plan and the aftercare plan (CLINICAL.md §5),
 * each on its own inner tab (arrow keys move between them). Panels mount when first opened and stay mounted, so a
 * draft being typed survives a change of tab.
 */
import { useState } from 'react';
import {
  RECOVERY_PLAN_KINDS,
  RECOVERY_PLAN_TITLES,
  type RecoveryPlanKind,
} from '../../../../shared/domain/recoveryPlans';
import { Tabs, tabPanelProps, type TabSpec } from '../chart/Tabs';
import { PlanKindPanel } from './PlanKindPanel';
import './plans.css';

const ID = 'plans';
const TABS: TabSpec<RecoveryPlanKind>[] = RECOVERY_PLAN_KINDS.map((k) => ({
  id: k,
  label: RECOVERY_PLAN_TITLES[k],
}));

export function PlansTab({
  clientId,
  active,
  onSigned,
}: {
  clientId: string;
  active: boolean;
  onSigned: () => void;
}) {
  const [kind, setKind] = useState<RecoveryPlanKind>('relapse-prevention');
  const [opened, setOpened] = useState<ReadonlySet<RecoveryPlanKind>>(new Set(['relapse-prevention']));
  const select = (k: RecoveryPlanKind) => {
    setKind(k);
    setOpened((s) => (s.has(k) ? s : new Set([...s, k])));
  };
  return (
    <div className="plans-tab">
      <Tabs tabs={TABS} selected={kind} onSelect={select} idPrefix={ID} label="Plans" />
      {RECOVERY_PLAN_KINDS.map((k) => (
        <div key={k} {...tabPanelProps(ID, k, kind === k)}>
          {opened.has(k) && (
            <PlanKindPanel clientId={clientId} kind={k} active={active && kind === k} onSigned={onSigned} />
          )}
        </div>
      ))}
    </div>
  );
}
