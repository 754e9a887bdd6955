import { CharterModel } from '../../models/charter.server';

// The targets the hotspot page measures against: a published charter's standards whose measure is
// a driver. The charters themselves are edited elsewhere (app/charters/); this only reads them.

/** Key of a target: provider department and driver. */
export const targetKey = (provider: string, driver: string) => `${provider}\u0000${driver}`;

/**
 * The target of each provider × driver of every published charter (a few dozen documents at most,
 * so read whole, beside the page's other reads). Where one charter names a driver twice, the
 * higher target counts: the promise the provider holds itself to.
 */
export async function charterTargets(): Promise<Map<string, number>> {
  const targets = new Map<string, number>();
  const charters = await CharterModel.find(
    { published: true },
    { departmentId: 1, standards: 1 },
  ).lean();
  for (const charter of charters) {
    for (const standard of charter.standards) {
      const driver = standard.measure.driver;
      if (!driver || !Number.isFinite(standard.target)) continue;
      const key = targetKey(String(charter.departmentId), driver);
      targets.set(key, Math.max(targets.get(key) ?? -Infinity, standard.target));
    }
  }
  return targets;
}
