/**
 * 走访 (issue 6 §6): visits planned and recorded by service officers, the problems found (each
 * turned into a work order in one click), the visit frequency per enterprise class, and export.
 * Types are inferred from the zod contracts of packages/core (never re-declared by hand).
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  addVisitProblemRequest,
  cancelVisitRequest,
  CreateVisitRequest,
  problemToWorkOrderRequest,
  RecordVisitRequest,
  updateVisitFrequencyRequest,
  updateVisitPlanRequest,
  Visit,
  VisitClass,
  visitFilter,
  visitFrequencyRule,
  visitFrequencyRuleList,
  visitPage,
  WorkOrderDetail,
} from '@zhiyuan/core';
import { api, apiUrl, type Query } from './client';

export type VisitPage = z.infer<typeof visitPage>;
export type VisitFrequencyRule = z.infer<typeof visitFrequencyRule>;
export type VisitFrequencyRuleList = z.infer<typeof visitFrequencyRuleList>;
export type UpdateVisitPlanRequest = z.input<typeof updateVisitPlanRequest>;
export type CancelVisitRequest = z.input<typeof cancelVisitRequest>;
export type AddVisitProblemRequest = z.input<typeof addVisitProblemRequest>;
export type ProblemToWorkOrderRequest = z.input<typeof problemToWorkOrderRequest>;
export type UpdateVisitFrequencyRequest = z.input<typeof updateVisitFrequencyRequest>;
/** The filters as the URL / API carry them. */
export type VisitFilter = { [K in keyof z.input<typeof visitFilter>]?: string };
export type VisitListQuery = VisitFilter & { page?: number; pageSize?: number; sort?: string };

const enc = encodeURIComponent;
const q = (query: object): Query => ({ ...(query as Query) });

export const visitsApi = {
  list: (query: VisitListQuery) => api.get<VisitPage>('/visits', q(query)),
  exportUrl: (filter: VisitFilter) => apiUrl('/visits/export', q(filter)),
  get: (id: string) => api.get<Visit>(`/visits/${enc(id)}`),
  /** A plan (plannedOn) or a visit already made (visitedOn + the record). */
  create: (body: CreateVisitRequest) => api.post<Visit>('/visits', body),
  updatePlan: (id: string, body: UpdateVisitPlanRequest) => api.patch<Visit>(`/visits/${enc(id)}`, body),
  record: (id: string, body: RecordVisitRequest) => api.post<Visit>(`/visits/${enc(id)}/record`, body),
  cancel: (id: string, body: CancelVisitRequest) => api.post<Visit>(`/visits/${enc(id)}/cancel`, body),
  addProblem: (id: string, body: AddVisitProblemRequest) => api.post<Visit>(`/visits/${enc(id)}/problems`, body),
  /** 201 the new work order; 409 PROBLEM_HAS_ORDER when it was turned into one already. */
  problemToOrder: (id: string, problemId: string, body: ProblemToWorkOrderRequest) =>
    api.post<WorkOrderDetail>(`/visits/${enc(id)}/problems/${enc(problemId)}/work-order`, body),
  frequencyRules: () => api.get<VisitFrequencyRuleList>('/visits/frequency-rules'),
  updateFrequencyRule: (cls: VisitClass, body: UpdateVisitFrequencyRequest) => api.put<VisitFrequencyRule>(`/visits/frequency-rules/${enc(cls)}`, body),
};

export const visitKeys = {
  all: ['visits'] as const,
  list: (query: VisitListQuery) => ['visits', 'list', query] as const,
  one: (id: string) => ['visits', 'one', id] as const,
  frequencyRules: ['visits', 'frequency-rules'] as const,
};

export function useVisits(query: VisitListQuery, enabled = true) {
  return useQuery({ queryKey: visitKeys.list(query), queryFn: () => visitsApi.list(query), enabled, placeholderData: keepPreviousData });
}

export function useVisit(id: string | undefined) {
  return useQuery({ queryKey: visitKeys.one(id ?? ''), queryFn: () => visitsApi.get(id!), enabled: !!id });
}

export function useVisitFrequencyRules(enabled = true) {
  return useQuery({ queryKey: visitKeys.frequencyRules, queryFn: visitsApi.frequencyRules, enabled, staleTime: 60_000 });
}

/**
 * After a visit is planned, recorded, cancelled or a problem became an order: the visit lists and
 * pages, the workbench and the enterprise service tab (last visit, next due), the work order lists.
 */
export function useVisitInvalidation() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: visitKeys.all }),
      qc.invalidateQueries({ queryKey: ['service-desk'] }),
      qc.invalidateQueries({ queryKey: ['enterprise-service'] }),
      qc.invalidateQueries({ queryKey: ['work-orders'] }),
    ]);
}
