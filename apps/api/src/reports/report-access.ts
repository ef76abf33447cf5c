import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@disclose/domain';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AgencyInfo, type AuthUser } from '@disclose/identity';
import { TABLE1_CELLS } from '@disclose/reports';

/** Staff see the reports of their agency and of the agencies below it; admin sees all (DESIGN decision 7). */
@Injectable()
export class ReportAccess {
  constructor(@Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory) {}

  async agencyFor(user: AuthUser, code: string): Promise<AgencyInfo> {
    const agency = await this.agencies.getByCode(code);
    // A foreign agency is answered like an unknown one.
    if (!agency || !(await this.agencies.visibleAgencyIds(user)).includes(agency.id)) {
      throw new NotFoundError('AGENCY.NOT_FOUND', code);
    }
    return agency;
  }

  async defaultAgencyCode(user: AuthUser): Promise<string> {
    const own = user.agencyId ? await this.agencies.getById(user.agencyId) : null;
    if (!own) throw new ValidationError([{ field: 'agency', code: 'required' }]);
    return own.code;
  }
}

/** Table 1 accepts only the cells of the 2021 layout, each a non-negative number or null. */
export function checkTable1(table1: Record<string, Record<string, unknown>> | undefined): void {
  const problems: { field: string; code: string }[] = [];
  for (const [row, cells] of Object.entries(table1 ?? {})) {
    const columns = TABLE1_CELLS.get(row);
    if (!columns || typeof cells !== 'object' || cells === null) {
      problems.push({ field: `table1.${row}`, code: 'unknown_row' });
      continue;
    }
    for (const [col, value] of Object.entries(cells)) {
      if (!columns.includes(col)) problems.push({ field: `table1.${row}.${col}`, code: 'unknown_column' });
      else if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
        problems.push({ field: `table1.${row}.${col}`, code: 'must_be_non_negative_number' });
      }
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
}
