import { Foundation1764400000000 } from './1764400000000-Foundation';

/** The ordered migrations. Append only; never edit one that has been released. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Foundation1764400000000];
