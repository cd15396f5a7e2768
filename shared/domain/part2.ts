/**
 * 42 CFR Part 2 notice to accompany each disclosure (42 CFR 2.32(a)), reproduced exactly from the regulation as
 * given in CLINICAL.md §6. Statement 1 is the full notice; Statement 2 is the abbreviated form where space is short.
 * Older wordings are out of date and must not be used.
 */
export const PART2_NOTICE_VERSION = '2024-rule-statement-1';

/** The notice named in words where a person reads it (never the version code above). */
export const PART2_NOTICE_TITLE = '42 CFR 2.32(a) notice, Statement 1 (2024 rule)';
export const PART2_NOTICE_NAMES: Record<string, string> = { [PART2_NOTICE_VERSION]: PART2_NOTICE_TITLE };

export const PART2_NOTICE_FULL =
  'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). ' +
  'These rules prohibit you from using or disclosing this record, or testimony that describes the information ' +
  'contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, ' +
  'State, or local authority, against the patient, unless authorized by the consent of the patient, except as ' +
  'provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, ' +
  'the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the ' +
  'following applies: (i) Further use or disclosure is expressly permitted by the written consent of the individual ' +
  'whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. (ii) You are a ' +
  'covered entity or business associate and have received the record for treatment, payment, or health care ' +
  'operations, or (iii) You have received the record from a covered entity or business associate as permitted by ' +
  '45 CFR part 164, subparts A and E. A general authorization for the release of medical or other information is ' +
  'NOT sufficient to meet the required elements of written consent to further use or redisclose the record (see 42 ' +
  'CFR 2.31).';

export const PART2_NOTICE_SHORT = '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';
