/** Types of scripts/bench/report.mjs (for scripts/bench/report.test.ts). */
export interface Metric {
  name: string;
  value: number | null;
  unit: string;
  budget?: string;
  ok?: boolean;
}
export interface Result {
  name: string;
  date: string;
  params: Record<string, unknown>;
  metrics: Metric[];
}
export interface Row {
  bench: string;
  metric: string;
  value: number | null;
  unit: string;
  goal: string | null;
  status: 'pass' | 'fail' | 'info';
  previous: number | null;
  change: number | null;
}
export interface Machine {
  cpus: number;
  load: number[];
  node: string;
}
export interface Report {
  date: string;
  machine: Machine;
  summary: { goals: number; passed: number; failed: number };
  params: Record<string, Record<string, unknown>>;
  rows: Row[];
}
export declare function buildReport(
  results: Result[],
  previous: { rows?: { bench: string; metric: string; value: number | null }[] } | null,
  machine: Machine,
): Report;
export declare function reportMarkdown(report: Report): string;
export declare function writeReport(root: string, results: Result[]): Promise<Report>;
