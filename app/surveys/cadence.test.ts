import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { cycleWindow, dueCycles, localTimeToInstant, nextCycleOpening } from './cadence';
import type { Schedule } from './survey-schema';

const schedule = (overrides: Partial<Schedule>): Schedule => ({
  cadence: 'weekly',
  startDate: '2024-01-01',
  openHour: 9,
  openDays: 3,
  timeZone: 'Europe/Oslo',
  reminderDaysBeforeClose: 1,
  ...overrides,
});

/** Wall-clock time of an instant in a zone, as "YYYY-MM-DD HH:mm", read straight from Intl. */
const wallTime = (date: Date | null, timeZone: string) =>
  date &&
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);

/** The zone's UTC offset at an instant, e.g. "GMT+02:00". */
const offsetName = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;

const opening = (s: Schedule, n: number) => wallTime(cycleWindow(s, n).opensAt, s.timeZone);
const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;

describe('cycleWindow', () => {
  it('keeps a weekly pulse at 09:00 in Oslo when summer time starts, so the UTC hour moves', () => {
    const oslo = schedule({ startDate: '2024-03-25' });
    const [before, after] = [cycleWindow(oslo, 1), cycleWindow(oslo, 2)];
    expect(before.opensAt.toISOString()).toBe('2024-03-25T08:00:00.000Z');
    expect(after.opensAt.toISOString()).toBe('2024-04-01T07:00:00.000Z');
    expect([opening(oslo, 1), opening(oslo, 2)]).toEqual(['2024-03-25 09:00', '2024-04-01 09:00']);
  });

  it('keeps a weekly pulse at 09:00 in New York when daylight saving time ends', () => {
    const newYork = schedule({ startDate: '2024-10-28', timeZone: 'America/New_York' });
    expect(cycleWindow(newYork, 1).opensAt.toISOString()).toBe('2024-10-28T13:00:00.000Z');
    expect(cycleWindow(newYork, 2).opensAt.toISOString()).toBe('2024-11-04T14:00:00.000Z');
  });

  it('closes openDays later at the same local hour, even when the cycle spans a change', () => {
    const spring = cycleWindow(schedule({ startDate: '2024-03-28', openDays: 7 }), 1);
    expect(wallTime(spring.closesAt, 'Europe/Oslo')).toBe('2024-04-04 09:00');
    expect(hours(spring.opensAt, spring.closesAt)).toBe(7 * 24 - 1);
    const autumn = cycleWindow(
      schedule({ startDate: '2024-10-30', openDays: 7, timeZone: 'America/New_York' }),
      1,
    );
    expect(hours(autumn.opensAt, autumn.closesAt)).toBe(7 * 24 + 1);
  });

  it('anchors monthly cycles on the start day, clamped to short months, without drifting', () => {
    const leapYear = schedule({ cadence: 'monthly', startDate: '2024-01-31' });
    expect([1, 2, 3, 4, 13].map((n) => opening(leapYear, n))).toEqual([
      '2024-01-31 09:00',
      '2024-02-29 09:00',
      '2024-03-31 09:00',
      '2024-04-30 09:00',
      '2025-01-31 09:00',
    ]);
    const commonYear = schedule({ cadence: 'monthly', startDate: '2025-01-31' });
    expect([2, 3].map((n) => opening(commonYear, n))).toEqual([
      '2025-02-28 09:00',
      '2025-03-31 09:00',
    ]);
  });

  it('runs quarterly from February 29 to the 29th, or the 28th in common years', () => {
    const leapDay = schedule({ cadence: 'quarterly', startDate: '2024-02-29' });
    expect([1, 2, 4, 5, 6, 17].map((n) => opening(leapDay, n))).toEqual([
      '2024-02-29 09:00',
      '2024-05-29 09:00',
      '2024-11-29 09:00',
      '2025-02-28 09:00',
      '2025-05-29 09:00',
      '2028-02-29 09:00',
    ]);
  });

  it('runs biweekly across a year end', () => {
    const biweekly = schedule({ cadence: 'biweekly', startDate: '2024-12-23' });
    expect([1, 2, 3].map((n) => opening(biweekly, n))).toEqual([
      '2024-12-23 09:00',
      '2025-01-06 09:00',
      '2025-01-20 09:00',
    ]);
  });

  it('has exactly one cycle for a survey that runs once', () => {
    const once = schedule({ cadence: 'once', startDate: '2026-05-04', openDays: 10 });
    const window = cycleWindow(once, 1);
    expect(wallTime(window.opensAt, 'Europe/Oslo')).toBe('2026-05-04 09:00');
    expect(wallTime(window.closesAt, 'Europe/Oslo')).toBe('2026-05-14 09:00');
    expect(() => cycleWindow(once, 2)).toThrow(/only cycle 1/);
  });

  it('reminds reminderDaysBeforeClose days before closing, at the local hour', () => {
    const window = cycleWindow(
      schedule({ startDate: '2024-03-28', reminderDaysBeforeClose: 2 }),
      1,
    );
    // Opens Thursday before the change, closes Sunday after it: still 09:00 local.
    expect(wallTime(window.closesAt, 'Europe/Oslo')).toBe('2024-03-31 09:00');
    expect(wallTime(window.remindAt, 'Europe/Oslo')).toBe('2024-03-29 09:00');
  });

  it('has no reminder when none is asked for, or when it would not come after the opening', () => {
    const remindAt = (reminderDaysBeforeClose: number) =>
      cycleWindow(schedule({ openDays: 3, reminderDaysBeforeClose }), 1).remindAt;
    expect(remindAt(0)).toBeNull();
    expect(remindAt(2)).not.toBeNull();
    expect(remindAt(3)).toBeNull();
    expect(remindAt(4)).toBeNull();
  });

  it('opens at the end of the gap when the opening hour does not exist that day', () => {
    // Chile moves clocks from 00:00 to 01:00 on the first Sunday of September 2024.
    const santiago = schedule({
      startDate: '2024-09-01',
      openHour: 0,
      timeZone: 'America/Santiago',
    });
    expect(opening(santiago, 1)).toBe('2024-09-01 00:00');
    expect(opening(santiago, 2)).toBe('2024-09-08 01:00');
    expect(opening(santiago, 3)).toBe('2024-09-15 00:00');
  });

  it('names an unknown time zone in its error', () => {
    expect(() => cycleWindow(schedule({ timeZone: 'Mars/Olympus_Mons' }), 1)).toThrow(
      'Unknown time zone "Mars/Olympus_Mons": use an IANA name such as Europe/Oslo',
    );
    expect(() => dueCycles(schedule({ timeZone: 'CEST' }), new Date())).toThrow(
      /Unknown time zone "CEST"/,
    );
  });

  it('rejects start dates that are not on the calendar and cycle numbers below 1', () => {
    expect(() => cycleWindow(schedule({ startDate: '2025-02-29' }), 1)).toThrow(
      '"2025-02-29" is not a calendar date like 2026-01-31',
    );
    expect(() => cycleWindow(schedule({}), 0)).toThrow(/positive integer/);
    expect(() => cycleWindow(schedule({}), 2.5)).toThrow(/positive integer/);
  });
});

