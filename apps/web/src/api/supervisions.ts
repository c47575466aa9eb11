/**
 * 督办 (issue 6 §4): the supervision list with its own small state machine (open → feedback →
 * closed, feedback → open by return), its actions and export. The server is the guard; the web shows
 * the buttons core's supervisionTransition / supervisionPermission allow.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Supervision, SupervisionActionRequest, supervisionFilter, supervisionPage } from '@zhiyuan/core';
import { api, apiUrl, type Query } from './client';

export type SupervisionPage = z.infer<typeof supervisionPage>;
/** The filters as the URL / API carry them. */
export type SupervisionFilter = { [K in keyof z.input<typeof supervisionFilter>]?: string };
export type SupervisionListQuery = SupervisionFilter & { page?: number; pageSize?: number; sort?: string };

const enc = encodeURIComponent;
const q = (query: object): Query => ({ ...(query as Query) });

export const supervisionsApi = {
  list: (query: SupervisionListQuery) => api.get<SupervisionPage>('/supervisions', q(query)),
  exportUrl: (filter: SupervisionFilter) => apiUrl('/supervisions/export', q(filter)),
  act: (id: string, body: SupervisionActionRequest) => api.post<Supervision>(`/supervisions/${enc(id)}/actions`, body),
};

export const supervisionKeys = {
  all: ['supervisions'] as const,
  list: (query: SupervisionListQuery) => ['supervisions', 'list', query] as const,
};

export function useSupervisions(query: SupervisionListQuery, enabled = true) {
  return useQuery({ queryKey: supervisionKeys.list(query), queryFn: () => supervisionsApi.list(query), enabled, placeholderData: keepPreviousData });
}

/** After a supervision action: the lists, and the figures that count supervisions. */
export function useSupervisionInvalidation() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: supervisionKeys.all }), qc.invalidateQueries({ queryKey: ['work-order-stats'] }), qc.invalidateQueries({ queryKey: ['work-orders'] })]);
}
