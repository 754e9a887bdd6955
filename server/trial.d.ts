/** Types for server/trial.js, which runs as plain JavaScript before anything is built. */
export function trialSettings(env: Record<string, string | undefined>): {
  set: Record<string, string>;
  notice: string | null;
};
