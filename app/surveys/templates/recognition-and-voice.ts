import { comment, scale, surveyTemplate } from './build';

// Pairs "is my work seen" with "is my voice heard and answered": the follow-up question measures
// whether the loop closes, which is what the "You said, we did" board is meant to move.
export const recognitionAndVoice = surveyTemplate({
  id: 'recognition-and-voice',
  name: {
    en: 'Recognition and voice',
    uk: 'Визнання та право голосу',
    nb: 'Anerkjennelse og medvirkning',
    pt: 'Reconhecimento e voz',
    pl: 'Docenianie i prawo głosu',
    lv: 'Atzinība un uzklausīšana',
  },
  description: {
    en: 'Whether achievements are recognised, ideas are listened to and acted on, managers show empathy, and people get the training they need.',
    uk: 'Чи визнають досягнення, чи прислухаються до ідей і втілюють їх, чи виявляють керівники емпатію та чи отримують люди потрібне навчання.',
    nb: 'Om prestasjoner blir anerkjent, om ideer blir lyttet til og fulgt opp, om lederne viser empati, og om de ansatte får opplæringen de trenger.',
    pt: 'Se as conquistas são reconhecidas, se as ideias são ouvidas e colocadas em prática, se as lideranças demonstram empatia e se as pessoas recebem o treinamento de que precisam.',
    pl: 'Czy osiągnięcia są doceniane, czy pomysły są wysłuchiwane i wdrażane, czy przełożeni okazują empatię i czy ludzie dostają potrzebne szkolenia.',
    lv: 'Vai sasniegumi tiek novērtēti, vai idejas tiek uzklausītas un īstenotas, vai vadītāji izrāda empātiju un vai darbinieki saņem vajadzīgās mācības.',
  },
  title: {
    en: 'Recognition and your voice',
    uk: 'Визнання і ваш голос',
    nb: 'Anerkjennelse og stemmen din',
    pt: 'Reconhecimento e a sua voz',
    pl: 'Docenianie i twój głos',
    lv: 'Atzinība un jūsu balss',
  },
  intro: {
    en: 'Tell us whether your work is seen and your ideas are heard. Your answers are anonymous.',
    uk: 'Розкажіть, чи помічають вашу роботу й чи чують ваші ідеї. Ваші відповіді анонімні.',
    nb: 'Fortell oss om innsatsen din blir sett og ideene dine blir hørt. Svarene dine er anonyme.',
    pt: 'Conte-nos se o seu trabalho é notado e se as suas ideias são ouvidas. Suas respostas são anônimas.',
    pl: 'Powiedz nam, czy twoja praca jest zauważana, a twoje pomysły wysłuchiwane. Twoje odpowiedzi są anonimowe.',
    lv: 'Pastāstiet, vai jūsu darbs tiek pamanīts un jūsu idejas uzklausītas. Jūsu atbildes ir anonīmas.',
  },
  questions: [
    scale(
      'rv-achievements',
      { driver: 'Recognition' },
      {
        en: 'My achievements at work are recognised.',
        uk: 'Мої досягнення на роботі визнають.',
        nb: 'Prestasjonene mine på jobben blir anerkjent.',
        pt: 'Minhas conquistas no trabalho são reconhecidas.',
        pl: 'Moje osiągnięcia w pracy są doceniane.',
        lv: 'Mani sasniegumi darbā tiek novērtēti.',
      },
    ),
    scale(
      'rv-fair-recognition',
      { driver: 'Recognition' },
      {
        en: 'Recognition here is fair: it goes to the people who earned it.',
        uk: 'Визнання тут справедливе: його отримують ті, хто на нього заслуговує.',
        nb: 'Anerkjennelsen her er rettferdig: den går til dem som har fortjent den.',
        pt: 'Aqui o reconhecimento é justo: vai para quem realmente o merece.',
        pl: 'Docenianie jest u nas sprawiedliwe: trafia do osób, które na nie zasłużyły.',
        lv: 'Atzinība šeit ir taisnīga: to saņem tie, kas to ir pelnījuši.',
      },
    ),
    scale(
      'rv-ideas',
      { driver: 'Communication' },
      {
        en: 'My ideas and suggestions are listened to.',
        uk: 'До моїх ідей і пропозицій прислухаються.',
        nb: 'Ideene og forslagene mine blir lyttet til.',
        pt: 'Minhas ideias e sugestões são ouvidas.',
        pl: 'Moje pomysły i sugestie są wysłuchiwane.',
        lv: 'Manas idejas un ierosinājumi tiek uzklausīti.',
      },
    ),
    scale(
      'rv-follow-up',
      { driver: 'Communication' },
      {
        en: 'When I raise an idea or concern, I hear back about what happened to it.',
        uk: 'Коли я пропоную ідею чи висловлюю занепокоєння, мені повідомляють, що з цього вийшло.',
        nb: 'Når jeg tar opp en idé eller en bekymring, får jeg vite hva som skjedde med den.',
        pt: 'Quando apresento uma ideia ou preocupação, recebo um retorno sobre o que aconteceu com ela.',
        pl: 'Gdy zgłaszam pomysł lub problem, dowiaduję się, co się z nim stało.',
        lv: 'Kad ierosinu kādu ideju vai paužu bažas, man dara zināmu, kas ar tām notika.',
      },
    ),
    scale(
      'rv-speak-up',
      { driver: 'Communication' },
      {
        en: 'I feel safe to speak up, even when I disagree.',
        uk: 'Я можу спокійно висловлювати свою думку, навіть якщо вона відрізняється від думки інших.',
        nb: 'Jeg føler meg trygg på å si fra, også når jeg er uenig.',
        pt: 'Eu me sinto à vontade para dar a minha opinião, mesmo quando discordo.',
        pl: 'Mogę bezpiecznie zabierać głos, nawet gdy się z czymś nie zgadzam.',
        lv: 'Es droši varu izteikties, arī tad, ja nepiekrītu.',
      },
    ),
    scale(
      'rv-empathy',
      { driver: 'Empathy' },
      {
        en: 'My manager shows genuine care for me as a person.',
        uk: 'Мій керівник щиро дбає про мене як про людину.',
        nb: 'Lederen min bryr seg oppriktig om meg som person.',
        pt: 'Minha liderança demonstra um cuidado genuíno comigo como pessoa.',
        pl: 'Mój przełożony szczerze troszczy się o mnie jako o człowieka.',
        lv: 'Mans vadītājs patiesi rūpējas par mani kā cilvēku.',
      },
    ),
    scale(
      'rv-training',
      { driver: 'Growth' },
      {
        en: 'I get the training I need to do my job well.',
        uk: 'Я отримую навчання, яке потрібне, щоб добре виконувати свою роботу.',
        nb: 'Jeg får opplæringen jeg trenger for å gjøre en god jobb.',
        pt: 'Recebo o treinamento de que preciso para fazer bem o meu trabalho.',
        pl: 'Dostaję szkolenia, których potrzebuję, aby dobrze wykonywać swoją pracę.',
        lv: 'Es saņemu mācības, kas man vajadzīgas, lai labi veiktu savu darbu.',
      },
    ),
    comment(
      'rv-comment',
      {},
      {
        en: 'Is there an achievement or idea – yours or a colleague’s – that deserves more attention?',
        uk: 'Чи є досягнення або ідея — ваша чи колеги, — що заслуговує на більшу увагу?',
        nb: 'Er det en prestasjon eller idé – din eller en kollegas – som fortjener mer oppmerksomhet?',
        pt: 'Há alguma conquista ou ideia – sua ou de um colega – que mereça mais atenção?',
        pl: 'Czy jest jakieś osiągnięcie lub pomysł – twój albo kogoś z zespołu – który zasługuje na więcej uwagi?',
        lv: 'Vai ir kāds sasniegums vai ideja – jūsu vai kolēģa –, kam pienāktos lielāka uzmanība?',
      },
    ),
  ],
  schedule: { cadence: 'monthly', openDays: 7, reminderDaysBeforeClose: 2 },
});
