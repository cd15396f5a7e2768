/** Complete plans for tests, written for invented people. */
import type {
  AftercareContent,
  RelapsePreventionContent,
  SafetyContent,
} from '../../shared/domain/recoveryPlans';
import { emptyAftercare } from '../../shared/domain/recoveryPlans';

export const aRelapsePreventionPlan = (
  over: Partial<RelapsePreventionContent> = {},
): RelapsePreventionContent => ({
  reasonsForRecovery: 'Be present for my daughter Linh.\nKeep my job at the bakery.',
  triggers: {
    body: [
      {
        trigger: 'my back pain flares up',
        response: 'I use the heat pad and call the clinic about pain care',
      },
    ],
    emotion: [{ trigger: 'I feel anxious after a shift', response: 'I do the 4-7-8 breathing and text Bảo' }],
    situation: [
      { trigger: 'I drive past the smoke shop', response: 'I take the Oak Street route instead' },
      {
        trigger: 'a coworker offers kratom at break',
        response: 'I say “no thanks, I quit” and walk outside',
      },
    ],
  },
  warningSigns: ['Skipping meals', 'Sleeping past noon', 'Hiding my phone', 'Irritable with Linh', ''],
  copingStrategies: 'Urge surfing for 20 minutes.\nWalk around the block.\nCall my sponsor.',
  peopleToTell: [
    { name: 'Bảo Trần', phone: '(541) 555-0142' },
    { name: 'José Núñez', phone: '(541) 555-0177' },
    { name: '', phone: '' },
  ],
  afterLapse:
    'Tell Bảo the same day, call the clinic for a visit within 48 hours, and go back to my plan: a lapse is not a relapse.',
  nextAppointment: '2026-12-01 10:00 with Marisol Quintero-Vance',
  oneChange: 'Delete the vendor’s number from my phone today.',
  reviewDate: '2026-12-21',
  ...over,
});

export const aSafetyPlan = (over: Partial<SafetyContent> = {}): SafetyContent => ({
  warningSigns: 'Not sleeping for two nights\nPulling away from Linh\nThinking “what’s the point”',
  ownCopingSteps: 'Hot shower\nListen to my playlist\nWalk the dog by the river',
  distractions: 'Sister Thu’s kitchen\nThe public library on 5th\nCoffee with José',
  helpers: [
    { name: 'Thu Nguyễn', phone: '(541) 555-0190' },
    { name: '', phone: '' },
  ],
  professionals: [{ name: 'Marisol Quintero-Vance, counsellor', phone: '(541) 555-0100' }],
  saferSurroundings: 'Medicines locked in the lockbox; Thu keeps the key.',
  reasonsForLiving: 'Linh\nMy garden\nSeeing the coast again',
  ...over,
});

export const anAftercarePlan = (over: Partial<AftercareContent> = {}): AftercareContent => ({
  ...emptyAftercare(),
  statusAtDischarge: 'Completed the programme; no use for 10 weeks; sleep back to 7 hours.',
  counselling: 'Weekly outpatient counselling at Willamette Counselling, Tuesdays 17:00',
  medication: 'Buprenorphine-naloxone 8 mg daily',
  prescriber: 'Dr. Ilse Verhoeven',
  pharmacy: 'River Road Pharmacy, (541) 555-0133',
  nextAppointments: '2026-12-08 17:00 counselling',
  supportGroups: 'SMART Recovery, Thursdays 18:30, online',
  soberLiving: '',
  alumni: 'Clearwater alumni evening, first Monday of the month',
  coaching: 'Weekly check-in call with coach Dana, Fridays 12:00',
  obstacles: [{ obstacle: 'No car on Tuesdays', response: 'Bus 66, or telehealth that week' }],
  comfortPerson: 'Thu Nguyễn, (541) 555-0190',
  crisisNumbers:
    '988 Suicide & Crisis Lifeline: call or text 988\nEmergency services: call 911\nLane County crisis team: (541) 988-2200',
  ...over,
});
