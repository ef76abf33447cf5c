import { loadConfig } from '@disclose/config';
import { createDataSource } from './data-source';

/** Entry for TypeORM's own CLI: `npx typeorm migration:generate -d dist/libs/database/src/typeorm-cli.data-source.js`. */
export default createDataSource(loadConfig(process.env), 'disclose-typeorm-cli');
