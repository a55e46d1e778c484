/** Placeholder until the gradient checker lands (issue 2, section 5). */
export interface GradcheckReport {
  ok: boolean;
}
export type GradcheckTarget = { id: string; params?: Record<string, number> };
export interface GradcheckOptions {
  range?: [number, number];
}
export function gradcheck(_target: GradcheckTarget, _options?: GradcheckOptions): GradcheckReport {
  throw new Error('gradcheck: not implemented yet');
}
