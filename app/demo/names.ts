import type { LanguageCode } from '../../models/vocabulary';

// Names for the demo organisation, by the language their bearers prefer. Latvian surnames take
// a different ending for women, so every surname is given as [for men, for women].

interface NamePool {
  men: string[];
  women: string[];
  surnames: [string, string][];
}

const words = (names: string) => names.split(' ');
const same = (names: string[]): [string, string][] => names.map((name) => [name, name]);

export const namePools: Record<LanguageCode, NamePool> = {
  nb: {
    men: words('Lars Ole Håkon Eirik Magnus Jørgen Øystein Bjørn Sindre Torbjørn Knut Even'),
    women: words('Ingrid Kari Solveig Sigrid Ragnhild Astrid Liv Marit Silje Hanne Tuva Ane'),
    surnames: same(
      words(
        'Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Berg Haugen Hagen Bakken Lie Strand Dahl Løken Aasen Sæther Ødegård Solheim',
      ),
    ),
  },
  en: {
    men: words('Oliver Harry George Jack Noah Thomas William Daniel Samuel Ethan'),
    women: words('Amelia Isla Ava Emily Grace Sophie Chloe Lucy Hannah Ella'),
    surnames: same(
      words(
        'Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker Roberts Green Hall Clarke Hughes',
      ),
    ),
  },
  uk: {
    men: words('Oleksandr Andrii Dmytro Serhii Mykola Volodymyr Taras Bohdan Ivan Maksym'),
    women: words('Olena Iryna Nataliia Oksana Tetiana Yuliia Kateryna Anastasiia Sofiia Viktoriia'),
    surnames: same(
      words(
        'Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Boiko Koval Oliinyk Lysenko Moroz Savchenko Rudenko Marchenko Petrenko Hnatiuk',
      ),
    ),
  },
  pt: {
    men: words('João Pedro Tiago Rui Miguel Gonçalo Diogo André Ricardo Luís'),
    women: words('Maria Ana Inês Beatriz Mariana Leonor Carolina Sofia Catarina Joana'),
    surnames: same(
      words(
        'Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes Gonçalves Gomes Lopes Marques Ribeiro Carvalho',
      ),
    ),
  },
  pl: {
    men: words('Piotr Krzysztof Tomasz Paweł Michał Łukasz Marcin Grzegorz Jakub Wojciech'),
    women: words(
      'Anna Katarzyna Małgorzata Agnieszka Magdalena Joanna Ewa Aleksandra Zofia Dorota',
    ),
    // Surnames that do not change with gender, so every pairing is a real-looking name.
    surnames: same(
      words(
        'Nowak Wójcik Kowalczyk Woźniak Mazur Krawczyk Kaczmarek Zając Pawlak Michalak Król Wieczorek Wróbel Adamczyk Dudek Sikora',
      ),
    ),
  },
  lv: {
    men: words('Jānis Andris Mārtiņš Kārlis Edgars Raivis Artūrs Valdis Gints Roberts'),
    women: words('Līga Ilze Inese Kristīne Laura Dace Zane Elīna Agnese Anete'),
    surnames: [
      ['Bērziņš', 'Bērziņa'],
      ['Kalniņš', 'Kalniņa'],
      ['Ozoliņš', 'Ozoliņa'],
      ['Jansons', 'Jansone'],
      ['Liepiņš', 'Liepiņa'],
      ['Krūmiņš', 'Krūmiņa'],
      ['Balodis', 'Balode'],
      ['Eglītis', 'Eglīte'],
      ['Zariņš', 'Zariņa'],
      ['Vītols', 'Vītola'],
      ['Kļaviņš', 'Kļaviņa'],
    ],
  },
};

/** How the demo staff spread over languages: a Norwegian company with an international crew. */
export const languageWeights: [LanguageCode, number][] = [
  ['nb', 36],
  ['en', 16],
  ['pl', 16],
  ['uk', 13],
  ['pt', 11],
  ['lv', 8],
];

/** `jorgen.lokken` from `Jørgen Løkken`: the part of an email address before the @. */
export function emailLocalPart(name: string): string {
  return name
    .replace(/[Øø]/g, 'o')
    .replace(/[Ææ]/g, 'ae')
    .replace(/[Łł]/g, 'l')
    .normalize('NFD')
    .replace(/\p{Mark}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
