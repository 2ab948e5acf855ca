/** Types of scripts/bench/report.mjs (for scripts/bench/report.test.ts). */
export interface Metric {
  name: string;
  value: number | null;
  unit: string;
  budget?: string;
  ok?: boolean;
  profile?: Profile;
}
export interface Profile {
  title: string;
  items: { what: string; value: number | null; unit: string }[];
}
export interface Tried {
  tried: string[];
  why: string | null;
  doc: string | null;
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
  profile?: Profile | null;
  tried?: Tried | null;
}
export interface Machine {
  cpus: number;
  load: number[];
  node: string;
}
export interface Report {
  date: string;
  machine: Machine;
  summary: { goals: number; passed: number; failed: number; unexplained: number };
  params: Record<string, Record<string, unknown>>;
  rows: Row[];
}
export declare function buildReport(
  results: Result[],
  previous: { rows?: { bench: string; metric: string; value: number | null }[] } | null,
  machine: Machine,
  tried?: (bench: string, metric: string) => Tried | null,
): Report;
export declare function explained(row: Pick<Row, 'profile' | 'tried'>): boolean;
export declare function reportMarkdown(report: Report): string;
export declare function writeReport(root: string, results: Result[]): Promise<Report>;
