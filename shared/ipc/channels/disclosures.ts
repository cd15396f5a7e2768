/** The accounting of disclosures of one client (CLINICAL.md §6): listed on the Consents tab, and printable. */
import { z } from 'zod';
import { DisclosureSchema } from '../../domain/disclosures';
import { IdSchema, type ChannelSpec } from '../spec';

export const disclosureChannels = {
  /** The past 3 years of disclosures made under this client's consents, newest first. */
  'disclosures.list': {
    input: z.object({ clientId: IdSchema }).strict(),
    output: z.array(DisclosureSchema),
    access: 'user',
  },
  /** The accounting as a PDF, for the record or the client: printing it is not itself a disclosure. */
  'disclosures.printPdf': {
    input: z.object({ clientId: IdSchema, paper: z.enum(['letter', 'a4']) }).strict(),
    output: z.object({ path: z.string() }),
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
