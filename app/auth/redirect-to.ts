/** Where staff land after signing in when no other page asked for them. */
export const staffHome = '/insights';

/**
 * A path on this site, or the fallback. Anything a browser could read as an address elsewhere
 * (`//evil.example`, `/\evil.example`, `/\t/evil.example`, `https://…`) is refused.
 */
export function safeLocalPath(to: unknown, fallback: string): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) return fallback;
  // Browsers drop control characters and read a backslash as a slash, turning `/\x` into `//x`.
  if (to.includes('\\') || [...to].some((character) => character.charCodeAt(0) < 32)) {
    return fallback;
  }
  return to;
}

/**
 * A path on this site to go to after signing in, or the staff home. Anything that could leave
 * the site (see safeLocalPath) or loop back to sign-in is ignored.
 */
export function safeRedirect(to: unknown, fallback = staffHome): string {
  const path = safeLocalPath(to, fallback);
  if (/^\/(login|logout)(?:[/?#]|$)/.test(path)) return fallback;
  return path;
}
