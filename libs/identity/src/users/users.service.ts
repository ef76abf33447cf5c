import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { ConflictError, NotFoundError, ValidationError, isApplicantType } from '@disclose/domain';
import type { ApplicantDirectory, ApplicantTypeCode, Locale, OfflineApplicantInput, Role } from '../contract';
import { AgenciesService } from '../agencies/agencies.service';
import { assertPasswordPolicy, hashPassword } from './passwords';
import { UserEntity } from './user.entity';
import { UserView, toUserView } from './user-view';

export interface NewStaffInput {
  email: string;
  password: string;
  name: string;
  role: Exclude<Role, 'applicant'>;
  agencyCode: string;
  locale?: Locale;
}

export interface NewApplicantInput {
  email: string;
  password: string;
  name: string;
  applicantType: ApplicantTypeCode;
  locale?: Locale;
}

const STAFF: readonly string[] = ['clerk', 'supervisor', 'legal', 'admin'];

/** Accounts of applicants and staff; implements the ApplicantDirectory contract. */
@Injectable()
export class UsersService implements ApplicantDirectory {
  private readonly repo: Repository<UserEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
  ) {
    this.repo = dataSource.getRepository(UserEntity);
  }

  async findOrCreateOfflineApplicant(
    manager: EntityManager,
    input: OfflineApplicantInput,
  ): Promise<{ id: string; created: boolean }> {
    const email = input.email?.trim() || null;
    const values = [
      email,
      input.name.trim(),
      input.applicantType,
      input.locale ?? 'zh-CN',
      input.phone ?? null,
      input.address ?? null,
    ];
    const insert = `INSERT INTO users (email, name, role, applicant_type, locale, phone, address)
                    VALUES ($1, $2, 'applicant', $3, $4, $5, $6)`;
    if (!email) {
      const rows: { id: string }[] = await manager.query(`${insert} RETURNING id`, values);
      return { id: rows[0].id, created: true };
    }
    // ON CONFLICT keeps a concurrent filing by the same email from aborting the caller's transaction.
    const inserted: { id: string }[] = await manager.query(
      `${insert} ON CONFLICT (email) DO NOTHING RETURNING id`,
      values,
    );
    if (inserted[0]) return { id: inserted[0].id, created: true };
    const existing: { id: string }[] = await manager.query(`SELECT id FROM users WHERE email = $1`, [email]);
    return { id: existing[0].id, created: false };
  }

  async getById(id: string): Promise<UserView> {
    const user = await this.repo.findOneBy({ id });
    if (!user) throw new NotFoundError('USER.NOT_FOUND', id);
    return toUserView(user);
  }

  async createStaff(input: NewStaffInput): Promise<UserView> {
    if (!STAFF.includes(input.role)) {
      throw new ValidationError([
        { field: 'role', code: 'invalid_choice', params: { allowed: STAFF.join(', ') } },
      ]);
    }
    assertPasswordPolicy(input.password);
    const agency = await this.agencies.requireByCode(input.agencyCode);
    return this.insert({
      email: input.email,
      passwordHash: await hashPassword(input.password),
      name: input.name,
      role: input.role,
      agencyId: agency.id,
      locale: input.locale ?? 'zh-CN',
    });
  }

  async createApplicant(input: NewApplicantInput, manager?: EntityManager): Promise<UserView> {
    if (!isApplicantType(input.applicantType)) {
      throw new ValidationError([{ field: 'applicantType', code: 'invalid_choice' }]);
    }
    assertPasswordPolicy(input.password);
    const values: Partial<UserEntity> = {
      email: input.email,
      passwordHash: await hashPassword(input.password),
      name: input.name,
      role: 'applicant',
      applicantType: input.applicantType,
      locale: input.locale ?? 'zh-CN',
    };
    return this.insert(values, manager);
  }

  /** Staff of the given agencies, by agency then name. */
  async listStaff(agencyIds: string[]): Promise<UserView[]> {
    if (agencyIds.length === 0) return [];
    const users = await this.repo.find({
      where: { agencyId: In(agencyIds) },
      order: { agencyId: 'ASC', name: 'ASC' },
    });
    return users.map(toUserView);
  }

  private async insert(values: Partial<UserEntity>, manager?: EntityManager): Promise<UserView> {
    const email = values.email?.trim() ?? '';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw new ValidationError([{ field: 'email', code: 'invalid_email' }]);
    }
    if (!values.name?.trim()) throw new ValidationError([{ field: 'name', code: 'required' }]);
    const repo = manager ? manager.getRepository(UserEntity) : this.repo;
    // An offline applicant with this email exists too: they claim it by "forgot password", not by registering.
    if (await repo.existsBy({ email })) throw new ConflictError('AUTH.EMAIL_TAKEN', { email });
    try {
      const saved = await repo.save(repo.create({ ...values, email, name: values.name.trim() }));
      return toUserView(await repo.findOneByOrFail({ id: saved.id }));
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new ConflictError('AUTH.EMAIL_TAKEN', { email });
      throw error;
    }
  }
}
