import { z } from 'zod';

import { choices, questionBase } from './question-base';

export const singleQuestion = questionBase.extend({ type: z.literal('single'), choices });
