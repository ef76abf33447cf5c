import { AnnualReport, ReportSections } from './annual-report.types';

/**
 * Default texts of the sections that follow from the figures, in the words of published reports (the 2015
 * seed report: "共收到政府信息依申请公开申请2件，全部严格按照相关规定按期办理答复"). Staff text wins.
 */
export function prefillSections(
  report: Omit<AnnualReport, 'sections'>,
  stored: ReportSections,
): ReportSections {
  return {
    ...stored,
    requests: stored.requests ?? requestsSentence(report),
    reviews: stored.reviews ?? reviewsSentence(report),
    other: stored.other ?? feesSentence(report),
  };
}

/** 三、收到和处理政府信息公开申请情况. */
export function requestsSentence(report: Pick<AnnualReport, 'requests' | 'onTime'>): string {
  const received = report.requests.new_this_year.total;
  const carried = report.requests.carried_to_next_year.total;
  const { answered, onTime, late } = report.onTime;
  const head = `本年共收到政府信息公开申请${received}件`;
  if (late === 0 && carried === 0 && answered > 0) return `${head}，全部按期答复。`;
  const tail = carried > 0 ? `，结转下年度继续办理${carried}件` : '';
  return `${head}，本年答复${answered}件，其中按期答复${onTime}件${tail}。`;
}

/** 四、政府信息公开行政复议、行政诉讼情况. */
export function reviewsSentence(report: Pick<AnnualReport, 'reviews'>): string {
  const r = report.reviews;
  const reconsideration = r.reconsideration.total;
  const litigation = r.litigation_direct.total + r.litigation_after_reconsideration.total;
  if (reconsideration + litigation === 0) return '本年未发生因政府信息公开申请行政复议、提起行政诉讼的情况。';
  const sum = (c: string): number =>
    r.reconsideration[c] + r.litigation_direct[c] + r.litigation_after_reconsideration[c];
  return (
    `本年共发生政府信息公开行政复议${reconsideration}件、行政诉讼${litigation}件，` +
    `其中结果维持${sum('upheld')}件，结果纠正${sum('corrected')}件，其他结果${sum('other')}件，尚未审结${sum('pending')}件。`
  );
}

/** 六、其他需要报告的事项: 信息处理费. */
export function feesSentence(report: Pick<AnnualReport, 'fees'>): string {
  const f = report.fees;
  if (f.noticesIssued === 0 && f.paymentsReceivedFen === 0) return '本年未收取信息处理费。';
  return `本年发出收费通知${f.noticesIssued}件，总金额${f.noticesAmountYuan}元；实际收取信息处理费${f.paymentsReceivedYuan}元。`;
}
