import type { AppErrorShape, ErrorCode } from '../shared/ipc/result';

/**
 * The one exception type handlers throw on purpose. The dispatcher turns it into an error value; anything else that
 * is thrown becomes INTERNAL with a generic message, so no stack trace or clinical text crosses the boundary.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: AppErrorShape['fields'];
  readonly retryAfterMs: number | null;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: AppErrorShape['fields']; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, fields: this.fields, retryAfterMs: this.retryAfterMs };
  }
}

export const fieldError = (code: ErrorCode, field: string, message: string): AppError =>
  new AppError(code, message, { fields: [{ path: field, message }] });
