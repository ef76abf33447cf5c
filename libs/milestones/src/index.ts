export * from './contract';
export { MilestonesModule } from './milestones.module';
export { MilestonesService } from './milestones.service';
export { Milestones1764400300000 } from './migrations/1764400300000-Milestones';
