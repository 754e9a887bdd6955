import type { LanguageCode } from '../../models/vocabulary';
import { mailWords } from '../i18n';
import { escapeHtml } from '../utils/escape-html';
import { formatMoment } from './local-time';
import { localize } from './localize';
import type { LocalizedText } from './survey-schema';

// The invitation and reminder e-mails, in each person's language (the `mail` namespace,
// survey.*). Kept short: the point is the link. Sentences avoid words that agree with the
// reader's gender (see templates/template.ts).

export interface InviteMailInput {
  kind: 'invite' | 'reminder';
  language: LanguageCode;
  name: string;
  title: LocalizedText;
  defaultLanguage: LanguageCode;
  link: string;
  closesAt: Date;
  timeZone: string;
  /** How long answering takes, from what the cycle asks (app/answering/answering-time.ts). */
  length: { minutes: number; questions: number };
  /**
   * The person's department's "You said, we did" board. Not personal like the answering link:
   * the same for everyone in the department, and it stays valid between pulses.
   */
  boardLink?: string | null;
}

export function inviteMail(input: InviteMailInput): {
  subject: string;
  text: string;
  html: string;
} {
  const t = mailWords(input.language);
  const title = localize(input.title, input.language, input.defaultLanguage);
  const closes = `${t('survey.closes')} ${formatMoment(input.closesAt, input.language, input.timeZone)}`;
  const opening =
    input.kind === 'invite' ? t('survey.invitation', { title }) : t('survey.reminder', { title });
  const length = t('survey.anonymous', {
    minutes: input.length.minutes,
    count: input.length.questions,
  });
  const personal =
    input.kind === 'invite'
      ? t('survey.personal')
      : `${t('survey.reminderLink')} ${t('survey.personal')}`;
  const greeting = t('survey.greeting', { name: input.name });
  const answerHere = t('survey.answerHere');
  const board = t('survey.board');
  const paragraphs = [
    greeting,
    `${opening} ${length}`,
    `${answerHere} ${input.link}`,
    closes,
    personal,
    ...(input.boardLink ? [`${board} ${input.boardLink}`] : []),
  ];
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(`${opening} ${length}`)}</p>`,
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(answerHere.replace(/:$/, ''))}</a></p>`,
    `<p>${escapeHtml(closes)}</p>`,
    `<p>${escapeHtml(personal)}</p>`,
    ...(input.boardLink
      ? [
          `<p><a href="${escapeHtml(input.boardLink)}">${escapeHtml(board.replace(/:$/, ''))}</a></p>`,
        ]
      : []),
  ].join('\n');
  return {
    subject:
      input.kind === 'invite'
        ? t('survey.inviteSubject', { title })
        : t('survey.reminderSubject', { title }),
    text: `${paragraphs.join('\n\n')}\n`,
    html,
  };
}

/** The words on a printed QR card: when the survey closes and that the link is personal. */
export function printedCardNote(language: LanguageCode, closesAt: Date, timeZone: string): string {
  const t = mailWords(language);
  return `${t('survey.closes')} ${formatMoment(closesAt, language, timeZone)}. ${t('survey.personal')}`;
}
