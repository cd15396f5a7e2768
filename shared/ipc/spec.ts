import { z } from 'zod';

/** One call: its input and output schemas, and whether it works while the practice is locked. */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: 'public' | 'user';
}

export const Empty = z.object({}).strict();

/** Ids are opaque strings (UUIDs) on the wire. */
export const IdSchema = z.string().min(1).max(64);
