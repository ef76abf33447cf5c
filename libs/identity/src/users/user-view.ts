import type { ApplicantTypeCode, Locale, Role } from '../contract';
import type { UserEntity } from './user.entity';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: string;
  email: string | null;
  name: string;
  role: Role;
  agencyId: string | null;
  applicantType: ApplicantTypeCode | null;
  locale: Locale;
  emailVerified: boolean;
  disabled: boolean;
}

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    agencyId: user.agencyId,
    applicantType: user.applicantType,
    locale: user.locale,
    emailVerified: user.emailVerifiedAt !== null,
    disabled: user.disabledAt !== null,
  };
}
