import { comment, nps, scale, surveyTemplate } from './build';

// eNPS and the comment are asked every week; the six topic questions rotate two at a time
// (four questions per cycle), so the pulse stays a one-minute survey and each topic still comes
// back every third week. The description promises that period; a test holds it to it.
export const weeklyEngagementPulse = surveyTemplate({
  id: 'weekly-engagement-pulse',
  name: {
    en: 'Weekly engagement pulse',
    uk: 'Щотижневий пульс залученості',
    nb: 'Ukentlig engasjementspuls',
    pt: 'Pulso semanal de engajamento',
    pl: 'Cotygodniowy puls zaangażowania',
    lv: 'Iknedēļas iesaistes pulsa aptauja',
  },
  description: {
    en: 'A one-minute weekly check-in: eNPS and a comment every week, with rotating questions on recognition, workload, tools, manager support, growth and being heard, so each topic comes back every three weeks.',
    uk: 'Щотижнева перевірка на одну хвилину: eNPS і коментар щотижня, а також змінні запитання про визнання, навантаження, інструменти, підтримку керівника, розвиток і те, чи вас чують, — кожна тема повертається раз на три тижні.',
    nb: 'En ukentlig sjekk på ett minutt: eNPS og en kommentar hver uke, pluss roterende spørsmål om anerkjennelse, arbeidsmengde, verktøy, støtte fra leder, utvikling og om man blir hørt, slik at hvert tema kommer tilbake hver tredje uke.',
    pt: 'Um check-in semanal de um minuto: eNPS e um comentário toda semana, além de perguntas rotativas sobre reconhecimento, carga de trabalho, ferramentas, apoio da liderança, desenvolvimento e sentir-se ouvido, para que cada tema volte a cada três semanas.',
    pl: 'Cotygodniowa, minutowa ankieta: eNPS i komentarz co tydzień oraz rotacyjne pytania o docenianie, obciążenie pracą, narzędzia, wsparcie przełożonego, rozwój i poczucie bycia wysłuchanym – każdy temat wraca co trzy tygodnie.',
    lv: 'Iknedēļas vienas minūtes aptauja: eNPS un komentārs katru nedēļu, kā arī mainīgi jautājumi par atzinību, darba slodzi, rīkiem, vadītāja atbalstu, izaugsmi un to, vai darbiniekus uzklausa, – katra tēma atkārtojas ik pēc trim nedēļām.',
  },
  title: {
    en: 'Your weekly pulse',
    uk: 'Ваш щотижневий пульс',
    nb: 'Ukens puls',
    pt: 'Seu pulso semanal',
    pl: 'Twój cotygodniowy puls',
    lv: 'Jūsu nedēļas pulss',
  },
  intro: {
    en: 'A minute to tell us how your week went. Answers are anonymous, and results are shown only for groups large enough to protect you.',
    uk: 'Хвилина, щоб розповісти, як минув ваш тиждень. Відповіді анонімні, а результати показуємо лише для груп, достатньо великих, щоб вас захистити.',
    nb: 'Ett minutt til å fortelle hvordan uken din har vært. Svarene er anonyme, og resultater vises bare for grupper som er store nok til å beskytte deg.',
    pt: 'Um minuto para nos contar como foi a sua semana. As respostas são anônimas, e os resultados só aparecem para grupos grandes o suficiente para proteger você.',
    pl: 'Minuta, by powiedzieć nam, jak minął ci tydzień. Odpowiedzi są anonimowe, a wyniki pokazujemy tylko dla grup na tyle dużych, by chronić twoją anonimowość.',
    lv: 'Minūte, lai pastāstītu, kā pagāja jūsu nedēļa. Atbildes ir anonīmas, un rezultāti tiek rādīti tikai pietiekami lielām grupām, lai jūs aizsargātu.',
  },
  questions: [
    nps(
      'pulse-enps',
      {},
      {
        en: 'How likely are you to recommend this company as a place to work?',
        uk: 'Наскільки ймовірно, що ви порекомендуєте нашу компанію як місце роботи?',
        nb: 'Hvor sannsynlig er det at du vil anbefale bedriften vår som arbeidsplass?',
        pt: 'Qual é a probabilidade de você recomendar esta empresa como um lugar para trabalhar?',
        pl: 'Na ile prawdopodobne jest, że polecisz naszą firmę jako miejsce pracy?',
        lv: 'Cik liela ir iespēja, ka jūs ieteiktu mūsu uzņēmumu kā darbavietu?',
      },
    ),
    scale(
      'pulse-recognition',
      { driver: 'Recognition', core: false },
      {
        en: 'I get recognition when I do good work.',
        uk: 'Коли я добре виконую роботу, це помічають і визнають.',
        nb: 'Jeg får anerkjennelse når jeg gjør en god jobb.',
        pt: 'Recebo reconhecimento quando faço um bom trabalho.',
        pl: 'Gdy dobrze wykonuję swoją pracę, jest to doceniane.',
        lv: 'Kad labi padaru savu darbu, tas tiek novērtēts.',
      },
    ),
    scale(
      'pulse-workload',
      { driver: 'Wellbeing', core: false },
      {
        en: 'This week my workload was manageable.',
        uk: 'Цього тижня моє робоче навантаження було посильним.',
        nb: 'Denne uken var arbeidsmengden min overkommelig.',
        pt: 'Nesta semana, minha carga de trabalho foi adequada.',
        pl: 'W tym tygodniu moje obciążenie pracą było rozsądne.',
        lv: 'Šonedēļ mana darba slodze bija samērīga.',
      },
    ),
    scale(
      'pulse-tools',
      { driver: 'Tools', core: false },
      {
        en: 'I have the tools and resources I need to do my job well.',
        uk: 'У мене є інструменти й ресурси, потрібні, щоб добре виконувати свою роботу.',
        nb: 'Jeg har verktøyene og ressursene jeg trenger for å gjøre en god jobb.',
        pt: 'Tenho as ferramentas e os recursos de que preciso para fazer bem o meu trabalho.',
        pl: 'Mam narzędzia i zasoby potrzebne do dobrego wykonywania pracy.',
        lv: 'Man ir rīki un resursi, kas vajadzīgi, lai labi paveiktu savu darbu.',
      },
    ),
    scale(
      'pulse-manager-support',
      { driver: 'Communication', core: false },
      {
        en: 'My manager gives me the support and information I need.',
        uk: 'Я отримую від керівника потрібну підтримку та інформацію.',
        nb: 'Lederen min gir meg den støtten og informasjonen jeg trenger.',
        pt: 'Recebo da minha liderança o apoio e as informações de que preciso.',
        pl: 'Otrzymuję od przełożonego wsparcie i informacje, których potrzebuję.',
        lv: 'Tiešais vadītājs man sniedz vajadzīgo atbalstu un informāciju.',
      },
    ),
    scale(
      'pulse-growth',
      { driver: 'Growth', core: false },
      {
        en: 'I am learning and growing in my role.',
        uk: 'Я навчаюся й розвиваюся на своїй посаді.',
        nb: 'Jeg lærer og utvikler meg i rollen min.',
        pt: 'Estou aprendendo e me desenvolvendo na minha função.',
        pl: 'Na swoim stanowisku uczę się i rozwijam.',
        lv: 'Savā amatā es mācos un attīstos.',
      },
    ),
    scale(
      'pulse-heard',
      { driver: 'Empathy', core: false },
      {
        en: 'I feel heard when I share my opinion at work.',
        uk: 'Коли я висловлюю свою думку на роботі, мене чують.',
        nb: 'Jeg blir hørt når jeg sier meningen min på jobben.',
        pt: 'Minha opinião é ouvida quando a compartilho no trabalho.',
        pl: 'Gdy wyrażam w pracy swoje zdanie, inni mnie słuchają.',
        lv: 'Kad darbā izsaku savu viedokli, mani uzklausa.',
      },
    ),
    comment(
      'pulse-comment',
      {},
      {
        en: 'Anything else you would like to share about your week?',
        uk: 'Чи хочете ще щось розповісти про свій тиждень?',
        nb: 'Er det noe mer du vil fortelle om uken din?',
        pt: 'Há algo mais que você queira compartilhar sobre a sua semana?',
        pl: 'Czy jest coś jeszcze, czym chcesz się podzielić na temat minionego tygodnia?',
        lv: 'Vai vēlaties vēl ko pastāstīt par savu nedēļu?',
      },
    ),
  ],
  schedule: { cadence: 'weekly', openDays: 3, reminderDaysBeforeClose: 1 },
  maxQuestionsPerCycle: 4,
});
