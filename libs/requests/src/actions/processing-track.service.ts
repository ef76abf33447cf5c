import { Injectable } from '@nestjs/common';
import { RequestAction, ValidationError } from '@disclose/domain';
import type { AuthUser } from '@disclose/identity';
import { RequestTransitionRunner, STAFF_WRITERS } from '../lifecycle/request-transition.runner';
import { actionResult, type ActionResult, type Versioned } from './action-result';

/** US FOIA processing tracks (multitrack processing, 5 U.S.C. 552(a)(6)(D)), as the DOJ report splits them. */
export const PROCESSING_TRACKS = ['simple', 'complex', 'expedited'] as const;
export type ProcessingTrack = (typeof PROCESSING_TRACKS)[number];

/**
 * Puts a us-foia request in a processing track: one `track_set` event (with the track it replaces), the
 * status and the clock unchanged. Until set, the DOJ report counts the request as simple.
 */
@Injectable()
export class ProcessingTrackService {
  constructor(private readonly runner: RequestTransitionRunner) {}

  async execute(
    actor: AuthUser,
    requestId: string,
    input: { track: ProcessingTrack } & Versioned,
  ): Promise<ActionResult> {
    if (!(PROCESSING_TRACKS as readonly string[]).includes(input.track)) {
      throw new ValidationError([{ field: 'track', code: 'invalid_choice' }]);
    }
    const result = await this.runner.run(
      {
        requestId,
        actor,
        action: RequestAction.SetTrack,
        roles: STAFF_WRITERS,
        expectedVersion: input.expectedVersion,
      },
      async ({ manager, request }) => {
        if (request.rule_set !== 'us-foia') {
          throw new ValidationError([{ field: 'track', code: 'us_foia_only' }]);
        }
        const [row]: Array<{ processing_track: string | null }> = await manager.query(
          `SELECT processing_track FROM requests WHERE id = $1`,
          [request.id],
        );
        return {
          payload: { track: input.track, previous: row.processing_track },
          set: { processing_track: input.track },
        };
      },
    );
    return actionResult(result, { processingTrack: input.track });
  }
}
