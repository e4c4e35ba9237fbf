import type { Dialect } from './driver.ts';

/** One step of the schema. Applied in order, once, each in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  /** The same for both engines, or per dialect where their syntax parts (triggers). */
  statements: string[] | Record<Dialect, string[]>;
}
