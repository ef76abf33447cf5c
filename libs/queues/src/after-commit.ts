import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

/** Work to do once the transaction that asked for it has committed (never awaited by the committer). */
export type AfterCommitTask = () => void;

const TASKS = Symbol('disclose.afterCommit');
type Carrier = Record<PropertyKey, unknown> & { [TASKS]?: AfterCommitTask[] };

/**
 * Runs `task` right after the transaction of `manager` commits, and never if it rolls back: the way a
 * library tells another process about rows it has just written (put their jobs on BullMQ) without making
 * the commit wait for it or hold a lock for it. The task must be quick and must not throw (a failure is
 * logged by the caller's own code): PostgreSQL stays the truth, and a periodic sweep finds whatever a lost
 * hand-off left behind. Outside a transaction (autocommit), the statement has already committed, so the
 * task runs now. Tasks run in the order they were registered; savepoints (nested transactions) wait for
 * the outermost commit.
 */
export function afterCommit(manager: EntityManager, task: AfterCommitTask): void {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive) {
    runSafely(task);
    return;
  }
  const data = runner.data as Carrier;
  (data[TASKS] ??= []).push(task);
}

function take(runner: QueryRunner): AfterCommitTask[] {
  const data = runner.data as Carrier;
  const tasks = data[TASKS] ?? [];
  delete data[TASKS];
  return tasks;
}

function runSafely(task: AfterCommitTask): void {
  try {
    task();
  } catch {
    // A hand-off is best effort by contract: the sweep covers it.
  }
}

/**
 * The TypeORM subscriber that runs the tasks (registered in `buildDataSourceOptions`). TypeORM also
 * broadcasts "commit" when a savepoint is released: only the outermost commit (depth back to 0) counts.
 */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    for (const task of take(runner)) runSafely(task);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // A rolled-back savepoint's tasks cannot be told apart from the outer ones: the outer transaction
    // may still commit, so keep them until it ends; a full rollback drops them all.
    if (!event.queryRunner.isTransactionActive) take(event.queryRunner);
  }
}
