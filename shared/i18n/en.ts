/**
 * English: every fixed text of the documents a client takes home (issue 14). ICU MessageFormat: placeholders in
 * braces, plurals and selects by the language's own rules. Written for a person reading in a hard week: short
 * sentences, one instruction each, the action first (grade 6 or below by Flesch-Kincaid, checked in a test). The
 * Part 2 notice is regulation text, reproduced exactly (CLINICAL.md §6).
 */
import { PART2_NOTICE_FULL, PART2_NOTICE_SHORT } from '../domain/part2';

export const en = {
  // Every client document: header, footer, notice, signatures.
  'doc.subject': '{name} — Chart {chart} — DOB {dob}',
  'doc.page': 'Page {page} of {count}',
  'doc.date': 'Date',
  'notice.heading': 'Notice: confidentiality of substance use disorder records',
  'notice.full': PART2_NOTICE_FULL,
  // On the client's own copy (not a disclosure): whom the notice binds, in plain words (not regulation text).
  'notice.ownCopy':
    'This is your own copy. You may share it with anyone you choose. The notice below is for people who get this record from us with your written OK. If you share it yourself, they may not have to follow it.',
  'notice.short': PART2_NOTICE_SHORT,

  // Crisis lines and red flags (CLINICAL.md §4), on the taper schedule and the plans.
  'crisis.heading': 'Crisis numbers',
  'crisis.988': '988 Suicide & Crisis Lifeline — call or text 988, any time',
  'crisis.911': 'Emergency services — call 911',
  'crisis.clinic': '{clinic} — {phone}',
  'redflags.heading': 'Get help right away',
  'redflags.call911': 'Call 911 or go to the nearest emergency room for any of these:',
  'redflags.breathing': 'Trouble breathing.',
  'redflags.sleepy': 'You are very sleepy or cannot stay awake.',
  'redflags.heart': 'Chest pain, fainting, or a very fast heartbeat.',
  'redflags.seizure': 'A seizure.',
  'redflags.confused': 'You are very confused, see or hear things that are not there, or feel very agitated.',
  'redflags.suicide':
    'Do you think of suicide or of hurting yourself? Do you feel a sudden deep sadness? Call or text 988. Or call 911.',

  // The taper schedule.
  'taper.title': 'Your taper schedule',
  'taper.product': 'Product:',
  'taper.form':
    '{form, select, leafPowder {leaf powder} capsules {capsules} extract {extract} shot {liquid shot} sevenOh {7-OH product} other {other form}}',
  'taper.intro':
    'Your daily amount goes down by about {percent} % every {days, plural, one {day} other {# days}}. Weigh it on a scale to {precision}. Take it in {doses, plural, one {# dose} other {# doses}} a day. Each row is one step. Take that amount each day, from the first date to the last.',
  'taper.version': 'Schedule version {version}, printed {date}.',
  'taper.steps': 'Your steps',
  'taper.col.dates': 'Dates',
  'taper.col.day': 'Each day',
  'taper.col.dose': 'Each dose',
  'taper.from': 'From {date}',
  'taper.range': '{from}\nto {to}',
  'taper.stop': 'Stop',
  'taper.none': 'None: stop',
  'taper.doses': '{count, plural, one {# dose} other {# doses}} of {amount}',
  'taper.grams': '{grams} g',
  'taper.addUp':
    'Your doses add up to the amount for the day. Some days do not split evenly. Then some doses are one scale step ({precision}) bigger. Never take more than the amount for the day.',
  'taper.safe.heading': 'How to taper safely',
  'taper.safe.product':
    'Use one product. Use the same one every day. Weigh every dose on your scale. Do not guess with spoons or capsules.',
  'taper.safe.extracts':
    'Never switch to extracts, shots or 7-OH products. They are much stronger than leaf. Their dose only looks smaller: it is strong. Switching is not tapering.',
  'taper.safe.log': 'Write down each dose: the time and the amount. Bring your log to every visit.',
  'taper.safe.mix':
    'Do not mix it with alcohol, sleeping pills, sedatives or opioids. Do not take large amounts of medicines you buy without a prescription. Too much loperamide (Imodium) can harm the heart.',
  'taper.strong.heading': 'If withdrawal feels too strong',
  'taper.strong.stay': 'Stay on the amount you take now. Do not cut more until you talk with us.',
  'taper.strong.call': 'Call the clinic at {phone}. We can hold this step for longer or change the pace.',
  'taper.strong.noUp':
    'Do not go back up on your own. Do not switch to another product. A held step is a normal part of a taper.',

  // What every plan prints around its sections.
  'plan.version': 'Version',
  'plan.written': 'Written',
  'plan.signatures': 'Signatures',
  'plan.client': 'Client',
  'plan.clinician': '{named, select, no {Clinician} other {Clinician: {signer}}}',
  'plan.signedBy': 'Signed electronically by {signer}',
  'plan.hash': 'Content SHA-256: {hash}',
  'plan.contact': '{name} — {phone}',
  'plan.noNumber': 'no number',

  // The relapse-prevention plan.
  'relapse.title': 'Relapse-prevention plan',
  'relapse.reasons': 'My reasons for recovery',
  'relapse.triggers': 'My triggers and what I will do: if this happens, then I will…',
  'relapse.group':
    '{group, select, body {Body (pain, tiredness, poor sleep)} emotion {Feelings (worry, anger, sadness)} other {Places and times (driving, work breaks, being with others)}}',
  'relapse.ifThen': 'If {trigger}, then {response}',
  'relapse.signs': 'My top 5 early warning signs',
  'relapse.coping': 'Things that help me cope',
  'relapse.people': 'The first people I will tell',
  'relapse.lapse': 'If I slip: how I get back on track',
  'relapse.appointment': 'My next appointment',
  'relapse.change': 'One change I am making now',
  'relapse.review': 'We will look at this plan again on',

  // The safety plan.
  'safety.title': 'Safety plan',
  'safety.signs': 'Signs that a hard time may be starting',
  'safety.ownSteps': 'Things I can do on my own to get through it',
  'safety.distractions': 'People and places that take my mind off things',
  'safety.helpers': 'People I can ask for help',
  'safety.professionals': 'Professionals and crisis lines I can call',
  'safety.surroundings': 'Making my home and days safer',
  'safety.living': 'My reasons for living',

  // The aftercare plan.
  'aftercare.title': 'Aftercare plan',
  'aftercare.status': 'Where I am now: status and progress at discharge',
  'aftercare.care': 'My care from here',
  'aftercare.counselling': 'Counseling',
  'aftercare.medication': 'Medicine (MAT) to keep taking',
  'aftercare.prescriber': 'Prescriber',
  'aftercare.pharmacy': 'Pharmacy',
  'aftercare.groups': 'Support groups',
  'aftercare.soberLiving': 'Sober living',
  'aftercare.alumni': 'Alumni group',
  'aftercare.coaching': 'Weekly check-ins with a recovery coach',
  'aftercare.appointments': 'Next appointments',
  'aftercare.obstacles': 'What may get in my way, and what I will do',
  'aftercare.obstacle': '{obstacle}: {response}',
  'aftercare.relapsePlan': 'My relapse-prevention plan',
  'aftercare.relapseVersion':
    '{signed, select, yes {Version {version}, signed {date}.} other {Version {version}.}} You have the full plan on its own sheet. Here are the main points.',
  'aftercare.reasons': 'My reasons for recovery',
  'aftercare.signs': 'My early warning signs',
  'aftercare.people': 'The first people I will tell',
  'aftercare.lapse': 'If I slip',
  'aftercare.noRelapsePlan':
    'You have no signed relapse-prevention plan yet. Ask your counselor to write one with you.',
  'aftercare.comfort': 'Ways to feel better during withdrawal',
  'aftercare.comfort.fluids': 'Drink plenty of fluids with salts and sugar, like a sports drink or broth.',
  'aftercare.comfort.food': 'Eat small, easy meals: soup, rice, bananas, toast, yogurt.',
  'aftercare.comfort.sleep':
    'Go to bed at the same time each night. Keep the room dark and cool. Put screens away an hour before bed.',
  'aftercare.comfort.move': 'Move a little every day. Take a walk or stretch.',
  'aftercare.comfort.text': 'Text your person when it gets hard.',
  'aftercare.textPerson': 'A person to text',
  'aftercare.redFlags': 'Warning signs: get help now',
  // Clinicians' screens (`screen.`): English for now; kept here so a later translation is a file, not a rewrite.
  // They are not client document texts: the clinic does not reword them and the readability test does not read them.
  'screen.language.en': 'English',
  'screen.language.es': 'Spanish',
  'screen.language.option': '{language} ({endonym})',
  'screen.chart.languageTerm': 'Language',
  'screen.chart.language':
    '{interpreter, select, yes {Documents in {language} · interpreter} other {Documents in {language}}}',
  'screen.print.label': 'Language of this print',
  'screen.print.hint': 'The client’s documents are in {language}; a change here is for this print only.',
  'screen.print.clientLanguage': 'The client’s language',
  'screen.wording.heading': 'Wording of client documents',
  'screen.wording.intro':
    'The fixed words on what a client takes home, in each language. What a clinician types on a plan prints as typed. A text you replace is used on every print from then on.',
  'screen.wording.unreviewed':
    '{count, plural, =0 {Every text is reviewed by the clinic.} one {# text is not yet reviewed by the clinic.} other {# texts are not yet reviewed by the clinic.}}',
  'screen.wording.adminOnly': 'Only a practice administrator can review or change them.',
  'screen.wording.show': 'Show',
  'screen.wording.needsReview': 'Needs review ({count})',
  'screen.wording.caption': '{group}: fixed texts',
  'screen.wording.col.text': 'Where it prints',
  'screen.wording.label': '{group} › {part}: {summary}',
  'screen.wording.group':
    '{group, select, every {Every document} crisis {Crisis lines and warning signs} plans {Every plan} taper {Taper schedule} relapse {Relapse-prevention plan} safety {Safety plan} other {Aftercare plan}}',
  'screen.wording.part':
    '{part, select, title {title} heading {heading} label {label} column {column} notice {notice} crisisLine {crisis line} warningSign {warning sign} pageFrame {page header or footer} signature {version and signatures} other {text}}',
  'screen.wording.status.unreviewed': 'Not yet reviewed by the clinic',
  'screen.wording.status.shipped': 'As shipped',
  'screen.wording.status.own': 'The clinic’s own wording, version {version}',
  'screen.wording.status.writer': 'Written by {name}.',
  'screen.wording.status.reviewer': 'Reviewed by {name}, {date}.',
  'screen.wording.flag':
    'The shipped text changed since this was written — review. The clinic’s text is used until then.',
  'screen.wording.changedCount':
    '{count, plural, one {# clinic text was} other {# clinic texts were}} written before the shipped text changed: review {count, plural, one {it} other {them}} under “Needs review”.',
  'screen.wording.flag.unknown':
    'This was written before the app kept the shipped text it was based on — review it once. The clinic’s text is used until then.',
  'screen.wording.flag.shipped': 'The shipped text changed since the clinic reviewed it — review it again.',
  'screen.wording.reviewedShipped': 'Shipped text the clinic reviewed',
  'screen.wording.unusable':
    'This text cannot be used until reworded: {problem} Documents print the shipped text until then.',
  'screen.wording.unusable.locked':
    'The clinic’s text is not used: this English text cannot be reworded, so documents print the shipped text. Choose “Back to the shipped text” to clear this.',
  'screen.wording.clinicTextUnused': 'The clinic’s text (not in use)',
  'screen.wording.basedOn': 'Shipped text it was based on',
  'screen.wording.shippedNow': 'Shipped text now',
  'screen.wording.clinicText': 'The clinic’s text (in use)',
  'screen.wording.change': 'Change',
  'screen.wording.save': 'Save as the clinic’s wording',
  'screen.wording.cancel': 'Cancel',
  'screen.wording.markReviewed': 'Mark reviewed',
  'screen.wording.keepOwn': 'Keep the clinic’s text',
  'screen.wording.restore': 'Back to the shipped text',
  'screen.wording.field': '{language} text',
  'screen.wording.keep': 'Keep these as they are; the document fills them in:',
  'screen.wording.varies': 'changes with {what}',
  'screen.wording.history': 'Version history',
  'screen.wording.history.none': 'No versions yet: the text is as shipped.',
  'screen.wording.history.version':
    'Version {version}: {kind, select, written {the clinic’s own text} reviewed {reviewed} other {back to the shipped text}}',
  'screen.wording.problem.keep':
    'Keep {names}: the document fills {count, plural, one {it} other {them}} in.',
  'screen.wording.problem.remove': 'Remove {names}: nothing fills {count, plural, one {it} other {them}} in.',
  'screen.wording.problem.brace': 'The text has an unmatched brace: keep each placeholder exactly as shown.',
  'screen.placeholder':
    '{name, select, name {the client’s name} contactName {the person’s name} chart {the chart number} dob {the date of birth} page {the page number} count {the number} pages {the number of pages} dosesCount {the number of doses} clinic {the clinic’s name} phone {the phone number} clinicPhone {the clinic’s phone number} contactPhone {the person’s phone number} form {the product form} percent {the percent cut each step} days {the days in each step} precision {the scale’s smallest step} doses {the doses a day} version {the version number} date {the date} from {the first date} to {the last date} amount {the amount} grams {the weight in grams} signer {the clinician’s name} named {whether the clinician is named} signed {whether the plan is signed} hash {the content fingerprint} trigger {the trigger} response {what the client will do} group {the kind of trigger} obstacle {the obstacle} other {a value the document fills in}}',
} as const satisfies Record<string, string>;

export type MessageId = keyof typeof en;
