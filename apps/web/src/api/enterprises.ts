/**
 * Every enterprise-registry call of the web app (issue 4): enterprises, status history, qualifications
 * and their kinds, change history, change requests, saved filters, bulk import, expiring qualifications.
 * Types are inferred from the zod contracts of packages/core (never re-declared by hand).
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  changeRequest,
  changeRequestPage,
  changeRequestQuery,
  createChangeRequest,
  createEnterpriseRequest,
  createEnterpriseResponse,
  createQualificationKindRequest,
  createQualificationRequest,
  createSavedFilterRequest,
  createStatusEventRequest,
  decideChangeRequest,
  enterprise,
  enterpriseFilter,
  enterpriseHistoryEntry,
  enterpriseHistoryPage,
  enterpriseListItem,
  enterprisePage,
  enterpriseSortFields,
  expiringPage,
  expiringQualification,
  importChange,
  importChangePage,
  importPreview,
  importProblem,
  importResult,
  officerList,
  tagList,
  qualification,
  qualificationKind,
  qualificationKindList,
  qualificationList,
  review,
  savedFilter,
  savedFilterList,
  similarEnterprise,
  similarList,
  statusEvent,
  statusEventList,
  updateEnterpriseRequest,
  updateQualificationKindRequest,
  updateQualificationRequest,
} from '@zhiyuan/core';
import { useMemo } from 'react';
import { api, apiUrl, type Query } from './client';

// ---- Types (inferred from the contracts) -------------------------------------------------------

export type Enterprise = z.infer<typeof enterprise>;
export type EnterpriseListItem = z.infer<typeof enterpriseListItem>;
export type EnterprisePage = z.infer<typeof enterprisePage>;
export type CreateEnterpriseRequest = z.input<typeof createEnterpriseRequest>;
export type CreateEnterpriseResponse = z.infer<typeof createEnterpriseResponse>;
export type UpdateEnterpriseRequest = z.input<typeof updateEnterpriseRequest>;
export type SimilarEnterprise = z.infer<typeof similarEnterprise>;
export type SimilarList = z.infer<typeof similarList>;
export type Officer = z.infer<typeof officerList>['items'][number];
export type OfficerList = z.infer<typeof officerList>;
export type TagList = z.infer<typeof tagList>;
export type EnterpriseSortField = (typeof enterpriseSortFields)[number];
/** The filters as the URL / API carry them (strings; status comma-separated, aboveScale 'true' | 'false'). */
export type EnterpriseFilterQuery = { [K in keyof z.input<typeof enterpriseFilter>]?: string };

export type StatusEvent = z.infer<typeof statusEvent>;
export type StatusEventList = z.infer<typeof statusEventList>;
export type CreateStatusEventRequest = z.input<typeof createStatusEventRequest>;

export type QualificationKind = z.infer<typeof qualificationKind>;
export type QualificationKindList = z.infer<typeof qualificationKindList>;
export type CreateQualificationKindRequest = z.input<typeof createQualificationKindRequest>;
export type UpdateQualificationKindRequest = z.input<typeof updateQualificationKindRequest>;
export type Qualification = z.infer<typeof qualification>;
export type QualificationList = z.infer<typeof qualificationList>;
export type QualificationReview = z.infer<typeof review>;
export type CreateQualificationRequest = z.input<typeof createQualificationRequest>;
export type UpdateQualificationRequest = z.input<typeof updateQualificationRequest>;
export type ExpiringQualification = z.infer<typeof expiringQualification>;
export type ExpiringPage = z.infer<typeof expiringPage>;
export type ExpiringQuery = { page?: number; pageSize?: number; sort?: string; days?: number; parkId?: string; kind?: string };

export type EnterpriseHistoryEntry = z.infer<typeof enterpriseHistoryEntry>;
export type EnterpriseHistoryPage = z.infer<typeof enterpriseHistoryPage>;

export type ChangeRequest = z.infer<typeof changeRequest>;
export type ChangeRequestPage = z.infer<typeof changeRequestPage>;
export type ChangeRequestQuery = Partial<z.input<typeof changeRequestQuery>>;
export type CreateChangeRequest = z.input<typeof createChangeRequest>;
export type DecideChangeRequest = z.input<typeof decideChangeRequest>;

