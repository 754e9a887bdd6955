import { hrServiceSatisfaction } from './hr-service-satisfaction';
import { internalServiceQuality } from './internal-service-quality';
import { itSupportSatisfaction } from './it-support-satisfaction';
import { recognitionAndVoice } from './recognition-and-voice';
import type { SurveyTemplate } from './template';
import { weeklyEngagementPulse } from './weekly-engagement-pulse';
import { workspaceWellbeing } from './workspace-wellbeing';

export type { SurveyTemplate } from './template';

/** The built-in templates, in the order the template picker shows them. */
export const surveyTemplates: SurveyTemplate[] = [
  internalServiceQuality,
  weeklyEngagementPulse,
  itSupportSatisfaction,
  hrServiceSatisfaction,
  workspaceWellbeing,
  recognitionAndVoice,
];
