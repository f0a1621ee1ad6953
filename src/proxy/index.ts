// `@mediagen/contract/proxy`: the validating proxy in code. `startProxy` puts it between an app and a
// real server; the report counts what broke the contract. The CLI is `mediagen-contract proxy`.
export { startProxy } from './start.ts';
export type { ProxyOptions, ValidatingProxy } from './types.ts';
export type { ProxyReport, ReportRecord } from './report.ts';
