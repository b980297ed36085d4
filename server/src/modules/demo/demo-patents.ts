import {
  DEMO_AS_OF,
  addDays,
  addMonths,
  lastDayOfMonth,
  maxDay,
  onOrAfterWeekday,
  randomWorkingDay,
  workingDayOnOrBefore,
  yearOf,
  type IsoDay,
} from './demo-dates.ts';
import type { Numbering } from './demo-numbers.ts';
import type { Random } from './demo-random.ts';
import type { ApplicationEventRow, ApplicationRow, AssetRow, PriorityClaimRow, PublicationRow } from './demo-rows.ts';

const TUESDAY = 2;
const WEDNESDAY = 3;
const THURSDAY = 4;
const FRIDAY = 5;

/**
 * The French first filings of the demo, by period. The press release's 2020 count drives one period: INPI
 * publishes a French application 18 months after its priority date, so the 33 applications published in
 * 2020 are the first filings of July 2018 – June 2019 (the window of INPI's 2020 palmarès). The periods
 * next to it stop short of it so that no other French application is published in 2020.
 */
export const FIRST_FILING_PERIODS: readonly { from: IsoDay; to: IsoDay; count: number; publishedIn2020: boolean }[] = [
  { from: '2015-06-01', to: '2015-12-18', count: 8, publishedIn2020: false },
  { from: '2016-01-04', to: '2016-12-16', count: 11, publishedIn2020: false },
  { from: '2017-01-09', to: '2017-12-15', count: 12, publishedIn2020: false },
  { from: '2018-01-03', to: '2018-06-12', count: 6, publishedIn2020: false },
  { from: '2018-07-02', to: '2019-06-14', count: 33, publishedIn2020: true },
  { from: '2019-07-08', to: '2019-12-18', count: 6, publishedIn2020: false },
  { from: '2020-01-06', to: '2020-12-18', count: 13, publishedIn2020: false },
  { from: '2021-01-04', to: '2021-12-17', count: 13, publishedIn2020: false },
  { from: '2022-01-03', to: '2022-12-16', count: 13, publishedIn2020: false },
  { from: '2023-01-09', to: '2023-12-15', count: 12, publishedIn2020: false },
  { from: '2024-01-08', to: '2024-12-13', count: 11, publishedIn2020: false },
  { from: '2025-01-06', to: '2025-12-12', count: 10, publishedIn2020: false },
];

export interface FirstFiling {
  priorityDate: IsoDay;
  publishedIn2020: boolean;
}

/** The first filings, oldest first. */
export function scheduleFirstFilings(random: Random): FirstFiling[] {
  return FIRST_FILING_PERIODS.flatMap((period) =>
    Array.from({ length: period.count }, () => ({ priorityDate: randomWorkingDay(random, period.from, period.to), publishedIn2020: period.publishedIn2020 })),
  ).sort((a, b) => (a.priorityDate < b.priorityDate ? -1 : a.priorityDate > b.priorityDate ? 1 : 0));
}

/**
 * What became of a family: alive; withdrawn before publication; abandoned at the end of the
 * international phase; or lapsed for an unpaid annuity.
 */
export type FamilyFate = 'alive' | 'withdrawn' | 'abandoned' | 'lapsed';

/** FR publication (INPI, Fridays) 18 months after the priority date (CPI L.612-21). */
export function frPublicationDate(priorityDate: IsoDay): IsoDay {
  return onOrAfterWeekday(addMonths(priorityDate, 18), FRIDAY);
}

export interface BuiltFamily {
  applications: ApplicationRow[];
  priorityClaims: PriorityClaimRow[];
  publications: PublicationRow[];
  events: ApplicationEventRow[];
  status: AssetRow['status'];
  familyId: string | null;
  lastDate: IsoDay;
}

type Route = ApplicationRow['route'];
type Status = ApplicationRow['status'];

/**
 * One patent family: the FR priority filing, then, within the 12-month priority year (Paris Convention
 * 4C), a PCT or a direct EP filing; from the PCT, the European phase at 31 months (EPC R.159) and the US
 * national phase at 30 months (PCT 22). Nothing dated after the demo's today.
 */
