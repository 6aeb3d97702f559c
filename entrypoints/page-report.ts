import { pageReport, type PageReportInfo } from '../lib/page/report';

/**
 * Injected on demand (scripting.executeScript) into the tab the popup reports on, so that no
 * content script carries the report code: it leaves the function the popup's next injection calls.
 */
export default defineUnlistedScript(() => {
  (globalThis as { vigiePageReport?: unknown }).vigiePageReport = (info: PageReportInfo, labels: string[]) => pageReport(document, info, new Set(labels));
});
