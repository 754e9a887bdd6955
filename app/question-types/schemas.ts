import { z } from 'zod';

import { multiQuestion } from './multi.schema';
import { npsQuestion } from './nps.schema';
import { scaleQuestion } from './scale.schema';
import { singleQuestion } from './single.schema';
import { textQuestion } from './text.schema';

// The question types' schemas, apart from their modules (registry.ts): survey-schema.ts is read
// by models/ and every page, and must not import the types' components.

/** A question of any type, told apart by `type`; the order is the designer's. */
export const question = z.discriminatedUnion('type', [
  scaleQuestion,
  npsQuestion,
  singleQuestion,
  multiQuestion,
  textQuestion,
]);
