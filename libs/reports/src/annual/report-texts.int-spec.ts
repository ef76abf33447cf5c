import { DataSource } from 'typeorm';
import { createDataSource } from '@disclose/database';
import { currentTestRun } from '@disclose/testing';
import { createAgencies } from './annual-report.fixture-loader';
import { ReportTextsService } from './report-texts.service';

describe(ReportTextsService.name, () => {
  let db: DataSource;
  let sut: ReportTextsService;

  beforeAll(async () => {
    db = createDataSource({ databaseUrl: currentTestRun().databaseUrl, databasePoolSize: 2 }, 'texts-test');
    await db.initialize();
    sut = new ReportTextsService(db);
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('keeps what is left out, replaces what is sent, and removes a section sent as null', async () => {
    const { ids, codes } = await createAgencies(db, 'cn-ogi-2019', ['文字局']);
    await sut.put({
      agencyCode: codes[0],
      year: 2025,
      table1: { regulations: { issued: 3, repealed: 0, in_force: 41 } },
      sections: { overview: '总体情况。', requests: '手写的第三部分。' },
      updatedBy: null,
    });
    const saved = await sut.put({
      agencyCode: codes[0],
      year: 2025,
      table1: { licensing: { decisions: 120 } },
      sections: { proactive: '主动公开。', requests: null },
      updatedBy: null,
    });
    expect(saved.sections).toEqual({ overview: '总体情况。', proactive: '主动公开。' });
    expect(saved.table1).toEqual({
      regulations: { issued: 3, repealed: 0, in_force: 41 },
      licensing: { decisions: 120 },
    });
    expect(await sut.get(ids[0], 2024)).toBeNull();
  });
});
