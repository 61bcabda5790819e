/**
 * Whether this browser can draw WebGL (Sigma needs it). Without it the page says so and the
 * tables, which carry the same information, still work.
 */
export function hasWebGl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