export type SavedFilter = z.infer<typeof savedFilter>;
export type SavedFilterList = z.infer<typeof savedFilterList>;
export type CreateSavedFilterRequest = z.input<typeof createSavedFilterRequest>;

export type ImportPreview = z.infer<typeof importPreview>;
export type ImportChange = z.infer<typeof importChange>;
export type ImportChangePage = z.infer<typeof importChangePage>;
export type ImportChangeAction = ImportChange['action'];
export type ImportResult = z.infer<typeof importResult>;
/** The details of a 422 import rejection (ApiError.details). */
export type ImportProblem = z.infer<typeof importProblem>;

// ---- Calls -------------------------------------------------------------------------------------

const enc = encodeURIComponent;

export const enterprisesApi = {
  list: (query: Query) => api.get<EnterprisePage>('/enterprises', query),
  get: (id: string) => api.get<Enterprise>(`/enterprises/${enc(id)}`),
  create: (body: CreateEnterpriseRequest) => api.post<CreateEnterpriseResponse>('/enterprises', body),
  update: (id: string, body: UpdateEnterpriseRequest) => api.patch<Enterprise>(`/enterprises/${enc(id)}`, body),
  similar: (name: string, parkId: string, excludeId?: string, signal?: AbortSignal) => api.get<SimilarList>('/enterprises/similar', { name, parkId, excludeId }, signal),
  officers: () => api.get<OfficerList>('/enterprises/officers'),
  tags: () => api.get<TagList>('/enterprises/tags'),
  /** Download link of the xlsx export with these filters (GET with the cookie session). */
  exportUrl: (filter: Query) => apiUrl('/enterprises/export', filter),

  statusEvents: (id: string) => api.get<StatusEventList>(`/enterprises/${enc(id)}/status-events`),
  addStatusEvent: (id: string, body: CreateStatusEventRequest) => api.post<StatusEvent>(`/enterprises/${enc(id)}/status-events`, body),

  qualifications: (id: string) => api.get<QualificationList>(`/enterprises/${enc(id)}/qualifications`),
  addQualification: (id: string, body: CreateQualificationRequest) => api.post<Qualification>(`/enterprises/${enc(id)}/qualifications`, body),
  updateQualification: (id: string, qualificationId: string, body: UpdateQualificationRequest) =>
    api.patch<Qualification>(`/enterprises/${enc(id)}/qualifications/${enc(qualificationId)}`, body),
  removeQualification: (id: string, qualificationId: string) => api.del<{ ok: true }>(`/enterprises/${enc(id)}/qualifications/${enc(qualificationId)}`),

  history: (id: string, query: Query) => api.get<EnterpriseHistoryPage>(`/enterprises/${enc(id)}/history`, query),

  changeRequestsOf: (id: string, query?: Query) => api.get<ChangeRequestPage>(`/enterprises/${enc(id)}/change-requests`, query),
  requestChange: (id: string, body: CreateChangeRequest) => api.post<ChangeRequest>(`/enterprises/${enc(id)}/change-requests`, body),
};

export const changeRequestApi = {
  list: (query: Query) => api.get<ChangeRequestPage>('/enterprise-change-requests', query),
  decide: (id: string, body: DecideChangeRequest) => api.post<ChangeRequest>(`/enterprise-change-requests/${enc(id)}/decision`, body),
};

export const enterpriseImportApi = {
  /** The xlsx template (a download link). */
  templateUrl: () => apiUrl('/enterprises/import-template'),
  /** 201 preview; 422 ApiError whose details are ImportProblem[]; 413 over 20 MB; 400 not an xlsx. */
  upload: (file: File) => api.upload<ImportPreview>('/enterprises/imports', file),
  get: (id: string) => api.get<ImportPreview>(`/enterprises/imports/${enc(id)}`),
  changes: (id: string, query: Query) => api.get<ImportChangePage>(`/enterprises/imports/${enc(id)}/changes`, query),
  /** 409 when the data changed since the preview or it was committed already. */
  commit: (id: string) => api.post<ImportResult>(`/enterprises/imports/${enc(id)}/commit`),
};