export function buildFamily(random: Random, numbers: Numbering, input: { assetId: string; priorityDate: IsoDay; fate: FamilyFate }): BuiltFamily {
  const { assetId, priorityDate: P, fate } = input;
  const out: BuiltFamily = { applications: [], priorityClaims: [], publications: [], events: [], status: 'pending', familyId: null, lastDate: P };
  const seen = (day: IsoDay) => day <= DEMO_AS_OF;
  const frNumber = numbers.frApplication(P);

  const application = (office: string, number: string, filingDate: IsoDay, route: Route) => {
    const row: ApplicationRow = { id: random.uuid(), assetId, office, applicationNumber: number, filingDate, route, status: 'filed', grantNumber: null, grantDate: null };
    out.applications.push(row);
    if (route !== 'national') out.priorityClaims.push({ applicationId: row.id, rank: 1, country: 'FR', number: frNumber, date: P });
    let seq = 0;
    return {
      row,
      event(status: Status, date: IsoDay, note: string | null = null) {
        out.events.push({ applicationId: row.id, seq: ++seq, status, date, note });
        row.status = status;
        out.lastDate = maxDay(out.lastDate, date);
      },
      publish(number: string, kind: string, date: IsoDay) {
        out.publications.push({ applicationId: row.id, number, kind, date });
        out.lastDate = maxDay(out.lastDate, date);
        out.familyId ??= numbers.docdbFamily(date);
      },
      grant(number: string, kind: string, date: IsoDay) {
        row.grantNumber = number;
        row.grantDate = date;
        this.publish(number, kind, date);
        this.event('granted', date);
      },
    };
  };

  const grantEp = (ep: ReturnType<typeof application>, after: IsoDay, number?: string): boolean => {
    const grantDate = onOrAfterWeekday(maxDay(addMonths(P, random.int(40, 66)), addDays(after, 60)), WEDNESDAY);
    if (!seen(grantDate) || !random.chance(0.55)) return false;
    ep.grant(number ?? numbers.epPublication(grantDate), 'B1', grantDate);
    return true;
  };

  const fr = application('FR', frNumber, P, 'national');
  fr.event('filed', P);
  if (fate === 'withdrawn') {
    // Withdrawn before the 18-month publication, so it never becomes prior art.
    fr.event('withdrawn', randomWorkingDay(random, addMonths(P, 9), addMonths(P, 11)), 'withdrawn before publication');
    out.status = 'abandoned';
    return out;
  }
  const frPublished = frPublicationDate(P);
  const frA1 = numbers.frPublication(frPublished);
  if (seen(frPublished)) {
    fr.publish(frA1, 'A1', frPublished);
    fr.event('published', frPublished);
  }

  // Within the priority year: a PCT application (most), or a direct European filing.
  const extensionDate = workingDayOnOrBefore(addDays(addMonths(P, 12), -random.int(3, 25)));
  const wantsPct = random.chance(fate === 'lapsed' ? 0.3 : 0.6);
  const wantsEp = !wantsPct && fate === 'alive' && random.chance(0.3);
  let granted = false;

  if (wantsPct && seen(extensionDate)) {
    const pct = application('WO', numbers.pctApplication(extensionDate), extensionDate, 'pct');
    pct.event('filed', extensionDate);
    const woDate = onOrAfterWeekday(addMonths(P, 18), THURSDAY);
    if (seen(woDate)) {
      pct.publish(numbers.woPublication(woDate), 'A1', woDate);
      pct.event('published', woDate);
    }
    const epEntry = workingDayOnOrBefore(addDays(addMonths(P, 31), -random.int(2, 20)));
    if (fate === 'alive' && seen(epEntry) && random.chance(0.75)) {
      // Euro-PCT: the EP application keeps the international filing date; the WO publication in French
      // stands in for the EP A1 (EPC Art. 153(3)–(4)).
      const ep = application('EP', numbers.epApplication(yearOf(extensionDate)), extensionDate, 'euro_pct');
      ep.event('filed', epEntry, 'entered the European phase (EPC R.159)');
      ep.event('published', epEntry, 'international publication stands in for the EP publication (EPC Art. 153(3))');
      granted = grantEp(ep, epEntry) || granted;
    }
    const usEntry = workingDayOnOrBefore(addDays(addMonths(P, 30), -random.int(2, 20)));
    if (fate === 'alive' && seen(usEntry) && random.chance(0.35)) {
      const us = application('US', numbers.usApplication(usEntry), extensionDate, 'pct_national_phase');
      us.event('filed', usEntry, 'entered the US national phase (35 USC 371)');
      const usPublished = onOrAfterWeekday(addDays(usEntry, random.int(90, 150)), THURSDAY);
      if (seen(usPublished)) {
        us.publish(numbers.usPublication(usPublished), 'A1', usPublished);
        us.event('published', usPublished);
        const usGranted = onOrAfterWeekday(addMonths(usEntry, random.int(20, 40)), TUESDAY);
        if (seen(usGranted) && random.chance(0.6)) {
          us.grant(numbers.usGrant(usGranted), 'B2', usGranted);
          granted = true;
        }
      }
    }
  } else if (wantsEp && seen(extensionDate)) {
    const ep = application('EP', numbers.epApplication(yearOf(extensionDate)), extensionDate, 'ep_direct');
    ep.event('filed', extensionDate);
    const epPublished = onOrAfterWeekday(addMonths(P, 18), WEDNESDAY);
    if (seen(epPublished)) {
      const number = numbers.epPublication(epPublished);
      ep.publish(number, 'A1', epPublished);
      ep.event('published', epPublished);
      granted = grantEp(ep, epPublished, number) || granted;
    }
  }

  // The French patent: granted by INPI after the search report, unless the family went.
  const frGrant = onOrAfterWeekday(addMonths(P, random.int(24, 44)), FRIDAY);
  if (fate === 'abandoned') {
    fr.event('abandoned', randomWorkingDay(random, addMonths(P, 30), addMonths(P, 34)), 'not pursued after the international phase');
    out.status = 'abandoned';
    return out;
  }
  if (fate === 'lapsed') {
    // CPI L.612-19, R.613-46: the annuity falls due on the last day of the anniversary month; six months of grace.
    const lapseAfter = (year: number) => lastDayOfMonth(addMonths(P, 12 * year + 6));
    let year = random.int(4, 8);
    while (year > 4 && !seen(lapseAfter(year))) year--;
    const lapsed = lapseAfter(year);
    if (seen(frGrant) && frGrant < lapsed && random.chance(0.6)) fr.grant(frA1, 'B1', frGrant);
    fr.event('lapsed', lapsed, `annuity for year ${year + 1} not paid within the grace period`);
    out.status = 'lapsed';
    return out;
  }
  if (seen(frGrant) && frPublished < frGrant && random.chance(0.8)) {
    fr.grant(frA1, 'B1', frGrant);
    granted = true;
  }
  out.status = granted ? 'granted' : 'pending';
  return out;
}

/** The latest a family of this fate may have been first filed, so its fate is in the past on the demo's today. */
export const LATEST_PRIORITY_FOR: Readonly<Record<Exclude<FamilyFate, 'alive'>, IsoDay>> = {
  withdrawn: '2025-03-31',
  abandoned: '2022-12-31',
  lapsed: '2019-12-31',
};
