import { z } from 'zod';

import { questionBase } from './question-base';

export const npsQuestion = questionBase.extend({ type: z.literal('nps') });
