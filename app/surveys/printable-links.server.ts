import Papa from 'papaparse';

import { CycleModel } from '../../models/cycle.server';
import { SurveyModel } from '../../models/survey.server';
import { appUrl, getEnv } from '../utils/env.server';
import { type PrintableLink, printableLinks } from './invites.server';
import type { PrintableLinksForm } from './printable-links';
import type { SurveyDefinition } from './survey-schema';
import { definitionOf } from './surveys.server';

export type PrintableLinksResult =
  | {
      ok: true;
      links: PrintableLink[];
      definition: SurveyDefinition;
      cycleNumber: number;
      closesAt: Date;
    }
  | { ok: false; message: string };

/**
 * Fresh links for a cycle's invites, for the CSV download and the QR sheet. Null
 * when the survey or cycle does not exist (or they do not belong together).
 */
export async function linksForCycle(
  surveyId: string,
  cycleId: string,
  form: PrintableLinksForm,
  now: Date,
): Promise<PrintableLinksResult | null> {
  const [survey, cycle] = await Promise.all([
    SurveyModel.findById(surveyId).lean(),
    CycleModel.findOne({ _id: cycleId, surveyId }).lean(),
  ]);
  if (!survey || !cycle) return null;
  const links = await printableLinks(
    cycle,
    form.scope === 'all' ? 'all' : form.departmentIds,
    now,
    appUrl(getEnv()),
  );
  if (!links) return { ok: false, message: 'surveys:errors.linksClosed' };
  return {
    ok: true,
    links,
    definition: definitionOf(survey),
    cycleNumber: cycle.number,
    closesAt: cycle.closesAt,
  };
}

// A cell starting with one of these is run as a formula by spreadsheet programs.
const formulaStart = /^[=+\-@\t\r]/;

/** The links as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read names right). */
export function linksCsv(links: PrintableLink[]): string {
  const safe = (value: string) => (formulaStart.test(value) ? `'${value}` : value);
  const rows = links.map((link) => [
    safe(link.name),
    safe(link.department),
    link.language,
    link.link,
  ]);
  return `\uFEFF${Papa.unparse({ fields: ['Name', 'Department', 'Language', 'Link'], data: rows })}\r\n`;
}
