import { CycleModel } from '../../models/cycle.server';
import { SurveyModel } from '../../models/survey.server';
import { remindActionOwners } from '../actions/reminders.server';
import { forgetClosedCycleClaims } from '../answering/answer-claims.server';
import { appUrl, getEnv } from '../utils/env.server';
import type { Logger } from '../utils/log.server';
import { sendMail } from '../utils/mail.server';
import { closeDueCycles, createDueCycles, openDueCycles } from './cycles.server';
import { type Delivery, inviteAudience, remindCycle, retryDeliveries } from './invites.server';

// The clock of the surveys: creates cycles as they fall due, opens and closes them on time,
// invites the audience and sends the one reminder. Every step is idempotent and safe to race:
// several app instances on one database may each run it, and a run after downtime catches up.

export interface SchedulerReport {
  cyclesCreated: number;
  cyclesOpened: number;
  cyclesClosed: number;
  invitesSent: number;
  remindersSent: number;
  /** Surveys whose step failed this run (logged; the next run tries again). */
  failures: number;
}

/** Invitations as the scheduler sends them: mail through SMTP or the outbox, links to APP_URL. */
export function defaultDelivery(logger?: Logger): Delivery {
  return { send: sendMail, appUrl: appUrl(getEnv()), logger };
}

/** One pass over every survey at `now`. Exported for tests and the "Open due cycles now" button. */
export async function runSchedulerOnce(
  now: Date = new Date(),
  options: { delivery?: Delivery; logger?: Logger } = {},
): Promise<SchedulerReport> {
  const logger = options.logger;
  const delivery = options.delivery ?? defaultDelivery(logger);
  const report: SchedulerReport = {
    cyclesCreated: 0,
    cyclesOpened: 0,
    cyclesClosed: 0,
    invitesSent: 0,
    remindersSent: 0,
    failures: 0,
  };
  const failed = (what: string, error: unknown) => {
    report.failures++;
    logger?.error(
      `Scheduler: ${what} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  };

  const active = await SurveyModel.find({ status: 'active' }).lean();
  for (const survey of active) {
    try {
      report.cyclesCreated += await createDueCycles(survey, now);
    } catch (error) {
      failed(`creating cycles of survey ${String(survey._id)}`, error);
    }
  }
  // Close before opening, so a survey whose windows touch never has two cycles open.
  report.cyclesClosed += await closeDueCycles(now);
  report.cyclesOpened += await openDueCycles(now);

  const surveys = new Map(active.map((survey) => [String(survey._id), survey]));
  const open = await CycleModel.find({
    status: 'open',
    surveyId: { $in: [...surveys.keys()] },
  }).lean();
  for (const cycle of open) {
    const survey = surveys.get(String(cycle.surveyId));
    if (!survey) continue;
    try {
      report.invitesSent += await inviteAudience(cycle, survey, now, delivery);
      report.invitesSent += await retryDeliveries(cycle, survey, now, delivery);
      report.remindersSent += await remindCycle(cycle, survey, now, delivery);
    } catch (error) {
      failed(`inviting to cycle ${cycle.number} of survey ${String(survey._id)}`, error);
    }
  }
  try {
    report.remindersSent += await remindActionOwners(now, delivery);
  } catch (error) {
    failed('reminding action owners', error);
  }
  try {
    await forgetClosedCycleClaims(now);
  } catch (error) {
    failed('forgetting who answered closed cycles', error);
  }
  return report;
}

export interface RunningScheduler {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the scheduler now and then every `intervalMs` (a minute: cycles open at whole hours, so
 * they open within a minute of their time). Runs never overlap; the timer does not keep the
 * process alive.
 */
export function startScheduler({
  logger,
  intervalMs = 60_000,
}: {
  logger: Logger;
  intervalMs?: number;
}): RunningScheduler {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runSchedulerOnce(new Date(), { logger })
      .then((report) => {
        const { cyclesCreated, cyclesOpened, cyclesClosed, invitesSent, remindersSent } = report;
        if (cyclesCreated + cyclesOpened + cyclesClosed + invitesSent + remindersSent > 0) {
          logger.info(
            `Scheduler: ${cyclesCreated} cycle(s) created, ${cyclesOpened} opened, ${cyclesClosed} closed, ${invitesSent} invitation(s) and ${remindersSent} reminder(s) sent`,
          );
        }
      })
      .catch((error: unknown) => {
        logger.error(
          `Scheduler run failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
