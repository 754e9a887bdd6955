import type { Schedule } from './survey-schema';

// Plain words for staff pages, shared by the list, the designer and the cycle pages.

export const statusNames = {
  draft: 'Draft',
  active: 'Active',
  paused: 'Paused',
  ended: 'Ended',
} as const;

export const cadenceNames: Record<Schedule['cadence'], string> = {
  once: 'Once',
  weekly: 'Every week',
  biweekly: 'Every two weeks',
  monthly: 'Every month',
  quarterly: 'Every quarter',
};

export const cycleStatusNames = { scheduled: 'Scheduled', open: 'Open', closed: 'Closed' } as const;
