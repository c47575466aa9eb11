/**
 * The service officer's side (issue 6 §6, §10): the workbench, the officer's own enterprises with
 * their visit due dates, and the enterprise page's service tab.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EnterpriseServiceSummary, myEnterprisesPage, myEnterprisesQuery, OfficerEnterprise, Workbench } from '@zhiyuan/core';
import { api, type Query } from './client';

export type { EnterpriseServiceSummary, OfficerEnterprise, Workbench };
export type MyEnterprisesPage = z.infer<typeof myEnterprisesPage>;
export type MyEnterprisesQuery = { [K in keyof z.input<typeof myEnterprisesQuery>]?: string | number };

const enc = encodeURIComponent;
const q = (query: object): Query => ({ ...(query as Query) });

export const workbenchApi = {
  workbench: () => api.get<Workbench>('/service-desk/workbench'),
  myEnterprises: (query: MyEnterprisesQuery) => api.get<MyEnterprisesPage>('/service-desk/my-enterprises', q(query)),
  enterpriseService: (enterpriseId: string) => api.get<EnterpriseServiceSummary>(`/enterprises/${enc(enterpriseId)}/service`),
};

export const workbenchKeys = {
  workbench: ['service-desk', 'workbench'] as const,
  myEnterprises: (query: MyEnterprisesQuery) => ['service-desk', 'my-enterprises', query] as const,
  enterpriseService: (id: string) => ['enterprise-service', id] as const,
};

export function useWorkbench(enabled = true) {
  return useQuery({ queryKey: workbenchKeys.workbench, queryFn: workbenchApi.workbench, enabled });
}

export function useMyEnterprises(query: MyEnterprisesQuery, enabled = true) {
  return useQuery({ queryKey: workbenchKeys.myEnterprises(query), queryFn: () => workbenchApi.myEnterprises(query), enabled, placeholderData: keepPreviousData });
}

export function useEnterpriseService(enterpriseId: string, enabled = true) {
  return useQuery({ queryKey: workbenchKeys.enterpriseService(enterpriseId), queryFn: () => workbenchApi.enterpriseService(enterpriseId), enabled });
}
