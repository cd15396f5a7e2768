import os from 'node:os';
import path from 'node:path';

/**
 * Where the practice lives when nothing else is said: the same folder Electron's app.getPath('userData') gives
 * for an app named Clearleaf, so the CLI and the desktop app find the same practice. CLEARLEAF_DATA_DIR overrides.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.CLEARLEAF_DATA_DIR) return path.resolve(env.CLEARLEAF_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Clearleaf');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Clearleaf');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Clearleaf');
}
