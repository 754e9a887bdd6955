import type { LanguageCode } from '../../models/vocabulary';
import { formatMoment } from './local-time';
import { localize } from './localize';
import type { LocalizedText } from './survey-schema';

// The invitation and reminder e-mails, in each person's language. Kept short: the point is the
// link. Sentences avoid words that agree with the reader's gender (see templates/template.ts).

interface MailWords {
  inviteSubject: (title: string) => string;
  reminderSubject: (title: string) => string;
  greeting: (name: string) => string;
  invitation: (title: string) => string;
  reminder: (title: string) => string;
  /** The real length (rounded-up minutes, slots asked) and the anonymity promise. */
  anonymous: (minutes: number, questions: number) => string;
  answerHere: string;
  closes: string;
  personal: string;
  reminderLink: string;
  board: string;
}

const words: Record<LanguageCode, MailWords> = {
  en: {
    inviteSubject: (title) => `${title}: your pulse survey`,
    reminderSubject: (title) => `Reminder: ${title}`,
    greeting: (name) => `Hello ${name},`,
    invitation: (title) => `You are invited to answer "${title}".`,
    reminder: (title) =>
      `A reminder: "${title}" is still open. If you have answered already, thank you: there is nothing more to do. If not, we would like to hear from you too.`,
    anonymous: (minutes, questions) =>
      `It takes about ${minutes} min (${questions} ${questions === 1 ? 'question' : 'questions'}), and your answers are anonymous: nobody can see what you answered.`,
    answerHere: 'Answer here:',
    closes: 'Open until:',
    personal: 'This link is personal and works once. Please do not forward it.',
    reminderLink:
      'This link works as well as the one in the first e-mail; use either of them, once.',
    board: 'See what has changed after earlier pulses:',
  },
  uk: {
    inviteSubject: (title) => `${title}: ваше пульс-опитування`,
    reminderSubject: (title) => `Нагадування: ${title}`,
    greeting: (name) => `Вітаємо, ${name}!`,
    invitation: (title) => `Запрошуємо вас узяти участь в опитуванні «${title}».`,
    reminder: (title) =>
      `Нагадуємо: опитування «${title}» ще відкрите. Якщо ви вже відповіли, дякуємо: більше нічого робити не потрібно. Якщо ні, нам важлива й ваша думка.`,
    anonymous: (minutes, questions) =>
      `Це займе близько ${minutes} хв (запитань: ${questions}), а ваші відповіді анонімні: ніхто не побачить, що саме ви відповіли.`,
    answerHere: 'Відповісти:',
    closes: 'Відкрите до:',
    personal: 'Це посилання особисте й спрацює лише один раз. Будь ласка, не пересилайте його.',
    reminderLink:
      'Це посилання діє так само, як і посилання з першого листа; скористайтеся будь-яким із них один раз.',
    board: 'Що змінилося після попередніх опитувань:',
  },
  nb: {
    inviteSubject: (title) => `${title}: pulsundersøkelsen din`,
    reminderSubject: (title) => `Påminnelse: ${title}`,
    greeting: (name) => `Hei, ${name}!`,
    invitation: (title) => `Du er invitert til å svare på «${title}».`,
    reminder: (title) =>
      `En påminnelse: «${title}» er fortsatt åpen. Har du allerede svart, takk: da trenger du ikke gjøre noe mer. Hvis ikke, vil vi gjerne høre fra deg også.`,
    anonymous: (minutes, questions) =>
      `Det tar omtrent ${minutes} min (${questions} spørsmål), og svarene dine er anonyme: ingen kan se hva du svarte.`,
    answerHere: 'Svar her:',
    closes: 'Åpen til:',
    personal: 'Lenken er personlig og virker én gang. Ikke videresend den.',
    reminderLink:
      'Denne lenken virker like godt som den i den første e-posten; bruk én av dem, én gang.',
    board: 'Se hva som er endret etter tidligere pulser:',
  },
  pt: {
    inviteSubject: (title) => `${title}: sua pesquisa de pulso`,
    reminderSubject: (title) => `Lembrete: ${title}`,
    greeting: (name) => `Olá, ${name}!`,
    invitation: (title) => `Convidamos você a responder à pesquisa “${title}”.`,
    reminder: (title) =>
      `Um lembrete: a pesquisa “${title}” ainda está aberta. Se você já respondeu, obrigado: não precisa fazer mais nada. Se ainda não, queremos ouvir você também.`,
    anonymous: (minutes, questions) =>
      `Leva cerca de ${minutes} min (perguntas: ${questions}), e suas respostas são anônimas: ninguém pode ver o que você respondeu.`,
    answerHere: 'Responda aqui:',
    closes: 'Aberta até:',
    personal: 'Este link é pessoal e funciona uma única vez. Não o encaminhe.',
    reminderLink:
      'Este link funciona tão bem quanto o do primeiro e-mail; use qualquer um deles, uma única vez.',
    board: 'Veja o que mudou depois das pesquisas anteriores:',
  },
  pl: {
    inviteSubject: (title) => `${title} – krótka ankieta`,
    reminderSubject: (title) => `Przypomnienie: ${title}`,
    greeting: (name) => `Dzień dobry, ${name}!`,
    invitation: (title) => `Zapraszamy cię do wypełnienia ankiety „${title}”.`,
    reminder: (title) =>
      `Przypominamy: ankieta „${title}” jest nadal otwarta. Jeśli odpowiedź została już wysłana, dziękujemy: nic więcej nie trzeba robić. Jeśli nie, chcemy poznać także twoje zdanie.`,
    anonymous: (minutes, questions) =>
      `Zajmie to około ${minutes} min (liczba pytań: ${questions}), a odpowiedzi są anonimowe: nikt nie zobaczy, jakie odpowiedzi wybrano.`,
    answerHere: 'Odpowiedz tutaj:',
    closes: 'Termin:',
    personal: 'Ten link jest osobisty i działa tylko raz. Nie przekazuj go dalej.',
    reminderLink:
      'Ten link działa tak samo jak link z pierwszej wiadomości; użyj jednego z nich, jeden raz.',
    board: 'Zobacz, co zmieniło się po poprzednich ankietach:',
  },
  lv: {
    inviteSubject: (title) => `${title}: jūsu pulsa aptauja`,
    reminderSubject: (title) => `Atgādinājums: ${title}`,
    greeting: (name) => `Labdien, ${name}!`,
    invitation: (title) => `Aicinām jūs atbildēt uz aptauju “${title}”.`,
    reminder: (title) =>
      `Atgādinām: aptauja “${title}” joprojām ir atvērta. Ja atbildes jau ir nosūtītas, paldies: vairāk nekas nav jādara. Ja nē, mēs vēlētos uzzināt arī jūsu viedokli.`,
    anonymous: (minutes, questions) =>
      `Tas aizņems apmēram ${minutes} min (jautājumu skaits: ${questions}), un jūsu atbildes ir anonīmas: neviens neredzēs, ko jūs atbildējāt.`,
    answerHere: 'Atbildēt šeit:',
    closes: 'Atvērta līdz:',
    personal: 'Šī saite ir personīga un darbojas vienu reizi. Lūdzu, nepārsūtiet to.',
    reminderLink:
      'Šī saite darbojas tāpat kā saite pirmajā e-pastā; izmantojiet jebkuru no tām vienu reizi.',
    board: 'Skatiet, kas mainījies pēc iepriekšējām aptaujām:',
  },
};

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
  const w = words[input.language];
  const title = localize(input.title, input.language, input.defaultLanguage);
  const closes = formatMoment(input.closesAt, input.language, input.timeZone);
  const opening = input.kind === 'invite' ? w.invitation(title) : w.reminder(title);
  const personal = input.kind === 'invite' ? w.personal : `${w.reminderLink} ${w.personal}`;
  const paragraphs = [
    w.greeting(input.name),
    `${opening} ${w.anonymous(input.length.minutes, input.length.questions)}`,
    `${w.answerHere} ${input.link}`,
    `${w.closes} ${closes}`,
    personal,
    ...(input.boardLink ? [`${w.board} ${input.boardLink}`] : []),
  ];
  const html = [
    `<p>${escapeHtml(w.greeting(input.name))}</p>`,
    `<p>${escapeHtml(`${opening} ${w.anonymous(input.length.minutes, input.length.questions)}`)}</p>`,
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(w.answerHere.replace(/:$/, ''))}</a></p>`,
    `<p>${escapeHtml(`${w.closes} ${closes}`)}</p>`,
    `<p>${escapeHtml(personal)}</p>`,
    ...(input.boardLink
      ? [
          `<p><a href="${escapeHtml(input.boardLink)}">${escapeHtml(w.board.replace(/:$/, ''))}</a></p>`,
        ]
      : []),
  ].join('\n');
  return {
    subject: input.kind === 'invite' ? w.inviteSubject(title) : w.reminderSubject(title),
    text: `${paragraphs.join('\n\n')}\n`,
    html,
  };
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The words on a printed QR card: when the survey closes and that the link is personal. */
export function printedCardNote(language: LanguageCode, closesAt: Date, timeZone: string): string {
  const w = words[language];
  return `${w.closes} ${formatMoment(closesAt, language, timeZone)}. ${w.personal}`;
}
