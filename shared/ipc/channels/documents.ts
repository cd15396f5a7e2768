/** Printed documents: opening one that main wrote, in the computer's PDF viewer. */
import { z } from 'zod';
import type { ChannelSpec } from '../spec';

export const documentChannels = {
  /** Opens a file main wrote into the practice's documents folder; any other path is refused. */
  'documents.open': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: z.object({ opened: z.literal(true) }),
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
