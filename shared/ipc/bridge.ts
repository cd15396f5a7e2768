/**
 * The one Electron IPC channel every call travels on. Kept apart from the contract so the sandboxed preload,
 * which is bundled whole, carries this string and nothing else (no zod, no schemas).
 */
export const IPC_BRIDGE_CHANNEL = 'clearleaf:invoke';
