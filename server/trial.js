// `npm start` without NODE_ENV is a local trial: someone trying Innerloop on their own machine.
// It runs as production runs (the fast React build) but with what a trial needs and a real
// install must not have by default: the demo organisation on local data, and e-mails kept in
// the outbox instead of a mail server. An operator who sets NODE_ENV=production gets neither
// unless they ask (DEMO=on, MAIL_OUTBOX=on). Plain JavaScript: server/start.js runs it before
// anything is built.

/**
 * The variables a start from `npm start` adds to the environment, and the line it logs.
 * Variables the operator set are never changed; an empty one counts as unset.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {{ set: Record<string, string>, notice: string | null }}
 */
export function trialSettings(env) {
  if (env.NODE_ENV) return { set: {}, notice: null };
  /** @type {Record<string, string>} */
  const set = { NODE_ENV: 'production' };
  if (!env.MAIL_OUTBOX) set.MAIL_OUTBOX = 'on';
  // The demo only on local data: a MONGODB_URI is someone's database until they say otherwise.
  if (!env.DEMO && !env.MONGODB_URI) set.DEMO = 'on';

  const parts = [];
  if ((set.DEMO ?? env.DEMO) === 'on') parts.push('the demo organisation');
  if (!env.SMTP_URL && (set.MAIL_OUTBOX ?? env.MAIL_OUTBOX) === 'on') {
    parts.push('e-mails kept in the outbox, not sent');
  }
  const what = parts.length > 0 ? ` with ${parts.join(' and ')}` : '';
  return {
    set,
    notice: `Running as a local trial (NODE_ENV is not set)${what}. For a real install set NODE_ENV=production and SMTP_URL; see "Environment variables" in the README.`,
  };
}
