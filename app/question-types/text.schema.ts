import { z } from 'zod';

import { questionBase } from './question-base';

/** The longest comment a text question takes unless the survey says otherwise. */
export const defaultCommentLength = 2000;

export const textQuestion = questionBase.extend({
  type: z.literal('text'),
  maxLength: z.number().int().min(1).max(5000).default(defaultCommentLength),
});
