import { randomBytes } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { AppConfig, ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { MailModule } from '@disclose/mail';
import { QUEUES, QueuesModule } from '@disclose/queues';
import { testProcessEnv } from '@disclose/testing';
import type { RequestMilestoneSnapshot } from '../contract';
import { MilestonesModule } from '../milestones.module';
import { MilestoneSchedulingModule } from '../scheduling/milestone-scheduling.module';

export const suffix = (): string => randomBytes(4).toString('hex').toUpperCase();

/**
 * In-process Nest context with the milestone services on the run's database, and a Redis prefix of its
 * own so a suite can wipe "its Redis" (delete its keys) without disturbing other suites.
 */
export async function milestonesTestingModule(): Promise<{ module: TestingModule; config: AppConfig }> {
  const env = testProcessEnv();
  const config = loadConfig({ ...env, REDIS_PREFIX: `${env.REDIS_PREFIX}-ms${suffix().toLowerCase()}` });
  const module = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot('test'),
      QueuesModule.forRoot([QUEUES.milestones, QUEUES.maintenance]),
      MailModule,
      MilestonesModule,
      MilestoneSchedulingModule,
    ],
  }).compile();
  return { module, config };
}

/** Deletes every Redis key of the prefix: a FLUSHALL confined to this suite. */
export async function flushPrefix(config: AppConfig): Promise<number> {
  const redis = new IORedis(config.redisUrl);
  try {
    let deleted = 0;
    for await (const keys of redis.scanStream({ match: `${config.redisPrefix}:*`, count: 1000 }))
      if ((keys as string[]).length > 0) deleted += await redis.del(...(keys as string[]));
    return deleted;
  } finally {
    redis.disconnect();
  }
}

export async function createAgency(
  ds: DataSource,
  opts: { timezone?: string; reminderHour?: number; ruleSet?: string; parentId?: string } = {},
): Promise<string> {
  const code = `MS${suffix()}`;
  const [row] = await ds.query(
    `INSERT INTO agencies (code, name_zh, rule_set, timezone, reminder_hour, parent_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      code,
      `测试局${code}`,
      opts.ruleSet ?? 'cn-ogi-2019',
      opts.timezone ?? 'Asia/Shanghai',
      opts.reminderHour ?? 9,
      opts.parentId ?? null,
    ],
  );
  return row.id;
}

export interface TestUser {
  id: string;
  email: string | null;
}

export async function createUser(
  ds: DataSource,
  role: 'applicant' | 'clerk' | 'supervisor',
  agencyId: string | null,
  locale: 'en' | 'zh-CN',
  opts: { email?: boolean; digest?: boolean } = {},
): Promise<TestUser> {
  const email = opts.email === false ? null : `${role}-${suffix()}@example.test`.toLowerCase();
  const applicant = role === 'applicant';
  const [row] = await ds.query(
    `INSERT INTO users (email, name, role, agency_id, applicant_type, locale) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      email,
      `${role} ${suffix()}`,
      role,
      applicant ? null : agencyId,
      applicant ? 'natural_person' : null,
      locale,
    ],
  );
  if (opts.digest)
    await ds.query(`INSERT INTO notification_preferences (user_id, daily_digest) VALUES ($1, true)`, [
      row.id,
    ]);
  return { id: row.id, email };
}

/** A minimal request row in SQL (the requests service is not needed to exercise milestones). */
export async function insertRequest(
  ds: DataSource,
  r: {
    agencyId: string;
    applicantId: string;
    assigneeId: string | null;
    dueOn: string | null;
    status?: string;
  },
): Promise<RequestMilestoneSnapshot> {
  const tracking = `MS-${suffix()}`;
  const [row] = await ds.query(
    `INSERT INTO requests (tracking_number, agency_id, applicant_id, subject, description, delivery_method, channel,
        received_on, rule_set, status, assignee_id, due_on, applicant_type, created_by)
     VALUES ($1, $2, $3, '测试', '测试', 'electronic', 'online', '2026-01-05', 'cn-ogi-2019', $4, $5, $6,
        'natural_person', $3) RETURNING id`,
    [tracking, r.agencyId, r.applicantId, r.status ?? 'in_progress', r.assigneeId, r.dueOn],
  );
  return {
    requestId: row.id,
    trackingNumber: tracking,
    agencyId: r.agencyId,
    status: r.status ?? 'in_progress',
    dueOn: r.dueOn,
    provisional: false,
    clarificationReplyBy: null,
    feePaymentDueOn: null,
    assigneeId: r.assigneeId,
    applicantId: r.applicantId,
    open: true,
  };
}
