/**
 * The dispatcher: the same for Electron IPC, the browser harness and tests. Unknown channel → error; input parsed
 * with the channel's zod schema → handler → output checked against the contract. Errors are values; unexpected
 * exceptions become INTERNAL with a generic message and are logged by channel and error code only.
 */
import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { AppError } from '../errors';
import type { Deps, Handler, Handlers } from './types';

const SLOW_CALL_MS = 100;

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

function zodFields(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function createDispatcher(handlers: Handlers, deps: Deps): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_CHANNEL',
          message: 'That request is not known to this version of Clearleaf.',
          fields: [],
          retryAfterMs: null,
        },
      };
    }
    const spec = contract[channel];
    const started = performance.now();
    try {
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const fields = zodFields(parsed.error);
        return {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: fields[0]?.message ?? 'Some of the input is not valid.',
            fields,
            retryAfterMs: null,
          },
        };
      }
      const handler = handlers[channel] as Handler<Channel>;
      let ctx: Parameters<Handler<Channel>>[1] = deps;
      if (spec.access === 'user') {
        const session = deps.practice.session();
        deps.practice.touch();
        ctx = { ...deps, ...session };
      }
      const value = await (handler as (i: unknown, c: typeof ctx) => unknown)(parsed.data, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        deps.log.error(`${channel}: handler output does not match the contract`);
        return internal();
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      const code = (err as { code?: unknown }).code;
      if (code === 'SQLITE_FULL') {
        return {
          ok: false,
          error: {
            code: 'DISK_FULL',
            message: 'The disk is full: nothing was saved. Free some space and try again.',
            fields: [],
            retryAfterMs: null,
          },
        };
      }
      deps.log.error(
        `${channel}: unexpected ${err instanceof Error ? err.name : typeof err}${typeof code === 'string' ? ` (${code})` : ''}`,
      );
      return internal();
    } finally {
      const ms = performance.now() - started;
      if (ms > SLOW_CALL_MS) deps.log.warn(`slow call ${channel} ${ms.toFixed(0)} ms`);
    }
  };
}

const internal = (): Result<never> => ({
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'Something went wrong and the action was not completed. Nothing already saved was lost.',
    fields: [],
    retryAfterMs: null,
  },
});

export type { Deps };
