import type { IsoDate } from './iso-date.js';

/** The service's notion of now; injected so tests can move "today". */
export interface Clock {
  now(): Date;
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => new Date().toISOString().slice(0, 10),
};

export function fixedClock(isoDate: IsoDate): Clock {
  return { now: () => new Date(`${isoDate}T12:00:00.000Z`), today: () => isoDate };
}
