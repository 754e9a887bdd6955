import { z } from 'zod';

import { choices, questionBase } from './question-base';

export const multiQuestion = questionBase.extend({ type: z.literal('multi'), choices });
