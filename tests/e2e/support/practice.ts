/**
 * A practice for e2e tests: set up through the real setup screen, and data seeded through the harness's /__ipc
 * door from Node (the same dispatcher the page uses). Seeding is for the data a test needs around it; the
 * behaviour under test always goes through the UI.
 */
import type { Page } from 'playwright-core';
import type { Channel, Input, Output } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { Harness } from '../../harness/server';
import { FramePage } from '../pages/FramePage';
import { SetupPage } from '../pages/SetupPage';

export const CLINIC = {
  clinicName: 'Harborlight Counseling',
  address: '401 Wren Street, Astoria, OR 97103',
  phone: '(503) 555-0188',
  fullName: 'Tobias Okonkwo-Reyes',
  credentials: 'LPC, CADC II',
  username: 'tokonkwo',
  passphrase: 'granite harbor lilac seventeen',
};

/** Opens the harness, creates the practice on the setup screen, and waits for the signed-in frame. */
export async function setUpPracticeThroughUi(page: Page, harness: Harness): Promise<void> {
  await page.goto(harness.url);
  const setup = new SetupPage(page);
  await setup.heading().waitFor();
  await setup.fill(CLINIC);
  await setup.submit();
  await setup.recoveryKey().waitFor();
  await setup.acknowledgeRecoveryKey();
  await new FramePage(page).signedInUser().waitFor();
}

/** One call through the harness, as the signed-in user; throws on an error so seeding fails loudly. */
export async function ipc<C extends Channel>(
  harness: Harness,
  channel: C,
  input: Input<C>,
): Promise<Output<C>> {
  const response = await fetch(`${harness.origin}/__ipc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Clearleaf-Token': harness.token },
    body: JSON.stringify({ channel, input }),
  });
  const result = (await response.json()) as Result<Output<C>>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
