/** Status of a request; values are stored. */
export enum RequestStatus {
  Received = 'received',
  InProgress = 'in_progress',
  AwaitingClarification = 'awaiting_clarification',
  AwaitingConsultation = 'awaiting_consultation',
  AwaitingFee = 'awaiting_fee',
  Decided = 'decided',
  Closed = 'closed',
  Withdrawn = 'withdrawn',
}

/** Every staff or applicant action on a request; values are stored. */
export enum RequestAction {
  Assign = 'assign',
  RequestClarification = 'request_clarification',
  ReceiveClarification = 'receive_clarification',
  StartConsultation = 'start_consultation',
  ReceiveConsultationReply = 'receive_consultation_reply',
  RequestExtension = 'request_extension',
  ApproveExtension = 'approve_extension',
  RejectExtension = 'reject_extension',
  IssueFeeNotice = 'issue_fee_notice',
  RecordFeePayment = 'record_fee_payment',
  WaiveFee = 'waive_fee',
  Decide = 'decide',
  UploadDocument = 'upload_document',
  Close = 'close',
  Withdraw = 'withdraw',
  /** Clarification or fee deadline missed: closes with other.clarification_lapsed / other.fee_unpaid. */
  Lapse = 'lapse',
  /** A reconsideration body or court corrected the agency: back to work with a new deadline. */
  Reopen = 'reopen',
  /** US FOIA: staff put the request in a processing track (simple, complex, expedited) for the DOJ report. */
  SetTrack = 'set_track',
}