describe('localTimeToInstant', () => {
  it('moves a wall time in the spring-forward gap to the first instant after it', () => {
    const oslo = localTimeToInstant(
      { year: 2024, month: 3, day: 31, hour: 2, minute: 30 },
      'Europe/Oslo',
    );
    expect(oslo.toISOString()).toBe('2024-03-31T01:00:00.000Z');
    expect(wallTime(oslo, 'Europe/Oslo')).toBe('2024-03-31 03:00');
    const newYork = localTimeToInstant(
      { year: 2024, month: 3, day: 10, hour: 2, minute: 30 },
      'America/New_York',
    );
    expect(newYork.toISOString()).toBe('2024-03-10T07:00:00.000Z');
  });

  it('handles a half-hour gap (Lord Howe Island)', () => {
    const instant = localTimeToInstant(
      { year: 2024, month: 10, day: 6, hour: 2, minute: 15 },
      'Australia/Lord_Howe',
    );
    expect(wallTime(instant, 'Australia/Lord_Howe')).toBe('2024-10-06 02:30');
  });

  it('takes the earlier instant of a wall time that happens twice', () => {
    const newYork = localTimeToInstant(
      { year: 2024, month: 11, day: 3, hour: 1, minute: 30 },
      'America/New_York',
    );
    expect(newYork.toISOString()).toBe('2024-11-03T05:30:00.000Z');
    const oslo = localTimeToInstant(
      { year: 2024, month: 10, day: 27, hour: 2, minute: 30 },
      'Europe/Oslo',
    );
    expect(oslo.toISOString()).toBe('2024-10-27T00:30:00.000Z');
  });

  it('converts ordinary times, including zones with fractional and southern offsets', () => {
    const at = (timeZone: string, month: number) =>
      localTimeToInstant({ year: 2025, month, day: 15, hour: 9 }, timeZone).toISOString();
    expect(at('Asia/Kolkata', 1)).toBe('2025-01-15T03:30:00.000Z');
    expect(at('America/St_Johns', 7)).toBe('2025-07-15T11:30:00.000Z');
    expect(at('Pacific/Auckland', 1)).toBe('2025-01-14T20:00:00.000Z');
    expect(at('Pacific/Auckland', 7)).toBe('2025-07-14T21:00:00.000Z');
    expect(at('UTC', 7)).toBe('2025-07-15T09:00:00.000Z');
  });
});

