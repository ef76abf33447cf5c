import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a case's audit trail (table `case_events`, append-only by trigger). */
@Entity('case_events')
export class CaseEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') type: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('timestamptz', { name: 'occurred_at', default: () => 'now()' }) occurredAt: Date;
  @Column('jsonb') payload: Record<string, unknown>;
}
