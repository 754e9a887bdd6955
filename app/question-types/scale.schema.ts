import { z } from 'zod';

import { questionBase } from './question-base';

export const scaleQuestion = questionBase.extend({ type: z.literal('scale') });
