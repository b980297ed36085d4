import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, fold, writeICalendar } from './ical.ts';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('the iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds long lines at 75 octets without cutting a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = fold(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('writes all-day events that a standard parser reads back, with CRLF line ends', () => {
    const summary = 'EP 18123456 — renewal year 5 due; “quoted”, with a comma';
    const description = `Legal basis: EPC Art. 86(1)\nGrace period ends: 2026-12-31\n${'long text '.repeat(20)}`;
    const text = writeICalendar({
      name: 'Valo — deadlines',
      stamp: '2026-03-02T09:00:00.000Z',
      events: [{ uid: 'task-1@valo', date: '2026-06-30', summary, description }],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => octets(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const [event] = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(event?.uid).toBe('task-1@valo');
    expect(event?.summary).toBe(summary);
    expect(event?.description).toBe(description);
    expect(event?.startDate.isDate).toBe(true);
    expect(event?.startDate.toString()).toBe('2026-06-30');
    expect(event?.endDate.toString()).toBe('2026-07-01');
  });
});
