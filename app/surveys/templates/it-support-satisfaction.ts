import { comment, otherChoice, scale, singleChoice, surveyTemplate } from './build';

// Plain questions about one named service rather than internal-service questions: an
// organisation has one IT support, and "IT" reads naturally in every language. To rate IT beside
// other departments in the internal-customer matrix, use the internal service quality template.
export const itSupportSatisfaction = surveyTemplate({
  id: 'it-support-satisfaction',
  name: {
    en: 'IT support satisfaction',
    uk: 'Задоволеність ІТ-підтримкою',
    nb: 'Tilfredshet med IT-brukerstøtten',
    pt: 'Satisfação com o suporte de TI',
    pl: 'Satysfakcja ze wsparcia IT',
    lv: 'Apmierinātība ar IT atbalstu',
  },
  description: {
    en: 'How people reach IT support, and how quickly, competently and clearly their requests are handled.',
    uk: 'Як працівники звертаються до ІТ-підтримки та наскільки швидко, компетентно й зрозуміло опрацьовують їхні запити.',
    nb: 'Hvordan de ansatte kontakter IT-brukerstøtten, og hvor raskt, kompetent og tydelig henvendelsene deres blir håndtert.',
    pt: 'Como as pessoas entram em contato com o suporte de TI e com que rapidez, competência e clareza suas solicitações são atendidas.',
    pl: 'Jak pracownicy kontaktują się ze wsparciem IT i jak szybko, kompetentnie i zrozumiale obsługiwane są ich zgłoszenia.',
    lv: 'Kā darbinieki sazinās ar IT atbalstu un cik ātri, kompetenti un skaidri tiek apstrādāti viņu pieprasījumi.',
  },
  title: {
    en: 'Your experience with IT support',
    uk: 'Ваш досвід роботи з ІТ-підтримкою',
    nb: 'Erfaringen din med IT-brukerstøtten',
    pt: 'Sua experiência com o suporte de TI',
    pl: 'Twoje doświadczenia ze wsparciem IT',
    lv: 'Jūsu pieredze ar IT atbalstu',
  },
  intro: {
    en: 'Think about the last few times you asked IT for help. Your answers are anonymous and go straight into improving the service.',
    uk: 'Згадайте, як ви останнім часом зверталися до ІТ по допомогу. Ваші відповіді анонімні й допоможуть покращити підтримку.',
    nb: 'Tenk på de siste gangene du ba IT om hjelp. Svarene dine er anonyme og brukes til å gjøre tjenesten bedre.',
    pt: 'Pense nas últimas vezes em que você pediu ajuda à TI. Suas respostas são anônimas e servem para melhorar o atendimento.',
    pl: 'Pomyśl o kilku ostatnich zgłoszeniach do IT. Twoje odpowiedzi są anonimowe i posłużą do poprawy wsparcia.',
    lv: 'Padomājiet par pēdējām reizēm, kad lūdzāt IT palīdzību. Jūsu atbildes ir anonīmas un palīdzēs uzlabot atbalstu.',
  },
  questions: [
    singleChoice(
      'it-contact-channel',
      {},
      {
        en: 'How do you usually contact IT support?',
        uk: 'Як ви зазвичай звертаєтеся до ІТ-підтримки?',
        nb: 'Hvordan kontakter du vanligvis IT-brukerstøtten?',
        pt: 'Como você costuma entrar em contato com o suporte de TI?',
        pl: 'Jak zwykle kontaktujesz się ze wsparciem IT?',
        lv: 'Kā jūs parasti sazināties ar IT atbalstu?',
      },
      [
        {
          id: 'portal',
          label: {
            en: 'Self-service portal or ticket',
            uk: 'Портал самообслуговування або заявка',
            nb: 'Selvbetjeningsportal eller registrert sak',
            pt: 'Portal de autoatendimento ou chamado',
            pl: 'Portal samoobsługowy lub zgłoszenie',
            lv: 'Pašapkalpošanās portāls vai pieteikums',
          },
        },
        {
          id: 'email',
          label: {
            en: 'Email',
            uk: 'Електронна пошта',
            nb: 'E-post',
            pt: 'E-mail',
            pl: 'E-mail',
            lv: 'E-pasts',
          },
        },
        {
          id: 'chat',
          label: {
            en: 'Chat or instant message',
            uk: 'Чат або месенджер',
            nb: 'Chat eller direktemelding',
            pt: 'Chat ou mensagem instantânea',
            pl: 'Czat lub komunikator',
            lv: 'Tērzēšana vai tūlītējā ziņojumapmaiņa',
          },
        },
        {
          id: 'phone',
          label: {
            en: 'Phone',
            uk: 'Телефон',
            nb: 'Telefon',
            pt: 'Telefone',
            pl: 'Telefon',
            lv: 'Tālrunis',
          },
        },
        {
          id: 'in-person',
          label: {
            en: 'In person',
            uk: 'Особисто',
            nb: 'Personlig oppmøte',
            pt: 'Pessoalmente',
            pl: 'Osobiście',
            lv: 'Klātienē',
          },
        },
        otherChoice,
      ],
    ),
    scale(
      'it-speed',
      { driver: 'Responsiveness' },
      {
        en: 'IT support responds to my requests quickly.',
        uk: 'ІТ-підтримка швидко реагує на мої запити.',
        nb: 'IT-brukerstøtten svarer raskt på henvendelsene mine.',
        pt: 'O suporte de TI responde rapidamente às minhas solicitações.',
        pl: 'Wsparcie IT szybko reaguje na moje zgłoszenia.',
        lv: 'IT atbalsts ātri reaģē uz maniem pieprasījumiem.',
      },
    ),
    scale(
      'it-resolved',
      { driver: 'Reliability' },
      {
        en: 'My problems are solved properly, so they do not come back.',
        uk: 'Мої проблеми вирішують як слід, тож вони не повертаються.',
        nb: 'Problemene mine blir løst skikkelig, så de ikke dukker opp igjen.',
        pt: 'Meus problemas são resolvidos de verdade e não voltam a acontecer.',
        pl: 'Moje problemy są rozwiązywane skutecznie, więc nie wracają.',
        lv: 'Manas problēmas tiek atrisinātas pamatīgi, un tās neatkārtojas.',
      },
    ),
    scale(
      'it-competence',
      { driver: 'Competence' },
      {
        en: 'The IT staff understand my problem and know how to fix it.',
        uk: 'Фахівці ІТ розуміють мою проблему й знають, як її вирішити.',
        nb: 'IT-medarbeiderne forstår problemet mitt og vet hvordan det skal løses.',
        pt: 'A equipe de TI entende o meu problema e sabe como resolvê-lo.',
        pl: 'Pracownicy IT rozumieją mój problem i wiedzą, jak go rozwiązać.',
        lv: 'IT speciālisti saprot manu problēmu un zina, kā to novērst.',
      },
    ),
    scale(
      'it-communication',
      { driver: 'Communication' },
      {
        en: 'IT keeps me informed about the progress of my request, in words I understand.',
        uk: 'ІТ-підтримка інформує мене про хід мого запиту зрозумілою мовою.',
        nb: 'IT holder meg oppdatert på hvordan det går med saken min, på en måte jeg forstår.',
        pt: 'A TI me informa sobre o andamento da minha solicitação em uma linguagem que eu entendo.',
        pl: 'Dział IT na bieżąco i zrozumiałym językiem informuje mnie o postępach w moim zgłoszeniu.',
        lv: 'IT atbalsts mani informē par mana pieprasījuma gaitu man saprotamā valodā.',
      },
    ),
    scale(
      'it-tools',
      { driver: 'Tools' },
      {
        en: 'My computer, software and accounts let me work without interruptions.',
        uk: 'Мій комп’ютер, програми й облікові записи дають змогу працювати без перебоїв.',
        nb: 'Datamaskinen, programvaren og tilgangene mine lar meg jobbe uten avbrudd.',
        pt: 'Meu computador, meus programas e minhas contas me permitem trabalhar sem interrupções.',
        pl: 'Mój komputer, oprogramowanie i konta pozwalają mi pracować bez przestojów.',
        lv: 'Mans dators, programmatūra un konti ļauj man strādāt bez pārtraukumiem.',
      },
    ),
    scale(
      'it-overall',
      {},
      {
        en: 'Overall, I am satisfied with the IT support I get.',
        uk: 'Загалом мене задовольняє ІТ-підтримка, яку я отримую.',
        nb: 'Alt i alt er jeg fornøyd med IT-støtten jeg får.',
        pt: 'No geral, o suporte de TI que recebo é satisfatório.',
        pl: 'Ogólnie rzecz biorąc, wsparcie IT, które otrzymuję, jest satysfakcjonujące.',
        lv: 'Kopumā IT atbalsts, ko saņemu, mani apmierina.',
      },
    ),
    comment(
      'it-comment',
      {},
      {
        en: 'What would make IT support better for you?',
        uk: 'Що зробило б ІТ-підтримку кращою для вас?',
        nb: 'Hva ville gjort IT-brukerstøtten bedre for deg?',
        pt: 'O que tornaria o suporte de TI melhor para você?',
        pl: 'Co twoim zdaniem poprawiłoby wsparcie IT?',
        lv: 'Kas, jūsuprāt, uzlabotu IT atbalstu?',
      },
    ),
  ],
  schedule: { cadence: 'quarterly', openDays: 10, reminderDaysBeforeClose: 3 },
});
