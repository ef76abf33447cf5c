import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { SessionsService, sessionTokenOf, type AuthenticatedRequest } from '@disclose/identity';
import { ALL_QUEUES, bullConnection } from '@disclose/queues';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues, for admins only: the same session as the api (Bearer token or the
 * portal's cookie), checked on every request of the board's Fastify scope, its assets included.
 */
@Injectable()
export class QueueBoardService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(QueueBoardService.name);
  private queues: Queue[] = [];

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.register !== 'function') return;
    if (this.config.queueBackend !== 'redis') {
      this.logger.warn(`the queue board needs Redis; ${QUEUE_BOARD_PATH} is off with the PostgreSQL backend`);
      return;
    }
    const connection = bullConnection(this.config) as never;
    this.queues = ALL_QUEUES.map((name) => new Queue(name, { connection, prefix: this.config.redisPrefix }));
    const board = new FastifyAdapter();
    board.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({ queues: this.queues.map((q) => new BullMQAdapter(q)), serverAdapter: board });
    // Not awaited: awaiting here would load the plugins queued so far out of Nest's order (a body parser
    // registered twice); Fastify loads this one with the rest before it listens.
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', (request, reply) => this.authorize(request, reply));
      await scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
    });
  }

  private async authorize(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = sessionTokenOf(request as unknown as AuthenticatedRequest);
    const user = token ? await this.sessions.authenticate(token) : null;
    if (user?.role === 'admin') return;
    const status = user ? 403 : 401;
    await reply
      .code(status)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: user ? 'Forbidden' : 'Unauthorized',
        status,
        detail: user ? 'the queue board is for admins' : 'sign in as an admin to see the queue board',
        instance: request.url,
      });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
  }
}
