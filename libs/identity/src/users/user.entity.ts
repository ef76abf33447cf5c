import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicantTypeCode, Locale, Role } from '../contract';

/** Applicants and staff. Offline applicants (a paper request) may have no email and no password. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'citext', nullable: true })
  email!: string | null;

  /** argon2id; null for accounts that cannot sign in (yet). Never logged, never returned. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ name: 'applicant_type', type: 'text', nullable: true })
  applicantType!: ApplicantTypeCode | null;

  @Column({ type: 'text', default: 'zh-CN' })
  locale!: Locale;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
