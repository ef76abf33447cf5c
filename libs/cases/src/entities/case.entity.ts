import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseDeadline } from '../deadlines/case-deadlines';

/** A legal case about a reply (table `cases`); the reports read it for table 3 (B.5). */
@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  /** Denormalised from the request: access checks and reports filter on it without a join. */
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text') kind: string;
  @Column('uuid', { name: 'parent_case_id', nullable: true }) parentCaseId: string | null;
  @Column('text', { nullable: true }) body: string | null;
  @Column('text', { name: 'case_number', nullable: true }) caseNumber: string | null;
  @Column('date', { name: 'reply_on', nullable: true }) replyOn: string | null;
  @Column('date', { name: 'filed_on' }) filedOn: string;
  @Column('date', { name: 'accepted_on', nullable: true }) acceptedOn: string | null;
  @Column('date', { name: 'served_on', nullable: true }) servedOn: string | null;
  @Column('date', { name: 'decision_received_on', nullable: true }) decisionReceivedOn: string | null;
  @Column('int', { name: 'decision_extension_days' }) decisionExtensionDays: number;
  @Column('text', { nullable: true }) parties: string | null;
  @Column('text', { nullable: true }) counsel: string | null;
  @Column('uuid', { name: 'legal_owner_id', nullable: true }) legalOwnerId: string | null;
  @Column('text', { name: 'internal_notes', nullable: true }) internalNotes: string | null;
  @Column('text', { nullable: true }) grounds: string | null;
  @Column('uuid', { name: 'filed_by', nullable: true }) filedBy: string | null;
  @Column('text', { nullable: true }) disposition: string | null;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('date', { name: 'decided_on', nullable: true }) decidedOn: string | null;
  @Column('text', { name: 'outcome_notes', nullable: true }) outcomeNotes: string | null;
  @Column('date', { name: 'reopened_due_on', nullable: true }) reopenedDueOn: string | null;
  @Column('jsonb') deadlines: CaseDeadline[];
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
