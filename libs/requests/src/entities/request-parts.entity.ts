import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A consultation of a third party or another agency (Arts. 32, 34): pauses the clock until it replies. */
@Entity('consultations')
export class ConsultationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column() party: string;
  @Column('date', { name: 'sent_on' }) sentOn: string;
  @Column('date', { name: 'replied_on', nullable: true }) repliedOn: string | null;
  @Column('text', { nullable: true }) opinion: string | null;
}

/** An extension asked by a clerk and decided by a supervisor (Art. 33(2)). */
@Entity('extensions')
export class ExtensionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column('int', { name: 'working_days' }) workingDays: number;
  @Column() reason: string;
  @Column() status: string;
  @Column('uuid', { name: 'requested_by' }) requestedBy: string;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('date', { name: 'requested_on' }) requestedOn: string;
  @Column('date', { name: 'decided_on', nullable: true }) decidedOn: string | null;
}

/** A response document stored through {@link DocumentStorage}; the row holds its metadata and hash. */
@Entity('documents')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column() filename: string;
  @Column({ name: 'content_type' }) contentType: string;
  @Column('int') size: number;
  @Column() sha256: string;
  @Column({ name: 'storage_key' }) storageKey: string;
  @Column('uuid', { name: 'uploaded_by' }) uploadedBy: string;
  @Column({ name: 'visible_to_applicant' }) visibleToApplicant: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

/** An agency's holiday or extra workday beyond the official calendar (a new State Council notice). */
@Entity('calendar_overrides')
export class CalendarOverrideEntity {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId: string;
  @PrimaryColumn('date') date: string;
  @Column() kind: string;
  @Column('text', { nullable: true }) note: string | null;
}

/** Last tracking-number sequence used per agency and year. */
@Entity('tracking_counters')
export class TrackingCounterEntity {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId: string;
  @PrimaryColumn('int') year: number;
  @Column('int') last: number;
}
