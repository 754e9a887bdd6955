import { comment, nps, scale, surveyTemplate } from './build';

// The five service-quality dimensions (reliability, responsiveness, assurance, empathy,
// tangibles), asked once for each department the respondent rates. Inflected languages put a
// noun before {department} (Polish "dział", Ukrainian "відділ", Latvian "komanda", Portuguese
// "equipe de") so an uninflected department name still reads grammatically.
export const internalServiceQuality = surveyTemplate({
  id: 'internal-service-quality',
  name: {
    en: 'Internal service quality',
    uk: 'Якість внутрішніх послуг',
    nb: 'Kvalitet på interne tjenester',
    pt: 'Qualidade dos serviços internos',
    pl: 'Jakość usług wewnętrznych',
    lv: 'Iekšējo pakalpojumu kvalitāte',
  },
  description: {
    en: 'Employees rate each department that serves them on reliability, responsiveness, competence, empathy and tools, give it an internal NPS and leave a comment.',
    uk: 'Працівники оцінюють кожен відділ, який їх обслуговує, за надійністю, оперативністю, компетентністю, емпатією та інструментами, дають йому внутрішній NPS і залишають коментар.',
    nb: 'De ansatte vurderer hver avdeling som betjener dem, på pålitelighet, hurtighet, kompetanse, empati og verktøy, gir den en intern NPS og legger igjen en kommentar.',
    pt: 'Os colaboradores avaliam cada departamento que os atende em confiabilidade, agilidade, competência, empatia e ferramentas, dão uma nota de NPS interno e deixam um comentário.',
    pl: 'Pracownicy oceniają każdy dział, który ich obsługuje, pod względem niezawodności, szybkości reakcji, kompetencji, empatii i narzędzi, wystawiają mu wewnętrzny NPS i zostawiają komentarz.',
    lv: 'Darbinieki novērtē katru nodaļu, kas viņus apkalpo: tās uzticamību, atsaucību, kompetenci, empātiju un rīkus, kā arī sniedz iekšējā NPS vērtējumu un atstāj komentāru.',
  },
  title: {
    en: 'How do you rate our internal services?',
    uk: 'Як ви оцінюєте наші внутрішні служби?',
    nb: 'Hva synes du om de interne tjenestene våre?',
    pt: 'Como você avalia nossos serviços internos?',
    pl: 'Jak oceniasz nasze usługi wewnętrzne?',
    lv: 'Kā jūs vērtējat mūsu iekšējos pakalpojumus?',
  },
  intro: {
    en: 'Think about your contact with each department over the last few months. Your answers are anonymous and help each team serve you better.',
    uk: 'Згадайте свою взаємодію з кожним відділом за останні кілька місяців. Ваші відповіді анонімні й допомагають кожній команді краще вас обслуговувати.',
    nb: 'Tenk på kontakten du har hatt med hver avdeling de siste månedene. Svarene dine er anonyme og hjelper hvert team med å betjene deg bedre.',
    pt: 'Pense no seu contato com cada departamento nos últimos meses. Suas respostas são anônimas e ajudam cada equipe a atender você melhor.',
    pl: 'Pomyśl o swoich kontaktach z każdym działem w ostatnich miesiącach. Twoje odpowiedzi są anonimowe i pomagają każdemu zespołowi lepiej cię obsługiwać.',
    lv: 'Padomājiet par saviem kontaktiem ar katru nodaļu pēdējo mēnešu laikā. Jūsu atbildes ir anonīmas un palīdz katrai komandai jūs apkalpot labāk.',
  },
  questions: [
    scale(
      'isq-reliability',
      { driver: 'Reliability', internalService: true },
      {
        en: '{department} delivers what it promises, on time and right the first time.',
        uk: 'Відділ {department} виконує обіцяне вчасно й правильно з першого разу.',
        nb: '{department} leverer det de lover, til avtalt tid og riktig første gang.',
        pt: 'A equipe de {department} entrega o que promete, no prazo e certo da primeira vez.',
        pl: 'Dział {department} dotrzymuje obietnic: robi wszystko na czas i dobrze za pierwszym razem.',
        lv: '{department} komanda izpilda solīto laikā un pareizi jau pirmajā reizē.',
      },
    ),
    scale(
      'isq-responsiveness',
      { driver: 'Responsiveness', internalService: true },
      {
        en: '{department} responds quickly when I need help.',
        uk: 'Відділ {department} швидко реагує, коли мені потрібна допомога.',
        nb: '{department} svarer raskt når jeg trenger hjelp.',
        pt: 'A equipe de {department} responde rapidamente quando preciso de ajuda.',
        pl: 'Dział {department} szybko reaguje, gdy potrzebuję pomocy.',
        lv: '{department} komanda ātri reaģē, kad man vajadzīga palīdzība.',
      },
    ),
    scale(
      'isq-competence',
      { driver: 'Competence', internalService: true },
      {
        en: 'The people in {department} have the knowledge and skills to handle my requests.',
        uk: 'Працівники відділу {department} мають знання та навички, щоб вирішувати мої запити.',
        nb: 'Medarbeiderne i {department} har kunnskapen og ferdighetene som trengs for å løse henvendelsene mine.',
        pt: 'As pessoas da equipe de {department} têm o conhecimento e as habilidades para resolver minhas solicitações.',
        pl: 'Pracownicy działu {department} mają wiedzę i umiejętności, by skutecznie zająć się moimi sprawami.',
        lv: '{department} komandas darbiniekiem ir zināšanas un prasmes, lai atrisinātu manus jautājumus.',
      },
    ),
    scale(
      'isq-empathy',
      { driver: 'Empathy', internalService: true },
      {
        en: '{department} understands my needs and takes them seriously.',
        uk: 'Відділ {department} розуміє мої потреби й ставиться до них серйозно.',
        nb: '{department} forstår behovene mine og tar dem på alvor.',
        pt: 'A equipe de {department} entende minhas necessidades e as leva a sério.',
        pl: 'Dział {department} rozumie moje potrzeby i traktuje je poważnie.',
        lv: '{department} komanda saprot manas vajadzības un uztver tās nopietni.',
      },
    ),
    scale(
      'isq-tools',
      { driver: 'Tools', internalService: true },
      {
        en: 'The tools, systems and information that {department} provides are easy to use.',
        uk: 'Інструменти, системи та інформація, які надає відділ {department}, зручні у використанні.',
        nb: 'Verktøyene, systemene og informasjonen {department} tilbyr, er enkle å bruke.',
        pt: 'As ferramentas, os sistemas e as informações que a equipe de {department} oferece são fáceis de usar.',
        pl: 'Narzędzia, systemy i informacje, które zapewnia dział {department}, są łatwe w użyciu.',
        lv: 'Rīki, sistēmas un informācija, ko nodrošina {department} komanda, ir ērti lietojami.',
      },
    ),
    nps(
      'isq-nps',
      { internalService: true },
      {
        en: 'How likely are you to recommend {department} to a colleague who needs its help?',
        uk: 'Наскільки ймовірно, що ви порекомендуєте відділ {department} колезі, якому потрібна його допомога?',
        nb: 'Hvor sannsynlig er det at du vil anbefale {department} til en kollega som trenger hjelp fra dem?',
        pt: 'Qual é a probabilidade de você recomendar a equipe de {department} a um colega que precise de ajuda?',
        pl: 'Na ile prawdopodobne jest, że polecisz dział {department} współpracownikowi, który potrzebuje jego pomocy?',
        lv: 'Cik liela ir iespēja, ka jūs ieteiktu {department} komandu kolēģim, kuram vajadzīga tās palīdzība?',
      },
    ),
    comment(
      'isq-comment',
      { internalService: true },
      {
        en: 'What is one thing {department} could do to serve you better?',
        uk: 'Що насамперед відділ {department} міг би зробити, щоб обслуговувати вас краще?',
        nb: 'Hva er én ting {department} kunne gjort for å betjene deg bedre?',
        pt: 'O que a equipe de {department} poderia fazer para atender você melhor?',
        pl: 'Co dział {department} mógłby zrobić, aby lepiej odpowiadać na twoje potrzeby?',
        lv: 'Ko {department} komanda varētu darīt, lai jūs apkalpotu labāk?',
      },
    ),
  ],
  schedule: { cadence: 'quarterly', openDays: 14, reminderDaysBeforeClose: 3 },
});
