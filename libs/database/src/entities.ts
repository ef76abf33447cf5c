/**
 * Every TypeORM entity of the system, listed as classes (not globs) so tsc output, SWC and the CLI agree.
 * Each capability library owns its entities; this list only registers them.
 */
import { AgencyEntity, EmailTokenEntity, SessionEntity, UserEntity } from '@disclose/identity';
import { REQUEST_ENTITIES } from '@disclose/requests';
import { CASE_ENTITIES } from '@disclose/cases';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: Function[] = [
  AgencyEntity,
  UserEntity,
  SessionEntity,
  EmailTokenEntity,
  ...REQUEST_ENTITIES,
  ...CASE_ENTITIES,
];
