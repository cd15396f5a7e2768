/**
 * The one Electron IPC channel every call travels on. Kept apart from the contract so the sandboxed preload,
 * which is bundled whole, carries this string and nothing else (no zod, no schemas).
 */
export const IPC_BRIDGE_CHANNEL = 'clearleaf:invoke';

/**
 * Main → page: "send what you have not saved, then answer" (a token and why: 'lock' or 'quit'), before main closes
 * the database on its own. The page answers on FLUSHED_CHANNEL with the same token.
 */
export const FLUSH_REQUEST_CHANNEL = 'clearleaf:flush';
export const FLUSHED_CHANNEL = 'clearleaf:flushed';
export type FlushReason = 'lock' | 'quit';
