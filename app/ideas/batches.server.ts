import { IdeaModel } from '../../models/idea.server';
import { getSettings } from '../settings/organisation.server';
import { weekOf } from './weeks';

// The batching rule, the ideas' counterpart of comments being shown only for groups at or above
// the threshold, only from settled cycles, shuffled and dated by the cycle:
//
// - An idea is held when it arrives, and leaders see nothing of it, not even that it exists (no
//   count of waiting ideas, which a leader reloading the page would watch go up one by one).
// - At the end of each week (ISO week, UTC), the ideas a department has been sent that are still
//   held are counted. When there are at least the organisation's anonymity threshold of them,
//   they are all released together as one batch, dated by that week; otherwise they wait, and
//   the next week's ideas join them. A batch therefore always holds at least the threshold of
//   ideas, any of which could be the one that came last.
// - Releasing forgets the week each idea arrived in: a released idea keeps only its batch.
// - Within a batch, ideas are listed by their random ids, an order unrelated to when they came.
//
// The decision depends only on the ideas and the calendar, never on when someone looks: it is
// worked out week by week in order, so a leader who reads every hour, one who reads once a month
// and the sender's receipt page all see the same batches. Working it out again is harmless (each
// update only claims ideas still held), so any reader may do it; every reader does, first.

/** Releases every batch due at `now`; returns how many ideas it released. */
export async function releaseIdeas(now = new Date()): Promise<number> {
  const current = weekOf(now);
  const held = await IdeaModel.find(
    { batch: null, arrivedIn: { $lt: current } },
    { departmentId: 1, arrivedIn: 1 },
  ).lean();
  if (held.length === 0) return 0;
  const { anonymityThreshold } = await getSettings();
  const byDepartment = new Map<string, typeof held>();
  for (const idea of held) {
    const key = String(idea.departmentId);
    byDepartment.set(key, [...(byDepartment.get(key) ?? []), idea]);
  }
  let released = 0;
  for (const ideas of byDepartment.values()) {
    for (const { week, ids } of batchesOf(ideas, anonymityThreshold)) {
      const result = await IdeaModel.updateMany(
        { _id: { $in: ids }, batch: null },
        { $set: { batch: week, arrivedIn: null } },
      );
      released += result.modifiedCount;
    }
  }
  return released;
}

/**
 * One department's held ideas from ended weeks, cut into batches: weeks are taken in order and
 * their ideas pooled until the pool reaches the threshold; the pool is released as a batch of the
 * week that filled it. What is left stays held.
 */
export function batchesOf(
  ideas: readonly { _id: string; arrivedIn: string | null }[],
  threshold: number,
): { week: string; ids: string[] }[] {
  const weeks = [...new Set(ideas.map((idea) => idea.arrivedIn ?? ''))].filter(Boolean).sort();
  const batches: { week: string; ids: string[] }[] = [];
  let pool: string[] = [];
  for (const week of weeks) {
    pool.push(...ideas.filter((idea) => idea.arrivedIn === week).map((idea) => idea._id));
    if (pool.length >= threshold) {
      batches.push({ week, ids: pool });
      pool = [];
    }
  }
  return batches;
}
