import type { Language } from '../people/schemas';

// The e-mail that invites someone newly given a staff role to choose a password, in their
// language. Like the survey invitation (app/surveys/invite-mail.ts), a table of sentences per
// language; role names are quoted as labels, so no sentence agrees with the reader's gender.

export type StaffRole = 'leader' | 'hrAdmin';

interface InvitationWords {
  subject: string;
  greeting: (name: string) => string;
  given: (roles: string[]) => string;
  roles: Record<StaffRole, string>;
  choose: string;
  button: string;
  after: (loginUrl: string) => string;
  ignore: string;
}

const words: Record<Language, InvitationWords> = {
  en: {
    subject: 'Your Innerloop staff account',
    greeting: (name) => `Hello ${name},`,
    given: (roles) =>
      `You have been given the ${roles.join(' and ')} ${roles.length > 1 ? 'roles' : 'role'} in Innerloop, where your organisation runs its employee pulse surveys and reads their results.`,
    roles: { leader: 'leader', hrAdmin: 'HR admin' },
    choose: 'To sign in, first choose your password with this link. It works once, within 7 days:',
    button: 'Choose your password',
    after: (loginUrl) => `Afterwards, sign in at ${loginUrl} with this e-mail address.`,
    ignore:
      'If you did not expect this e-mail, you can ignore it: nothing happens until you choose a password.',
  },
  uk: {
    subject: 'Ваш службовий обліковий запис в Innerloop',
    greeting: (name) => `Вітаємо, ${name}!`,
    given: (roles) =>
      `Вам надано ${roles.length > 1 ? 'ролі' : 'роль'} ${roles.map((role) => `«${role}»`).join(' та ')} в Innerloop — системі, у якій ваша організація проводить пульс-опитування працівників і переглядає їхні результати.`,
    roles: { leader: 'Керівник', hrAdmin: 'Адміністратор HR' },
    choose:
      'Щоб увійти, спершу встановіть пароль за цим посиланням. Воно спрацює один раз протягом 7 днів:',
    button: 'Встановити пароль',
    after: (loginUrl) => `Після цього входьте на ${loginUrl} з цією адресою електронної пошти.`,
    ignore:
      'Якщо ви не очікували цього листа, просто проігноруйте його: нічого не зміниться, доки ви не встановите пароль.',
  },
  nb: {
    subject: 'Din konto i Innerloop',
    greeting: (name) => `Hei, ${name}!`,
    given: (roles) =>
      `Du har fått ${roles.length > 1 ? 'rollene' : 'rollen'} ${roles.map((role) => `«${role}»`).join(' og ')} i Innerloop, der organisasjonen din gjennomfører pulsundersøkelser blant de ansatte og leser resultatene.`,
    roles: { leader: 'leder', hrAdmin: 'HR-administrator' },
    choose:
      'For å logge inn må du først velge et passord med denne lenken. Den virker én gang, innen 7 dager:',
    button: 'Velg passord',
    after: (loginUrl) => `Deretter logger du inn på ${loginUrl} med denne e-postadressen.`,
    ignore:
      'Hvis du ikke ventet denne e-posten, kan du se bort fra den: ingenting skjer før du velger et passord.',
  },
  pt: {
    subject: 'O seu acesso ao Innerloop',
    greeting: (name) => `Olá, ${name}!`,
    given: (roles) =>
      `${roles.length > 1 ? 'Foram-lhe atribuídas as funções' : 'Foi-lhe atribuída a função'} ${roles.map((role) => `«${role}»`).join(' e ')} no Innerloop, onde a sua organização realiza os inquéritos de pulso aos colaboradores e consulta os resultados.`,
    roles: { leader: 'Liderança', hrAdmin: 'Administração de RH' },
    choose:
      'Para entrar, escolha primeiro a sua palavra-passe com esta ligação. Funciona uma vez, no prazo de 7 dias:',
    button: 'Escolher a palavra-passe',
    after: (loginUrl) => `Depois, entre em ${loginUrl} com este endereço de e-mail.`,
    ignore:
      'Se não esperava este e-mail, pode ignorá-lo: nada acontece até escolher uma palavra-passe.',
  },
  pl: {
    subject: 'Twoje konto w Innerloop',
    greeting: (name) => `Dzień dobry, ${name}!`,
    given: (roles) =>
      `W Innerloop przyznano Ci ${roles.length > 1 ? 'role' : 'rolę'} ${roles.map((role) => `„${role}”`).join(' i ')}. W tym systemie Twoja organizacja prowadzi ankiety pulsowe wśród pracowników i przegląda ich wyniki.`,
    roles: { leader: 'Lider', hrAdmin: 'Administrator HR' },
    choose:
      'Aby się zalogować, najpierw ustaw hasło, korzystając z tego linku. Działa jeden raz, przez 7 dni:',
    button: 'Ustaw hasło',
    after: (loginUrl) => `Następnie loguj się na ${loginUrl}, podając ten adres e-mail.`,
    ignore:
      'Jeśli nie spodziewasz się tej wiadomości, zignoruj ją: nic się nie zmieni, dopóki nie ustawisz hasła.',
  },
  lv: {
    subject: 'Jūsu Innerloop konts',
    greeting: (name) => `Labdien, ${name}!`,
    given: (roles) =>
      `Jums Innerloop ir ${roles.length > 1 ? 'piešķirtas lomas' : 'piešķirta loma'} ${roles.map((role) => `“${role}”`).join(' un ')}. Šajā sistēmā jūsu organizācija rīko darbinieku pulsa aptaujas un skatās to rezultātus.`,
    roles: { leader: 'Vadība', hrAdmin: 'Personāla administrēšana' },
    choose:
      'Lai pieteiktos, vispirms izvēlieties paroli, izmantojot šo saiti. Tā darbojas vienu reizi 7 dienu laikā:',
    button: 'Izvēlēties paroli',
    after: (loginUrl) => `Pēc tam piesakieties ${loginUrl} ar šo e-pasta adresi.`,
    ignore:
      'Ja negaidījāt šo e-pastu, varat to ignorēt: nekas nenotiks, kamēr neizvēlēsieties paroli.',
  },
};

export function staffInvitationMail({
  language,
  name,
  roles,
  link,
  loginUrl,
}: {
  language: Language;
  name: string;
  roles: StaffRole[];
  link: string;
  loginUrl: string;
}): { subject: string; text: string; html: string } {
  const w = words[language];
  const given = w.given(roles.map((role) => w.roles[role]));
  return {
    subject: w.subject,
    text: [
      w.greeting(name),
      '',
      given,
      '',
      w.choose,
      '',
      link,
      '',
      w.after(loginUrl),
      '',
      w.ignore,
    ].join('\n'),
    html: [
      `<p>${escapeHtml(w.greeting(name))}</p>`,
      `<p>${escapeHtml(given)}</p>`,
      `<p>${escapeHtml(w.choose)}</p>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(w.button)}</a></p>`,
      `<p>${escapeHtml(w.after(loginUrl))}</p>`,
      `<p>${escapeHtml(w.ignore)}</p>`,
    ].join('\n'),
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
      character,
  );
}