export const qualificationAdminApi = {
  expiring: (query: Query) => api.get<ExpiringPage>('/qualifications/expiring', query),
  expiringExportUrl: (query: Query) => apiUrl('/qualifications/expiring/export', query),
  kinds: () => api.get<QualificationKindList>('/qualification-kinds'),
  createKind: (body: CreateQualificationKindRequest) => api.post<QualificationKind>('/qualification-kinds', body),
  updateKind: (code: string, body: UpdateQualificationKindRequest) => api.patch<QualificationKind>(`/qualification-kinds/${enc(code)}`, body),
};

export const savedFiltersApi = {
  list: (module: SavedFilter['module']) => api.get<SavedFilterList>('/saved-filters', { module }),
  create: (body: CreateSavedFilterRequest) => api.post<SavedFilter>('/saved-filters', body),
  remove: (id: string) => api.del<{ ok: true }>(`/saved-filters/${enc(id)}`),
};

/** Import problems (details of a 422) from any error; [] when it is not an import rejection. */
export function importProblems(err: unknown): ImportProblem[] {
  const details = (err as { details?: unknown[] } | null)?.details;
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is ImportProblem => !!d && typeof d === 'object' && typeof (d as ImportProblem).row === 'number' && typeof (d as ImportProblem).message === 'string',
  );
}

// ---- Query keys and hooks ----------------------------------------------------------------------

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (query: Query) => ['enterprises', 'list', query] as const,
  one: (id: string) => ['enterprises', 'one', id] as const,
  statusEvents: (id: string) => ['enterprises', 'one', id, 'status-events'] as const,
  qualifications: (id: string) => ['enterprises', 'one', id, 'qualifications'] as const,
  history: (id: string, query: Query) => ['enterprises', 'one', id, 'history', query] as const,
  changeRequestsOf: (id: string, query?: Query) => ['enterprises', 'one', id, 'change-requests', query ?? {}] as const,
  similar: (name: string, parkId: string, excludeId?: string) => ['enterprises', 'similar', name, parkId, excludeId ?? ''] as const,
  officers: ['enterprises', 'officers'] as const,
  tags: ['enterprises', 'tags'] as const,
  kinds: ['qualification-kinds'] as const,
  expiring: (query: Query) => ['qualifications', 'expiring', query] as const,
  savedFilters: (module: string) => ['saved-filters', module] as const,
  changeRequests: (query: Query) => ['enterprise-change-requests', query] as const,
  importPreview: (id: string) => ['enterprise-imports', id] as const,
  importChanges: (id: string, query: Query) => ['enterprise-imports', id, 'changes', query] as const,
};

/** One page of the registry (the previous page stays on screen while the next loads). */
export function useEnterpriseList(query: Query, enabled = true) {
  return useQuery({ queryKey: enterpriseKeys.list(query), queryFn: () => enterprisesApi.list(query), enabled, placeholderData: keepPreviousData });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({ queryKey: enterpriseKeys.one(id ?? ''), queryFn: () => enterprisesApi.get(id!), enabled: !!id });
}

export function useStatusEvents(id: string, enabled = true) {
  return useQuery({ queryKey: enterpriseKeys.statusEvents(id), queryFn: () => enterprisesApi.statusEvents(id), enabled });
}

export function useQualifications(id: string, enabled = true) {
  return useQuery({ queryKey: enterpriseKeys.qualifications(id), queryFn: () => enterprisesApi.qualifications(id), enabled });
}

export function useEnterpriseHistory(id: string, page: number, pageSize: number, enabled = true) {
  const query = { page, pageSize };
  return useQuery({ queryKey: enterpriseKeys.history(id, query), queryFn: () => enterprisesApi.history(id, query), enabled, placeholderData: keepPreviousData });
}

export function useEnterpriseChangeRequests(id: string, query?: Query, enabled = true) {
  return useQuery({ queryKey: enterpriseKeys.changeRequestsOf(id, query), queryFn: () => enterprisesApi.changeRequestsOf(id, query), enabled });
}

