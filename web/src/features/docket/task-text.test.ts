import { describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../../i18n/i18n.tsx';
import { recordableEvents, taskWhat, triggerText, urgencyOf, urgencyText } from './task-text.ts';

const en = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const fr = (key: MessageKey, vars?: Record<string, string | number>) => translate('fr', key, vars);
const frNumber = (value: number) => new Intl.NumberFormat('fr').format(value);
const enNumber = (value: number) => new Intl.NumberFormat('en').format(value);

const open = { status: 'open' as const, isOverdue: false, due: '2026-12-31', graceEnd: null };

describe('what a deadline is about', () => {
  it('names a renewal by its office and year, in each language', () => {
    expect(taskWhat(en, { kind: 'renewal', year: 5, office: 'EP' }, enNumber)).toBe('EP renewal, year 5');
    expect(taskWhat(fr, { kind: 'renewal', year: 5, office: 'EP' }, frNumber)).toBe('Annuité EP, année 5');
  });

  it('writes a USPTO maintenance fee’s year with the reader’s decimal mark', () => {
    expect(taskWhat(en, { kind: 'maintenance-fee', year: 7.5, office: 'US' }, enNumber)).toBe('US maintenance fee, 7.5 years');
    expect(taskWhat(fr, { kind: 'maintenance-fee', year: 7.5, office: 'US' }, frNumber)).toBe('Taxe de maintien US, 7,5 ans');
  });

  it('names other deadlines by their kind alone', () => {
    expect(taskWhat(en, { kind: 'r71-3-reply', year: null, office: 'EP' }, enNumber)).toBe('Reply to the R.71(3) communication');
    expect(taskWhat(en, { kind: 'abandonment-notice', year: null, office: null }, enNumber)).toBe('Co-owners’ abandonment notice ends');
  });

  it('names what started the period, and keeps an unknown trigger as it comes', () => {
    expect(triggerText(en, 'filing')).toBe('Filing of the application');
    expect(triggerText(en, 'grant-published')).toBe('Mention of grant published');
    expect(triggerText(en, 'something-new')).toBe('something-new');
  });
});

describe('where a deadline stands', () => {
  it('says overdue when the API says so, whatever the dates', () => {
    expect(urgencyOf({ ...open, isOverdue: true, due: '2026-01-31' }, '2026-11-29')).toEqual({ kind: 'overdue' });
    expect(urgencyText(en, { kind: 'overdue' })).toBe('Overdue');
  });

  it('says a past-due deadline with a grace period is in its grace period', () => {
    const urgency = urgencyOf({ ...open, due: '2026-06-01', graceEnd: '2026-11-30' }, '2026-11-29');
    expect(urgency).toEqual({ kind: 'grace', until: '2026-11-30' });
    expect(urgencyText(en, urgency)).toBe('Grace period (surcharge)');
  });

  it('counts the days left, says today on the day, and upcoming beyond 90 days', () => {
    expect(urgencyText(en, urgencyOf(open, '2026-12-01'))).toBe('In 30 d');
    expect(urgencyText(en, urgencyOf(open, '2026-12-31'))).toBe('Today');
    expect(urgencyText(en, urgencyOf({ ...open, due: '2027-06-30' }, '2026-12-01'))).toBe('Upcoming');
  });

  it('says how a resolved deadline ended', () => {
    expect(urgencyOf({ ...open, status: 'waived' }, '2026-12-01')).toEqual({ kind: 'resolved', status: 'waived' });
    expect(urgencyText(fr, { kind: 'resolved', status: 'missed' })).toBe('Manquée');
  });
});

describe('the events an officer may record', () => {
  it('offers the EPO’s events on an EP application, INPI’s on an FR one, and no PCT filing on the PCT itself', () => {
    expect(recordableEvents('EP')).toEqual(['search-report-published', 'r71-3-notified', 'grant-published', 'pct-filed', 'co-ownership-decision', 'invention-declaration-received']);
    expect(recordableEvents('FR')).toEqual(['grant-published', 'pct-filed', 'search-report-notified', 'co-ownership-decision', 'invention-declaration-received']);
    expect(recordableEvents('WO')).not.toContain('pct-filed');
    expect(recordableEvents('WO')).not.toContain('abandonment-planned');
  });
});
