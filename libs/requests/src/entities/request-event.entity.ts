import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row of a request's append-only, hash-chained audit log (UPDATE and DELETE raise in the database). */
@Entity('request_events')
export class RequestEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column('int') seq: number;
  @Column() type: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('date', { name: 'on_date' }) onDate: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('text', { name: 'prev_hash', nullable: true }) prevHash: string | null;
  @Column() hash: string;
}
