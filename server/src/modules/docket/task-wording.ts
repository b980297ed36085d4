import type { DeadlineKind } from '#core/docket/docket-case';
import type { DigestLocale, Task } from '#core/docket/docket-task';

/*
 * How a task reads in the calendar feed and the digest, in French or English: the office's own words
 * (annuité, renewal fee, phase nationale) rather than the rule ids.
 */

const KIND_WORDS: Record<DeadlineKind, Record<DigestLocale, string>> = {
  priority: { fr: 'fin du délai de priorité', en: 'priority year ends' },
  publication: { fr: 'publication prévue', en: 'publication expected' },
  'national-phase': { fr: 'entrée en phase nationale PCT', en: 'PCT national phase entry' },
  'regional-phase': { fr: 'entrée en phase régionale EP', en: 'EP regional phase entry' },
  'examination-request': { fr: 'requête en examen', en: 'examination request' },
  renewal: { fr: 'annuité', en: 'renewal year' },
  'r71-3-reply': { fr: 'réponse à la notification R.71(3)', en: 'R.71(3) reply' },
  'opposition-end': { fr: "fin du délai d'opposition", en: 'opposition period ends' },
  validation: { fr: 'validation du brevet européen', en: 'European patent validation' },
  'unitary-effect-request': { fr: "requête en effet unitaire", en: 'unitary effect request' },
  'maintenance-fee': { fr: 'taxe de maintien', en: 'maintenance fee' },
  'search-report-reply': { fr: 'réponse au rapport de recherche', en: 'search report reply' },
  'co-owner-information': { fr: 'information des copropriétaires', en: 'inform the co-owners' },
  'abandonment-notice': { fr: "préavis d'abandon aux copropriétaires", en: 'abandonment notice to the co-owners' },
  'classification-answer': { fr: "réponse sur le classement de l'invention", en: 'invention classification answer' },
  'attribution-claim': { fr: "revendication d'attribution de l'invention", en: 'invention attribution claim' },
};

const WORDS = {
  years: { fr: 'ans', en: 'years' },
  basis: { fr: 'Base légale', en: 'Legal basis' },
  graceEnd: { fr: 'Fin du délai de grâce (avec surtaxe)', en: 'Grace period ends (with surcharge)' },
  windowOpens: { fr: 'Paiement possible à partir du', en: 'Payable from' },
  family: { fr: 'Famille', en: 'Family' },
  school: { fr: 'École', en: 'School' },
} as const;

export function word(key: keyof typeof WORDS, locale: DigestLocale): string {
  return WORDS[key][locale];
}

/** "annuité 5", "renewal year 5", "maintenance fee 3.5 years". */
export function kindLabel(task: Pick<Task, 'kind' | 'year'>, locale: DigestLocale): string {
  const label = KIND_WORDS[task.kind][locale];
  if (task.year === null) return label;
  const year = locale === 'fr' ? String(task.year).replace('.', ',') : String(task.year);
  return task.kind === 'maintenance-fee' ? `${label} ${year} ${word('years', locale)}` : `${label} ${year}`;
}

/** What the task is on: "EP 18123456.2" for an application, the family's reference or title for the family. */
export function subjectOf(task: Pick<Task, 'office' | 'applicationNumber' | 'assetReference' | 'assetTitle'>): string {
  if (task.office === null || task.applicationNumber === null) return task.assetReference ?? task.assetTitle;
  const number = task.applicationNumber.startsWith(task.office) ? task.applicationNumber.slice(task.office.length) : task.applicationNumber;
  return `${task.office} ${number}`;
}

/** "EP 18123456 — renewal year 5 due", "EP 18123456 — échéance : annuité 5". */
export function taskTitle(task: Task, locale: DigestLocale): string {
  const what = kindLabel(task, locale);
  return locale === 'fr' ? `${subjectOf(task)} — échéance : ${what}` : `${subjectOf(task)} — ${what} due`;
}

/** The lines that tell a person what to check: the law, the grace period, the payment window, the family. */
export function taskDetails(task: Task, locale: DigestLocale): string[] {
  return [
    `${word('basis', locale)}: ${task.basis}`,
    ...(task.graceEnd === null ? [] : [`${word('graceEnd', locale)}: ${task.graceEnd}`]),
    ...(task.windowOpens === null ? [] : [`${word('windowOpens', locale)}: ${task.windowOpens}`]),
    `${word('family', locale)}: ${task.assetReference === null ? task.assetTitle : `${task.assetReference} — ${task.assetTitle}`}`,
    `${word('school', locale)}: ${task.schoolName}`,
  ];
}
