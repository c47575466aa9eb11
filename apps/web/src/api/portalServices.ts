/**
 * 我的服务 in the portal (issue 6 §6–§7): the enterprise user's own enterprise's visits and service
 * packages with each item's progress, read-only. Types are inferred from the zod contracts of
 * packages/core (never re-declared by hand).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { portalPackagePage, portalVisitPage } from '@zhiyuan/core';
import { api } from './client';

export type PortalVisitPage = z.infer<typeof portalVisitPage>;
export type PortalPackagePage = z.infer<typeof portalPackagePage>;
type PageQuery = { page: number; pageSize: number };

export const portalServicesApi = {
  visits: (query: PageQuery) => api.get<PortalVisitPage>('/portal/visits', query),
  packages: (query: PageQuery) => api.get<PortalPackagePage>('/portal/service-packages', query),
};

export function usePortalVisits(query: PageQuery) {
  return useQuery({ queryKey: ['portal-services', 'visits', query], queryFn: () => portalServicesApi.visits(query), placeholderData: keepPreviousData });
}

export function usePortalPackages(query: PageQuery) {
  return useQuery({ queryKey: ['portal-services', 'packages', query], queryFn: () => portalServicesApi.packages(query), placeholderData: keepPreviousData });
}
