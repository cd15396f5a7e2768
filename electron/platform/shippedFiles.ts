/**
 * Where the installer puts files the app reads outside app.asar, relative to Electron's resources folder
 * (`process.resourcesPath`). electron-builder.yml writes them there; main.ts reads them from here.
 */
export const SHIPPED_SQLITE_BINDING = ['native', 'better_sqlite3.node'] as const;
