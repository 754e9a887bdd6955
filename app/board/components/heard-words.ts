import type { TFunction } from 'i18next';

import type { Heard } from '~/board/board.server';
import { questionWording } from '~/insights/question-wording';
import { driverName } from '~/utils/driver-name';

/**
 * What was heard, in the reader's words: "Tools · Kitchen", "Overall score · Whole company",
 * "IT, as rated by Kitchen". `lang` is set where the words are not in the page's language: a
 * question the survey has only in its default language, or the label staff saw for a question the
 * survey no longer has.
 */
export function heardWords(heard: Heard, t: TFunction): { text: string; lang?: string } {
  const where = heard.department ?? t('board:heardAs.wholeCompany');
  switch (heard.metric) {
    case 'score':
      return { text: `${t('board:heardAs.score')} · ${where}` };
    case 'enps':
      return { text: `${t('board:heardAs.enps')} · ${where}` };
    case 'driver':
      return heard.driver
        ? { text: `${driverName(t, heard.driver)} · ${where}` }
        : { text: heard.label ?? '', lang: 'en' };
    case 'service':
      if (heard.provider && heard.department) {
        return {
          text: t('board:heardAs.service', {
            provider: heard.provider,
            department: heard.department,
          }),
        };
      }
      if (heard.provider) {
        return { text: t('board:heardAs.serviceByAll', { provider: heard.provider }) };
      }
      return { text: t('board:heardAs.services', { department: where }) };
    case 'question': {
      if (!heard.question) return { text: heard.label ?? '', lang: 'en' };
      // The rated department by name, or "the department" in the question's own language (the
      // reader's, unless the survey lacks it).
      const { text: template, language } = heard.question;
      const text = questionWording(template, heard.provider, {
        start: t('board:heardAs.ratedDepartmentStart', { lng: language }),
        within: t('board:heardAs.ratedDepartment', { lng: language }),
        each: (neutral) => neutral,
      });
      return { text: `${text} · ${where}`, lang: heard.question.language };
    }
    case 'idea':
      return { text: t('ideas:heardAs', { department: where }) };
  }
}
