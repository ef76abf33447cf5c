import { Inject, Injectable } from '@nestjs/common';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AuthUser } from '@disclose/identity';

/**
 * Who may see a request (DESIGN.md decision 7): an applicant their own; staff the requests of their agency
 * and the agencies below it; admin all. Everything else is answered as not found, never as forbidden.
 */
@Injectable()
export class RequestAccess {
  constructor(@Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory) {}

  /** Visible agency ids for staff; empty for applicants (they see by applicant id). */
  async visibleAgencyIds(user: AuthUser): Promise<string[]> {
    return user.role === 'applicant' ? [] : this.agencies.visibleAgencyIds(user);
  }

  canSee(
    user: AuthUser,
    visible: readonly string[],
    row: { agency_id: string; applicant_id: string },
  ): boolean {
    if (user.role === 'applicant') return row.applicant_id === user.id;
    return visible.includes(row.agency_id);
  }
}
