import type { TFunction } from 'i18next';

import { builtInDrivers } from '~/surveys/survey-schema';

const builtIn: ReadonlySet<string> = new Set(builtInDrivers);

/**
 * A driver's name in the reader's language: the built-in drivers have words in common.json, a
 * custom driver is shown as HR typed it. `t` is any i18next t function of the page.
 */
export function driverName(t: TFunction, driver: string): string {
  return builtIn.has(driver) ? t(`common:drivers.${driver}`) : driver;
}
