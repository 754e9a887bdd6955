import type { LanguageCode } from '../../models/vocabulary';

// What an employee reads around the questions, in each survey language. Shared by the
// designer's preview and the answering pages, so the preview is what employees see. Wording
// avoids forms that agree with the reader's gender (see templates/template.ts).

export interface RespondentWords {
  /** The five points of an agreement scale, 1 to 5. */
  scale: [string, string, string, string, string];
  npsLow: string;
  npsHigh: string;
  notUsed: string;
  required: string;
  chooseAll: string;
  anonymous: string;
  submit: string;
  comment: string;
}

export const respondentWords: Record<LanguageCode, RespondentWords> = {
  en: {
    scale: [
      'Strongly disagree',
      'Disagree',
      'Neither agree nor disagree',
      'Agree',
      'Strongly agree',
    ],
    npsLow: 'Not at all likely',
    npsHigh: 'Extremely likely',
    notUsed: 'I did not use this service',
    required: 'Required',
    chooseAll: 'Choose all that apply.',
    anonymous: 'Your answers are anonymous: nobody can see what you answered.',
    submit: 'Send my answers',
    comment: 'Your comment',
  },
  uk: {
    scale: [
      'Категорично не погоджуюся',
      'Не погоджуюся',
      'Важко сказати',
      'Погоджуюся',
      'Повністю погоджуюся',
    ],
    npsLow: 'Зовсім малоймовірно',
    npsHigh: 'Дуже ймовірно',
    notUsed: 'Не доводилося звертатися до цієї служби',
    required: 'Обов’язково',
    chooseAll: 'Оберіть усі відповідні варіанти.',
    anonymous: 'Ваші відповіді анонімні: ніхто не побачить, що саме ви відповіли.',
    submit: 'Надіслати відповіді',
    comment: 'Ваш коментар',
  },
  nb: {
    scale: ['Helt uenig', 'Uenig', 'Verken enig eller uenig', 'Enig', 'Helt enig'],
    npsLow: 'Svært lite sannsynlig',
    npsHigh: 'Svært sannsynlig',
    notUsed: 'Jeg har ikke brukt denne tjenesten',
    required: 'Obligatorisk',
    chooseAll: 'Velg alle som passer.',
    anonymous: 'Svarene dine er anonyme: ingen kan se hva du svarte.',
    submit: 'Send svarene',
    comment: 'Kommentaren din',
  },
  pt: {
    scale: [
      'Discordo totalmente',
      'Discordo',
      'Não concordo nem discordo',
      'Concordo',
      'Concordo totalmente',
    ],
    npsLow: 'Nada provável',
    npsHigh: 'Extremamente provável',
    notUsed: 'Não usei este serviço',
    required: 'Obrigatória',
    chooseAll: 'Marque todas as opções que se aplicam.',
    anonymous: 'Suas respostas são anônimas: ninguém pode ver o que você respondeu.',
    submit: 'Enviar respostas',
    comment: 'Seu comentário',
  },
  pl: {
    scale: [
      'Zdecydowanie się nie zgadzam',
      'Nie zgadzam się',
      'Ani się zgadzam, ani nie zgadzam',
      'Zgadzam się',
      'Zdecydowanie się zgadzam',
    ],
    npsLow: 'Zupełnie nieprawdopodobne',
    npsHigh: 'Bardzo prawdopodobne',
    notUsed: 'Nie korzystam z tej usługi',
    required: 'Wymagane',
    chooseAll: 'Zaznacz wszystkie pasujące odpowiedzi.',
    anonymous: 'Twoje odpowiedzi są anonimowe: nikt nie zobaczy, jakie odpowiedzi wybrano.',
    submit: 'Wyślij odpowiedzi',
    comment: 'Twój komentarz',
  },
  lv: {
    scale: [
      'Pilnīgi nepiekrītu',
      'Nepiekrītu',
      'Ne piekrītu, ne nepiekrītu',
      'Piekrītu',
      'Pilnīgi piekrītu',
    ],
    npsLow: 'Pilnīgi neticami',
    npsHigh: 'Ļoti ticami',
    notUsed: 'Šo pakalpojumu neizmantoju',
    required: 'Obligāts',
    chooseAll: 'Atzīmējiet visas atbilstošās atbildes.',
    anonymous: 'Jūsu atbildes ir anonīmas: neviens neredzēs, ko jūs atbildējāt.',
    submit: 'Nosūtīt atbildes',
    comment: 'Jūsu komentārs',
  },
};