describe('dueCycles', () => {
  const weekly = schedule({ startDate: '2024-01-01' });

  it('is empty before the first opening and includes a cycle from the moment it opens', () => {
    const first = cycleWindow(weekly, 1).opensAt;
    expect(dueCycles(weekly, new Date(first.getTime() - 1))).toEqual([]);
    expect(dueCycles(weekly, first)).toEqual([1]);
  });

  it('counts exactly at the boundary after clocks change, when weeks are an hour short or long', () => {
    // Spring: cycle 14 opens 13 weeks less an hour after cycle 1.
    const fourteenth = cycleWindow(weekly, 14).opensAt.getTime();
    expect(dueCycles(weekly, new Date(fourteenth)).at(-1)).toBe(14);
    expect(dueCycles(weekly, new Date(fourteenth - 1)).at(-1)).toBe(13);
    // Autumn: cycle 10 opens 9 weeks and an hour after cycle 1.
    const newYork = schedule({ startDate: '2024-09-02', timeZone: 'America/New_York' });
    const tenth = cycleWindow(newYork, 10).opensAt.getTime();
    expect(dueCycles(newYork, new Date(tenth - 1)).at(-1)).toBe(9);
    expect(nextCycleOpening(newYork, new Date(tenth - 1))?.number).toBe(10);
  });

  it('lists every missed cycle after downtime, oldest first', () => {
    // Mondays from January 1 to February 26, 2024.
    expect(dueCycles(weekly, new Date('2024-03-01T00:00:00Z'))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('catches up exactly after years of downtime', () => {
    const monthly = schedule({ cadence: 'monthly', startDate: '2015-01-31' });
    const now = new Date('2025-06-15T12:00:00Z');
    const due = dueCycles(monthly, now);
    // Ten years of twelve openings from January 2015, then January to May 2025: 125 in all.
    expect(due).toEqual(Array.from({ length: 125 }, (_, index) => index + 1));
    expect(opening(monthly, 125)).toBe('2025-05-31 09:00');
  });

  it('has at most cycle 1 for a survey that runs once', () => {
    const once = schedule({ cadence: 'once', startDate: '2024-06-03' });
    expect(dueCycles(once, new Date('2024-06-01T00:00:00Z'))).toEqual([]);
    expect(dueCycles(once, new Date('2034-06-01T00:00:00Z'))).toEqual([1]);
  });

  it('rejects an invalid date', () => {
    expect(() => dueCycles(weekly, new Date('not a date'))).toThrow(/valid date/);
  });
});

describe('nextCycleOpening', () => {
  const weekly = schedule({ startDate: '2024-01-01' });

  it('gives the first cycle opening strictly after the moment', () => {
    const third = cycleWindow(weekly, 3).opensAt;
    expect(nextCycleOpening(weekly, new Date(third.getTime() - 1))).toEqual(cycleWindow(weekly, 3));
    expect(nextCycleOpening(weekly, third)?.number).toBe(4);
    expect(nextCycleOpening(weekly, new Date('2020-01-01T00:00:00Z'))?.number).toBe(1);
  });

  it('gives nothing once a one-off survey has opened', () => {
    const once = schedule({ cadence: 'once', startDate: '2024-06-03' });
    expect(nextCycleOpening(once, new Date('2024-06-01T00:00:00Z'))?.number).toBe(1);
    expect(nextCycleOpening(once, new Date('2024-06-04T00:00:00Z'))).toBeNull();
  });
});

describe('cadence properties', () => {
  const zones = [
    'Europe/Oslo',
    'America/New_York',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Asia/Tehran',
    'Pacific/Auckland',
    'America/St_Johns',
    'Africa/Casablanca',
    'UTC',
  ];
  const recurringSchedule = fc.record({
    cadence: fc.constantFrom(
      'weekly' as const,
      'biweekly' as const,
      'monthly' as const,
      'quarterly' as const,
    ),
    startDate: fc
      .date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2060-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10)),
    openHour: fc.integer({ min: 0, max: 23 }),
    openDays: fc.integer({ min: 1, max: 90 }),
    timeZone: fc.constantFrom(...zones),
    reminderDaysBeforeClose: fc.integer({ min: 0, max: 30 }),
  });

  it('opens each cycle after the previous one, at openHour local time unless that hour is skipped', () => {
    fc.assert(
      fc.property(recurringSchedule, fc.integer({ min: 1, max: 200 }), (s, n) => {
        const { opensAt, closesAt, remindAt } = cycleWindow(s, n);
        expect(cycleWindow(s, n + 1).opensAt.getTime()).toBeGreaterThan(opensAt.getTime());
        expect(closesAt.getTime()).toBeGreaterThan(opensAt.getTime());
        if (remindAt) {
          expect(remindAt.getTime()).toBeGreaterThan(opensAt.getTime());
          expect(remindAt.getTime()).toBeLessThan(closesAt.getTime());
        }
        const target = `${String(s.openHour).padStart(2, '0')}:00`;
        const local = wallTime(opensAt, s.timeZone) ?? '';
        if (local.slice(11) !== target) {
          // Only when clocks jumped over the opening hour: the zone's offset changes right at
          // opensAt, and the second before it was still earlier than the opening hour that day
          // (the day before, when the clocks jumped at midnight).
          const secondBefore = new Date(opensAt.getTime() - 1000);
          expect(offsetName(secondBefore, s.timeZone)).not.toBe(offsetName(opensAt, s.timeZone));
          expect(
            (wallTime(secondBefore, s.timeZone) ?? '') < `${local.slice(0, 11)}${target}`,
          ).toBe(true);
          expect(local.slice(11) > target).toBe(true);
        }
      }),
      {
        // Iran's clocks jumped from midnight to one on 21 March 2003.
        examples: [
          [
            {
              cadence: 'weekly',
              startDate: '2003-02-01',
              openHour: 0,
              openDays: 1,
              timeZone: 'Asia/Tehran',
              reminderDaysBeforeClose: 0,
            },
            8,
          ],
        ],
      },
    );
  });

  it('converts a wall time to its earliest instant, or to the first instant after a gap', () => {
    const pad = (value: number) => String(value).padStart(2, '0');
    // Random wall times rarely fall on a clock change, so half of them are drawn from nights
    // when clocks go forward or back.
    const changeNights = fc.constantFrom(
      { timeZone: 'Europe/Oslo', year: 2024, month: 3, day: 31 },
      { timeZone: 'Europe/Oslo', year: 2024, month: 10, day: 27 },
      { timeZone: 'America/New_York', year: 2024, month: 3, day: 10 },
      { timeZone: 'America/New_York', year: 2024, month: 11, day: 3 },
      { timeZone: 'America/Santiago', year: 2024, month: 9, day: 8 },
      { timeZone: 'America/Santiago', year: 2024, month: 4, day: 6 },
      { timeZone: 'Australia/Lord_Howe', year: 2024, month: 10, day: 6 },
      { timeZone: 'Australia/Lord_Howe', year: 2024, month: 4, day: 7 },
      { timeZone: 'Pacific/Auckland', year: 2024, month: 9, day: 29 },
    );
    const anyDay = fc.record({
      timeZone: fc.constantFrom(...zones),
      year: fc.integer({ min: 1990, max: 2060 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    const wall = fc.record({
      date: fc.oneof(changeNights, anyDay),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(wall, ({ date: { timeZone, ...date }, hour, minute }) => {
        const instant = localTimeToInstant({ ...date, hour, minute }, timeZone);
        const text = `${date.year}-${pad(date.month)}-${pad(date.day)} ${pad(hour)}:${pad(minute)}`;
        const at = (msBefore: number) =>
          wallTime(new Date(instant.getTime() - msBefore), timeZone) ?? '';
        if (at(0) === text) {
          // No earlier instant shows the same wall time (clocks go back by at most two hours).
          for (const minutes of [30, 60, 120]) expect(at(minutes * 60_000)).not.toBe(text);
        } else {
          expect(at(1000) < text && text < at(0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts a cycle as due from the millisecond it opens, never before', () => {
    fc.assert(
      fc.property(
        recurringSchedule,
        fc.integer({ min: 1, max: 150 }),
        fc.constantFrom(-1, 0, 1),
        (s, k, delta) => {
          const now = new Date(cycleWindow(s, k).opensAt.getTime() + delta);
          const last = delta < 0 ? k - 1 : k;
          expect(dueCycles(s, now)).toEqual(Array.from({ length: last }, (_, index) => index + 1));
          expect(nextCycleOpening(s, now)?.number).toBe(last + 1);
        },
      ),
    );
  });

  it('lists as due exactly the cycles opened by now, and the next opening right after them', () => {
    fc.assert(
      fc.property(recurringSchedule, fc.integer({ min: -40, max: 4 * 365 }), (s, daysLater) => {
        const first = cycleWindow(s, 1).opensAt.getTime();
        const now = new Date(first + daysLater * 86_400_000 + 3_600_000);
        const expected: number[] = [];
        for (let n = 1; cycleWindow(s, n).opensAt <= now; n++) expected.push(n);
        expect(dueCycles(s, now)).toEqual(expected);
        expect(nextCycleOpening(s, now)?.number).toBe(expected.length + 1);
      }),
      { numRuns: 60 },
    );
  });
});
