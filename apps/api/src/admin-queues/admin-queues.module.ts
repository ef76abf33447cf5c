import { Module } from '@nestjs/common';
import { QueueBoardService } from './queue-board.service';

/** Bull Board (admins only) mounted on the api's Fastify instance. */
@Module({ providers: [QueueBoardService] })
export class AdminQueuesModule {}
