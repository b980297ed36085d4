import type { DigestLocale, Task } from '#core/docket/docket-task';
import type { Clock } from '../../platform/clock.ts';
import { visibleAssets } from '../asset/asset.access.ts';
import { type DigestRecipient, type DocketSettingsRepository, actorOfUser } from './docket-settings.repository.ts';
import type { MailMessage, Mailer } from './digest.mail.ts';
import { presentTask } from './task.presenter.ts';
import type { TaskRepository } from './task.repository.ts';
import { taskTitle } from './task-wording.ts';

export interface DigestReport {
  day: string;
  /** The messages sent (or, in a dry run, that would be sent). */
  messages: { to: string; subject: string; overdue: number; dueSoon: number }[];
  /** Officers and admins with nothing overdue or due within 30 days: no message. */
  withNothingDue: number;
  failed: { to: string; error: string }[];
}

/** Days ahead the digest looks. */
const AHEAD = 30;

/**
 * The daily digest: each active officer and admin who has not turned it off gets, once a day, the open
 * deadlines they may see that are overdue or due within 30 days. The day is marked as sent per user
 * before the message leaves (and given back if sending fails), so two processes or a restart never send
 * the same day twice.
 */
export function createDigestService(deps: { settings: DocketSettingsRepository; tasks: TaskRepository; clock: Clock }) {
  const { settings, tasks, clock } = deps;

  async function compose(recipient: DigestRecipient, today: string): Promise<{ message: MailMessage; overdue: number; dueSoon: number } | null> {
    const scope = visibleAssets(actorOfUser(recipient.user));
    const [overdue, dueSoon] = await Promise.all([
      tasks.all(scope, { overdue: true }, today),
      tasks.all(scope, { dueWithin: AHEAD }, today),
    ]);
    if (overdue.length === 0 && dueSoon.length === 0) return null;
    const present = (records: typeof overdue) => records.map((record) => presentTask(record, today));
    const message = writeDigest({
      to: recipient.user.email,
      name: recipient.user.displayName,
      locale: recipient.locale,
      overdue: present(overdue),
      dueSoon: present(dueSoon),
    });
    return { message, overdue: overdue.length, dueSoon: dueSoon.length };
  }

  function emptyReport(day: string | undefined): DigestReport {
    return { day: day ?? clock.now().toISOString().slice(0, 10), messages: [], withNothingDue: 0, failed: [] };
  }

  return {
    /** The digests of `day` (today by default) not sent yet, composed but neither sent nor marked: `--dry-run`. */
    async preview(options: { day?: string } = {}): Promise<DigestReport> {
      const report = emptyReport(options.day);
      for (const recipient of await settings.digestRecipients(report.day)) {
        const composed = await compose(recipient, report.day);
        if (composed) report.messages.push(summaryOf(composed));
        else report.withNothingDue += 1;
      }
      return report;
    },

    /** Sends the digests of `day` (today by default) not sent yet. */
    async send(mailer: Mailer, options: { day?: string } = {}): Promise<DigestReport> {
      const report = emptyReport(options.day);
      const { day } = report;
      for (const recipient of await settings.digestRecipients(day)) {
        if (!(await settings.claimDigest(recipient.user.id, day, clock.now().toISOString()))) continue;
        try {
          const composed = await compose(recipient, day);
          if (!composed) {
            report.withNothingDue += 1;
            continue;
          }
          await mailer.send(composed.message);
          report.messages.push(summaryOf(composed));
        } catch (error) {
          await settings.releaseDigest(recipient.user.id, day, recipient.digestSentOn);
          report.failed.push({ to: recipient.user.email, error: error instanceof Error ? error.message : String(error) });
        }
      }
      return report;
    },
  };
}
export type DigestService = ReturnType<typeof createDigestService>;

function summaryOf(composed: { message: MailMessage; overdue: number; dueSoon: number }) {
  return { to: composed.message.to, subject: composed.message.subject, overdue: composed.overdue, dueSoon: composed.dueSoon };
}

const TEXT = {
  fr: {
    subject: (overdue: number, dueSoon: number) => `Valo — ${overdue} échéance(s) en retard, ${dueSoon} dans les ${AHEAD} jours`,
    hello: (name: string) => `Bonjour ${name},`,
    overdue: 'En retard',
    dueSoon: `Dans les ${AHEAD} jours`,
    graceEnd: 'fin de grâce',
    footer: 'Vous recevez ce résumé quotidien comme responsable de la valorisation ; il se désactive dans vos préférences Valo.',
  },
  en: {
    subject: (overdue: number, dueSoon: number) => `Valo — ${overdue} overdue, ${dueSoon} due within ${AHEAD} days`,
    hello: (name: string) => `Hello ${name},`,
    overdue: 'Overdue',
    dueSoon: `Due within ${AHEAD} days`,
    graceEnd: 'grace period ends',
    footer: 'You get this daily digest as a technology-transfer officer; turn it off in your Valo settings.',
  },
} as const;

/** The digest in the recipient's language, as plain text and as simple HTML. */
export function writeDigest(input: { to: string; name: string; locale: DigestLocale; overdue: Task[]; dueSoon: Task[] }): MailMessage {
  const words = TEXT[input.locale];
  const line = (task: Task) => {
    const grace = task.graceEnd === null ? '' : ` (${words.graceEnd} ${task.graceEnd})`;
    return `${task.due} — ${taskTitle(task, input.locale)}${grace} — ${task.assetTitle}`;
  };
  const sections = [
    { title: words.overdue, tasks: input.overdue },
    { title: words.dueSoon, tasks: input.dueSoon },
  ].filter((section) => section.tasks.length > 0);
  const text = [
    words.hello(input.name),
    '',
    ...sections.flatMap((section) => [`${section.title} (${section.tasks.length})`, ...section.tasks.map((task) => `- ${line(task)}`), '']),
    words.footer,
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>${escapeHtml(words.hello(input.name))}</p>`,
    ...sections.map(
      (section) =>
        `<h2>${escapeHtml(section.title)} (${section.tasks.length})</h2><ul>${section.tasks.map((task) => `<li>${escapeHtml(line(task))}</li>`).join('')}</ul>`,
    ),
    `<p style="color:#555">${escapeHtml(words.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: input.to, subject: words.subject(input.overdue.length, input.dueSoon.length), text, html };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
