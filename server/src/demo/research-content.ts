import type { AnswerValue } from '../modules/research/item-rules.ts';
import type { ItemCreate } from '../modules/research/wave-schema.ts';
import type { Random } from './random.ts';

// What the demo study (research.ts) says: its questionnaire, the two external participants, the
// answers' tendencies per wave, the interviews and the codebook. Fictional; no transcript names a
// person.

export const STUDY_DESCRIPTION =
  'Tienjarige follow-up van bewoners die zich dragend inzetten voor hun buurt: hoe ervaren zij de steun van instellingen, de samenwerking en het beleid in 2016 en in 2026?';

export const EXTERNALS = [
  { name: 'Gerda Hoekstra', email: 'gerda.hoekstra@demo.wijkdragers.nl' },
  { name: 'Rachid Ouali', email: 'rachid.ouali@demo.wijkdragers.nl' },
] as const;

const agree = {
  points: 5,
  anchorsNl: ['helemaal oneens', 'helemaal eens'] as [string, string],
  anchorsEn: ['strongly disagree', 'strongly agree'] as [string, string],
};

export const ITEMS = [
  {
    code: 'steun_instellingen',
    kind: 'likert',
    promptNl:
      'Ik voel mij gesteund door instellingen in de wijk (welzijnswerk, gemeente, woningcorporatie).',
    promptEn: 'I feel supported by institutions in the neighbourhood.',
    required: true,
    options: agree,
  },
  {
    code: 'samenwerking',
    kind: 'likert',
    promptNl: 'Ik werk goed samen met andere bewoners en organisaties in de buurt.',
    promptEn: 'I work well with other residents and organisations in the neighbourhood.',
    required: true,
    options: agree,
  },
  {
    code: 'belemmering_beleid',
    kind: 'likert',
    promptNl: 'Regels en beleid van de gemeente belemmeren mijn inzet.',
    promptEn: 'Municipal rules and policy hinder my efforts.',
    required: true,
    options: agree,
  },
  {
    code: 'rol',
    kind: 'single',
    promptNl: 'In welke rol zet u zich vooral in?',
    promptEn: 'In which role are you mostly active?',
    options: {
      choices: [
        { value: 'vrijwilliger', labelNl: 'Als vrijwilliger', labelEn: 'As a volunteer' },
        { value: 'beroeps', labelNl: 'Als beroepskracht', labelEn: 'As a professional' },
        { value: 'beide', labelNl: 'Allebei', labelEn: 'Both' },
      ],
    },
  },
  {
    code: 'uren_per_week',
    kind: 'number',
    promptNl: 'Hoeveel uur per week besteedt u gemiddeld aan uw inzet voor de buurt?',
    promptEn: 'How many hours a week do you spend on the neighbourhood, on average?',
    options: { min: 0, max: 80, integer: true },
  },
  {
    code: 'toelichting',
    kind: 'text',
    promptNl: 'Wat zou uw inzet voor de buurt makkelijker maken?',
    promptEn: 'What would make your work for the neighbourhood easier?',
    options: { maxLength: 2000 },
  },
] as const satisfies readonly ItemCreate[];

export type Answers = Record<string, AnswerValue>;

const wishes: readonly (readonly string[])[] = [
  [
    'Eén vast aanspreekpunt bij de gemeente.',
    'Minder formulieren voor een kleine subsidie.',
    'Een ruimte waar we gratis terecht kunnen.',
    'Meer jonge vrijwilligers die willen helpen.',
    'Dat het welzijnswerk ons vaker om raad vraagt.',
  ],
  [
    'Minder regels rond de VOG voor elke vrijwilliger.',
    'Dat de wijkcoach blijft; zij kent ons.',
    'Een vergoeding voor de onkosten die we maken.',
    'Meer tijd: ik doe dit nu tien jaar en ben moe.',
    'Samen met de school en het buurthuis één agenda.',
  ],
];

/** One participant's answers in a wave (0: 2016, 1: 2026): support and cooperation grow, and so
 * does the weight of rules. Null: left empty. */
export function answerRow(random: Random, wave: 0 | 1, participant: number): Answers {
  const later = wave === 1;
  return {
    steun_instellingen: later ? random.int(3, 5) : random.int(1, 3),
    samenwerking: later ? random.int(3, 5) : random.int(2, 4),
    belemmering_beleid: later ? random.int(3, 5) : random.int(2, 3),
    rol: random.pick(
      participant >= 8 ? ['beroeps', 'beide'] : ['vrijwilliger', 'vrijwilliger', 'beide'],
    ),
    uren_per_week: random.chance(0.15) ? null : later ? random.int(4, 20) : random.int(2, 12),
    toelichting: random.chance(0.25) ? null : random.pick(wishes[wave]!),
  };
}

