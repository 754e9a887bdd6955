import {
  driverMeasure,
  questionMeasure,
  type RatingsMeasure,
  type ServiceRatings,
} from '../insights/service-ratings';
import type { Reading } from '../insights/withholding';

// The ratings of one cycle split finer than the insight pages split them: each customer's rating
// of a service on one internal-service question, or on one driver of those questions. A charter
// reads one service's column of these. They are boxes of the cycle's service ratings
// (insights/service-ratings.ts), decided there with every other sum of those ratings, so a
// charter cell never shows what the matrix, the drivers table or a question's mean leaves hidden,
// and one measure less another (a driver less one of its questions) never isolates a small group.

/** Which figure a standard reads: one question's ratings, or one driver's. */
export type MeasureKey = `q:${string}` | `d:${string}`;

export const questionKey = (questionId: string): MeasureKey => `q:${questionId}`;
export const driverKey = (driver: string): MeasureKey => `d:${driver}`;

/** A measure a standard can read, as the service ratings name it. */
function ratingsMeasure(key: MeasureKey): RatingsMeasure {
  return key.startsWith('q:') ? questionMeasure(key.slice(2)) : driverMeasure(key.slice(2));
}

/** One service's column of a measure: each customer's reading of it (none without answers). */
export function serviceColumn(
  ratings: ServiceRatings,
  key: MeasureKey,
  providerId: string,
): Map<string, Reading> {
  const column = new Map<string, Reading>();
  const measure = ratingsMeasure(key);
  for (const customer of ratings.customers) {
    const reading = ratings.reading(customer, providerId, measure);
    if (reading.state !== 'empty') column.set(customer, reading);
  }
  return column;
}
