/**
 * 服务包 (issue 6 §7): named bundles of service items, assigned to enterprises, each item's progress.
 * Types are inferred from the zod contracts of packages/core (never re-declared by hand).
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assignServicePackageRequest,
  assignServicePackageResult,
  createServicePackageRequest,
  PackageAssignment,
  packageAssignmentListQuery,
  packageAssignmentPage,
  ServicePackage,
  servicePackagePage,
  updateItemProgressRequest,
  updateServicePackageRequest,
} from '@zhiyuan/core';
import { api, type Query } from './client';

export type ServicePackagePage = z.infer<typeof servicePackagePage>;
export type CreateServicePackageRequest = z.input<typeof createServicePackageRequest>;
export type UpdateServicePackageRequest = z.input<typeof updateServicePackageRequest>;
export type AssignServicePackageRequest = z.input<typeof assignServicePackageRequest>;
export type AssignServicePackageResult = z.infer<typeof assignServicePackageResult>;
export type PackageAssignmentPage = z.infer<typeof packageAssignmentPage>;
export type UpdateItemProgressRequest = z.input<typeof updateItemProgressRequest>;
export type ServicePackageListQuery = { q?: string; active?: 'true' | 'false'; page?: number; pageSize?: number; sort?: string };
export type AssignmentListQuery = { [K in keyof z.input<typeof packageAssignmentListQuery>]?: string | number };

const enc = encodeURIComponent;
const q = (query: object): Query => ({ ...(query as Query) });

export const servicePackagesApi = {
  list: (query: ServicePackageListQuery) => api.get<ServicePackagePage>('/service-packages', q(query)),
  get: (id: string) => api.get<ServicePackage>(`/service-packages/${enc(id)}`),
  create: (body: CreateServicePackageRequest) => api.post<ServicePackage>('/service-packages', body),
  update: (id: string, body: UpdateServicePackageRequest) => api.patch<ServicePackage>(`/service-packages/${enc(id)}`, body),
  /** Enterprises already holding it are left as they are (`existing`). */
  assign: (id: string, body: AssignServicePackageRequest) => api.post<AssignServicePackageResult>(`/service-packages/${enc(id)}/assignments`, body),
  assignments: (query: AssignmentListQuery) => api.get<PackageAssignmentPage>('/service-package-assignments', q(query)),
  assignment: (id: string) => api.get<PackageAssignment>(`/service-package-assignments/${enc(id)}`),
  updateItem: (id: string, itemId: string, body: UpdateItemProgressRequest) =>
    api.put<PackageAssignment>(`/service-package-assignments/${enc(id)}/items/${enc(itemId)}`, body),
};

export const servicePackageKeys = {
  all: ['service-packages'] as const,
  list: (query: ServicePackageListQuery) => ['service-packages', 'list', query] as const,
  assignments: (query: AssignmentListQuery) => ['service-packages', 'assignments', query] as const,
  assignment: (id: string) => ['service-packages', 'assignment', id] as const,
};

export function useServicePackages(query: ServicePackageListQuery, enabled = true) {
  return useQuery({ queryKey: servicePackageKeys.list(query), queryFn: () => servicePackagesApi.list(query), enabled, placeholderData: keepPreviousData });
}

export function usePackageAssignments(query: AssignmentListQuery, enabled = true) {
  return useQuery({ queryKey: servicePackageKeys.assignments(query), queryFn: () => servicePackagesApi.assignments(query), enabled, placeholderData: keepPreviousData });
}

export function usePackageAssignment(id: string | null | undefined) {
  return useQuery({ queryKey: servicePackageKeys.assignment(id ?? ''), queryFn: () => servicePackagesApi.assignment(id!), enabled: !!id });
}

/** After a package edit, an assignment or an item's progress: the package lists, the enterprise service tab. */
export function useServicePackageInvalidation() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: servicePackageKeys.all }), qc.invalidateQueries({ queryKey: ['enterprise-service'] })]);
}