/** Near-identical names in a park (pass an already debounced name); off until name and park are set. */
export function useSimilarEnterprises(name: string, parkId: string | undefined, excludeId?: string) {
  const n = name.trim();
  return useQuery({
    queryKey: enterpriseKeys.similar(n, parkId ?? '', excludeId),
    queryFn: ({ signal }) => enterprisesApi.similar(n, parkId!, excludeId, signal),
    enabled: n.length >= 2 && !!parkId,
    staleTime: 30_000,
    retry: false,
  });
}

/** Service officers the caller may assign. */
export function useOfficers(enabled = true) {
  return useQuery({ queryKey: enterpriseKeys.officers, queryFn: enterprisesApi.officers, enabled, staleTime: 5 * 60_000 });
}

/** Tags in use in the caller's scope, most used first. */
export function useTags(enabled = true) {
  return useQuery({ queryKey: enterpriseKeys.tags, queryFn: enterprisesApi.tags, enabled, staleTime: 60_000 });
}

export function useQualificationKindList(enabled = true) {
  return useQuery({ queryKey: enterpriseKeys.kinds, queryFn: qualificationAdminApi.kinds, enabled, staleTime: 5 * 60_000 });
}

/** code → name of the qualification kinds (the code itself while unknown). */
export function useQualificationKindNames(enabled = true): (code: string) => string {
  const kinds = useQualificationKindList(enabled);
  return useMemo(() => {
    const byCode = new Map((kinds.data?.items ?? []).map((k) => [k.code, k.name]));
    return (code: string) => byCode.get(code) ?? code;
  }, [kinds.data]);
}

export function useExpiringQualifications(query: Query, enabled = true) {
  return useQuery({ queryKey: enterpriseKeys.expiring(query), queryFn: () => qualificationAdminApi.expiring(query), enabled, placeholderData: keepPreviousData });
}

export function useSavedFilters(module: SavedFilter['module'] = 'enterprises', enabled = true) {
  return useQuery({ queryKey: enterpriseKeys.savedFilters(module), queryFn: () => savedFiltersApi.list(module), enabled });
}

export function useChangeRequests(query: Query, enabled = true) {
  return useQuery({ queryKey: enterpriseKeys.changeRequests(query), queryFn: () => changeRequestApi.list(query), enabled, placeholderData: keepPreviousData });
}

export function useImportPreview(id: string | null | undefined) {
  return useQuery({ queryKey: enterpriseKeys.importPreview(id ?? ''), queryFn: () => enterpriseImportApi.get(id!), enabled: !!id });
}

export function useImportChanges(id: string | null | undefined, query: Query) {
  return useQuery({ queryKey: enterpriseKeys.importChanges(id ?? '', query), queryFn: () => enterpriseImportApi.changes(id!, query), enabled: !!id, placeholderData: keepPreviousData });
}

/**
 * Invalidation after a write: `enterprise(id)` refreshes one enterprise (profile, tabs) and the lists;
 * `lists()` the registry lists only; `kinds()`, `savedFilters()`, `changeRequests()`, `expiring()` their caches.
 */
export function useEnterpriseInvalidation() {
  const qc = useQueryClient();
  return {
    enterprise: (id: string) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: enterpriseKeys.one(id) }),
        qc.invalidateQueries({ queryKey: ['enterprises', 'list'] }),
        qc.invalidateQueries({ queryKey: ['qualifications', 'expiring'] }),
      ]),
    lists: () => qc.invalidateQueries({ queryKey: ['enterprises', 'list'] }),
    all: () => qc.invalidateQueries({ queryKey: enterpriseKeys.all }),
    kinds: () => qc.invalidateQueries({ queryKey: enterpriseKeys.kinds }),
    savedFilters: (module: string = 'enterprises') => qc.invalidateQueries({ queryKey: enterpriseKeys.savedFilters(module) }),
    changeRequests: () => qc.invalidateQueries({ queryKey: ['enterprise-change-requests'] }),
    expiring: () => qc.invalidateQueries({ queryKey: ['qualifications', 'expiring'] }),
  };
}
