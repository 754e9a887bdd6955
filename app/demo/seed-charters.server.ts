import { CharterModel } from '../../models/charter.server';
import { SurveyModel } from '../../models/survey.server';
import type { LanguageCode } from '../../models/vocabulary';
import type { DemoContext } from './seed.server';

// The demo's service charters: IT, HR and Finance each promise a few standards on the weekly
// internal-service pulse, published so the boards of the departments they serve show them. The
// targets sit around the demo's ratings, so the readings show standards met and not met, and the
// smallest customer's cycles that suppression withholds show as not measured. Idempotent: a
// department that already has a charter keeps it.

type Texts = Record<LanguageCode, string>;

interface DemoStandard {
  key: string;
  text: Texts;
  driver?: string;
  /** An internal-service question of the weekly pulse. */
  questionId?: string;
  target: number;
}

const answersWithinADay: Texts = {
  en: 'We answer every request within one working day.',
  uk: 'Ми відповідаємо на кожен запит протягом одного робочого дня.',
  nb: 'Vi svarer på alle henvendelser innen én arbeidsdag.',
  pt: 'Respondemos a cada pedido em até um dia útil.',
  pl: 'Odpowiadamy na każde zgłoszenie w ciągu jednego dnia roboczego.',
  lv: 'Mēs atbildam uz katru pieprasījumu vienas darba dienas laikā.',
};

const rightFirstTime: Texts = {
  en: 'What we deliver works the first time.',
  uk: 'Те, що ми робимо, працює з першого разу.',
  nb: 'Det vi leverer, fungerer første gang.',
  pt: 'O que entregamos funciona da primeira vez.',
  pl: 'To, co dostarczamy, działa za pierwszym razem.',
  lv: 'Tas, ko mēs piegādājam, darbojas jau pirmajā reizē.',
};

const worthRecommending: Texts = {
  en: 'Colleagues would recommend us to a new starter.',
  uk: 'Колеги порадили б нас новому працівникові.',
  nb: 'Kollegene ville anbefalt oss til en nyansatt.',
  pt: 'Os colegas recomendariam a nossa equipe a quem acaba de chegar.',
  pl: 'Współpracownicy poleciliby nas nowej osobie w firmie.',
  lv: 'Kolēģi mūs ieteiktu jaunam darbiniekam.',
};

const knowsTheAnswer: Texts = {
  en: 'The person who helps you knows the answer or finds it.',
  uk: 'Людина, яка вам допомагає, знає відповідь або знаходить її.',
  nb: 'Den som hjelper deg, kan svaret eller finner det.',
  pt: 'Quem ajuda você sabe a resposta ou a encontra.',
  pl: 'Osoba, która ci pomaga, zna odpowiedź albo ją znajdzie.',
  lv: 'Cilvēks, kas jums palīdz, zina atbildi vai to atrod.',
};

const demoCharters: Record<string, DemoStandard[]> = {
  IT: [
    { key: 'it-answers', text: answersWithinADay, driver: 'Responsiveness', target: 4 },
    { key: 'it-first-time', text: rightFirstTime, driver: 'Reliability', target: 3.6 },
    { key: 'it-recommend', text: worthRecommending, questionId: 'isq-nps', target: 10 },
  ],
  HR: [
    { key: 'hr-answers', text: answersWithinADay, driver: 'Responsiveness', target: 3.8 },
    { key: 'hr-knows', text: knowsTheAnswer, driver: 'Competence', target: 3.9 },
  ],
  Finance: [
    { key: 'finance-first-time', text: rightFirstTime, driver: 'Reliability', target: 3.7 },
    { key: 'finance-answers', text: answersWithinADay, driver: 'Responsiveness', target: 4.2 },
  ],
};

export async function seedCharters(context: DemoContext): Promise<void> {
  const weekly = await SurveyModel.findOne(
    { templateId: 'internal-service-quality' },
    { questions: 1 },
  ).lean();
  const questionIds = new Set(weekly?.questions.map((question) => question.id) ?? []);
  for (const [name, standards] of Object.entries(demoCharters)) {
    const departmentId = context.departmentIds.get(name);
    if (!departmentId || (await CharterModel.exists({ departmentId }))) continue;
    await CharterModel.create({
      departmentId,
      published: true,
      standards: standards.flatMap((standard) => {
        if (standard.questionId && (!weekly || !questionIds.has(standard.questionId))) return [];
        return [
          {
            key: standard.key,
            text: standard.text,
            measure: standard.questionId
              ? { driver: null, surveyId: weekly?._id, questionId: standard.questionId }
              : { driver: standard.driver, surveyId: null, questionId: null },
            target: standard.target,
          },
        ];
      }),
    });
  }
}
