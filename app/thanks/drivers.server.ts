import { SurveyModel } from '../../models/survey.server';
import { builtInDrivers } from '../surveys/survey-schema';

/**
 * The drivers a thank-you may name: the built-in ones, then the custom ones the organisation's
 * surveys use, so thanks and survey results speak of the same things.
 */
export async function knownDrivers(): Promise<string[]> {
  const used = await SurveyModel.distinct('questions.driver');
  const builtIn: readonly string[] = builtInDrivers;
  const custom = used
    .filter((driver): driver is string => typeof driver === 'string' && driver.trim() !== '')
    .filter((driver) => !builtIn.includes(driver))
    .sort((a, b) => a.localeCompare(b, 'en'));
  return [...builtIn, ...custom];
}
