export const RENDERER_PREFIX = 'page: ';
export async function runRenderer() { return []; }
