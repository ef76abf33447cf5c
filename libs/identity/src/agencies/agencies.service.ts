import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { ConflictError, NotFoundError } from '@disclose/domain';
import type { AgencyDirectory, AgencyInfo, AuthUser } from '../contract';
import { AgencyEntity } from './agency.entity';
import { toAgencyInfo } from './agency-info';
import {
  AgencyInput,
  AgencySettingsInput,
  validateAgencyInput,
  validateAgencySettings,
} from './agency-input';

/** An agency with the agencies it supervises. */
export interface AgencyNode extends AgencyInfo {
  children: AgencyNode[];
}

/** Agencies and their supervision tree; implements the AgencyDirectory contract. */
@Injectable()
export class AgenciesService implements AgencyDirectory {
  private readonly repo: Repository<AgencyEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(AgencyEntity);
  }

  async getById(id: string): Promise<AgencyInfo | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const entity = await this.repo.findOneBy({ id });
    return entity ? toAgencyInfo(entity) : null;
  }

  async getByCode(code: string): Promise<AgencyInfo | null> {
    const entity = await this.repo.findOneBy({ code });
    return entity ? toAgencyInfo(entity) : null;
  }

  async requireByCode(code: string): Promise<AgencyInfo> {
    const agency = await this.getByCode(code);
    if (!agency) throw new NotFoundError('AGENCY.NOT_FOUND', code);
    return agency;
  }

  /** Staff see their agency and every agency below it; admins all; applicants none (they see their own requests). */
  async visibleAgencyIds(user: AuthUser): Promise<string[]> {
    if (user.role === 'applicant' || !user.agencyId) return [];
    if (user.role === 'admin') {
      const all: { id: string }[] = await this.dataSource.query(`SELECT id FROM agencies`);
      return all.map((r) => r.id);
    }
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM agencies WHERE id = $1
         UNION
         SELECT a.id FROM agencies a JOIN tree t ON a.parent_id = t.id
       ) SELECT id FROM tree`,
      [user.agencyId],
    );
    return rows.map((r) => r.id);
  }

  async create(input: AgencyInput): Promise<AgencyInfo> {
    const values = validateAgencyInput(input);
    let parentId: string | null = null;
    if (input.parentCode) parentId = (await this.requireByCode(input.parentCode)).id;
    // The unique index decides under concurrency; this check only gives the nicer error first.
    if (await this.repo.existsBy({ code: values.code })) {
      throw new ConflictError('AGENCY.CODE_TAKEN', { code: values.code });
    }
    try {
      const saved = await this.repo.save(this.repo.create({ ...values, parentId }));
      return toAgencyInfo((await this.repo.findOneByOrFail({ id: saved.id })) as AgencyEntity);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new ConflictError('AGENCY.CODE_TAKEN', { code: values.code });
      }
      throw error;
    }
  }

  async updateSettings(code: string, input: AgencySettingsInput): Promise<AgencyInfo> {
    const agency = await this.requireByCode(code);
    const values = validateAgencySettings(input);
    if (Object.keys(values).length > 0) {
      await this.repo.update({ id: agency.id }, { ...values, updatedAt: new Date() });
    }
    return (await this.getById(agency.id)) as AgencyInfo;
  }

  async list(): Promise<AgencyInfo[]> {
    return (await this.repo.find({ order: { code: 'ASC' } })).map(toAgencyInfo);
  }

  /** Every agency as a forest: roots first, each with the agencies it supervises, by code. */
  async tree(): Promise<AgencyNode[]> {
    const nodes = new Map<string, AgencyNode>();
    for (const agency of await this.list()) nodes.set(agency.id, { ...agency, children: [] });
    const roots: AgencyNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }
}
