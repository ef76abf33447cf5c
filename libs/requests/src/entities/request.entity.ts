import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** A freedom-of-information request (table `requests`); written by the lifecycle services with SQL. */
@Entity('requests')
export class RequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tracking_number' }) trackingNumber: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('uuid', { name: 'applicant_id' }) applicantId: string;
  @Column() subject: string;
  @Column() description: string;
  @Column({ name: 'delivery_method' }) deliveryMethod: string;
  @Column() channel: string;
  @Column('date', { name: 'received_on' }) receivedOn: string;
  @Column({ name: 'rule_set' }) ruleSet: string;
  @Column() status: string;
  @VersionColumn() version: number;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId: string | null;
  @Column('date', { name: 'due_on', nullable: true }) dueOn: string | null;
  @Column() provisional: boolean;
  @Column({ name: 'clock_status' }) clockStatus: string;
  @Column('jsonb', { name: 'deadline_trace' }) deadlineTrace: Record<string, string[]>;
  @Column('jsonb', { name: 'deadline_warnings' }) deadlineWarnings: string[];
  @Column('date', { name: 'clarification_notice_due_on', nullable: true }) clarificationNoticeDueOn:
    string | null;
  @Column('date', { name: 'clarification_reply_by', nullable: true }) clarificationReplyBy: string | null;
  @Column('date', { name: 'fee_payment_due_on', nullable: true }) feePaymentDueOn: string | null;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('jsonb', { name: 'outcome_reasons', nullable: true }) outcomeReasons: string[] | null;
  @Column('text', { name: 'decision_message', nullable: true }) decisionMessage: string | null;
  @Column('date', { name: 'decided_on', nullable: true }) decidedOn: string | null;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn: string | null;
  @Column({ name: 'applicant_type' }) applicantType: string;
  @Column('uuid', { name: 'repeat_of', nullable: true }) repeatOf: string | null;
  @Column('real', { name: 'repeat_score', nullable: true }) repeatScore: number | null;
  @Column('int', { name: 'applicant_month_count' }) applicantMonthCount: number;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey: string | null;
  @Column('text', { name: 'idempotency_fingerprint', nullable: true }) idempotencyFingerprint: string | null;
  @Column('jsonb', { name: 'idempotency_response', nullable: true }) idempotencyResponse: unknown;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('int', { name: 'fee_amount_fen', nullable: true }) feeAmountFen: number | null;
  @Column('text', { name: 'fee_basis', nullable: true }) feeBasis: string | null;
  @Column({ name: 'fee_waived' }) feeWaived: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
