import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A hearing of a case (table `case_hearings`). */
@Entity('case_hearings')
export class CaseHearingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('timestamptz', { name: 'held_at' }) heldAt: Date;
  @Column('text') place: string;
  @Column('text', { nullable: true }) notes: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