export const CODES: { name: string; definition: string; parent?: string }[] = [
  {
    name: 'Samenwerking',
    definition: 'Samen optrekken met bewoners, organisaties of instellingen.',
  },
  {
    name: 'Steun van instellingen',
    definition: 'Hulp, geld, ruimte of aandacht van welzijnswerk, gemeente of corporatie.',
  },
  {
    name: 'Erkenning door de gemeente',
    definition: 'De gemeente laat zien dat zij de inzet ziet en waardeert.',
    parent: 'Steun van instellingen',
  },
  {
    name: 'Belemmering door beleid',
    definition: 'Regels, formulieren of voorwaarden die de inzet afremmen.',
  },
  { name: 'Overbelasting', definition: 'Te veel werk op te weinig schouders; vermoeidheid.' },
];

export const INTERVIEWS = [
  {
    heldOn: '2016-03-10',
    title: 'Interview 2016: begin van de buurtmaaltijd',
    transcript: [
      'I: Hoe lang zet u zich al in voor de buurt?',
      'R: Sinds 2009. Ik begon met de buurtmaaltijd in het wijkcentrum en nu organiseer ik ook de klusjesdienst.',
      'I: Hoe ervaart u de steun van instellingen?',
      'R: Wisselend. Het welzijnswerk denkt mee, maar voor een kleine subsidie moet ik drie formulieren invullen.',
      'I: Werkt u samen met anderen?',
      'R: Met de kerk en de voedselbank delen we vrijwilligers. Zonder die samenwerking zou de maaltijd niet bestaan.',
      'I: Wat zou u helpen?',
      'R: Dat de gemeente ziet wat wij doen. Een vast aanspreekpunt zou al veel schelen.',
    ].join('\n'),
    segments: [
      ['voor een kleine subsidie moet ik drie formulieren invullen', 'Belemmering door beleid'],
      ['Met de kerk en de voedselbank delen we vrijwilligers', 'Samenwerking'],
    ] as [string, string][],
  },
  {
    heldOn: '2026-02-20',
    title: 'Interview 2026: tien jaar later',
    transcript: [
      'I: Tien jaar later: wat is er veranderd?',
      'R: De maaltijd bestaat nog, met twee keer zoveel gasten. Ik ben moe, eerlijk gezegd; er zijn minder jonge vrijwilligers.',
      'I: En de steun van instellingen?',
      'R: Beter. Er is nu een wijkcoach die ons kent, en de gemeente noemde ons vorig jaar bij de uitreiking van de buurtprijs.',
      'I: Zijn er nog belemmeringen?',
      'R: De regels rond voedselveiligheid en de VOG voor elke vrijwilliger kosten veel tijd. Dat beleid is goed bedoeld, maar het remt ons af.',
      'I: Met wie werkt u nu samen?',
      'R: Met de school, de huisartsenpraktijk en het buurthuis. We hebben samen een netwerk opgezet.',
    ].join('\n'),
    segments: [
      ['Ik ben moe, eerlijk gezegd; er zijn minder jonge vrijwilligers.', 'Overbelasting'],
      ['Er is nu een wijkcoach die ons kent', 'Steun van instellingen'],
      [
        'de gemeente noemde ons vorig jaar bij de uitreiking van de buurtprijs',
        'Erkenning door de gemeente',
      ],
      ['Dat beleid is goed bedoeld, maar het remt ons af.', 'Belemmering door beleid'],
      ['Met de school, de huisartsenpraktijk en het buurthuis', 'Samenwerking'],
    ] as [string, string][],
  },
];

export const MEMO = {
  title: 'Regeldruk blijft, steun wordt persoonlijker',
  body: 'In 2016 noemt de drager de formulieren voor een kleine subsidie als drempel, in 2026 de VOG en de regels rond voedselveiligheid. De steun van instellingen is persoonlijker geworden (een wijkcoach, erkenning bij de buurtprijs), de regeldruk niet minder. Vergelijk met de Likert-vraag over belemmering door beleid: die stijgt tussen de metingen.',
  code: 'Belemmering door beleid',
};
