import { Foundation1764400000000 } from './1764400000000-Foundation';
import { Identity1764400100000 } from '@disclose/identity';
import { Milestones1764400300000 } from '@disclose/milestones';
import { Outbox1764400200000 } from '@disclose/mail';
import { ProcessingTrack1764400720000, Requests1764400400000 } from '@disclose/requests';
import { Cases1764400500000 } from '@disclose/cases';
import { Reports1764400600000 } from '@disclose/reports';

/** The ordered migrations. Append only; never edit one that has been released. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Foundation1764400000000,
  Identity1764400100000,
  Outbox1764400200000,
  Milestones1764400300000,
  Requests1764400400000,
  Cases1764400500000,
  Reports1764400600000,
  ProcessingTrack1764400720000,
];
