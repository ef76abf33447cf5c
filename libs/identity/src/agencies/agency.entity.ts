import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A public body that receives requests; `parentId` makes the supervision tree. */
@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'citext' })
  code!: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn!: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ name: 'rule_set', type: 'text' })
  ruleSet!: string;

  @Column({ type: 'text' })
  timezone!: string;

  /** PostgreSQL returns 'HH:MM:SS'; the service exposes 'HH:MM'. */
  @Column({ name: 'receipt_cutoff', type: 'time', nullable: true })
  receiptCutoff!: string | null;

  @Column({ name: 'count_makeup_workdays', type: 'boolean', default: true })
  countMakeupWorkdays!: boolean;

  @Column({ name: 'cn_fee_mode', type: 'text', default: 'pause' })
  cnFeeMode!: 'pause' | 'restart';

  @Column({ name: 'contact_email', type: 'citext', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'reminder_hour', type: 'smallint', default: 9 })
  reminderHour!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
