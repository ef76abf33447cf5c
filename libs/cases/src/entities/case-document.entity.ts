import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CASE_DOCUMENT_KINDS = ['application', 'defence', 'decision', 'judgment', 'other'] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

/** A file of a case (table `case_documents`); the bytes live in the document storage under `storage_key`. */
@Entity('case_documents')
export class CaseDocumentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') kind: CaseDocumentKind;
  @Column('text') filename: string;
  @Column('text', { name: 'content_type' }) contentType: string;
  @Column('int') size: number;
  @Column('text') sha256: string;
  @Column('text', { name: 'storage_key' }) storageKey: string;
  @Column('uuid', { name: 'uploaded_by' }) uploadedBy: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
