import { useQuery } from '@tanstack/react-query';
import type { Department, Park } from '@zhiyuan/core';
import { api, type Query } from './client';
import type { CreateDepartmentRequest, CreateParkRequest, Page, ParkList, UpdateDepartmentRequest, UpdateParkRequest } from './types';

export const parksApi = {
  list: () => api.get<ParkList>('/parks'),
  create: (body: CreateParkRequest) => api.post<Park>('/parks', body),
  update: (id: string, body: UpdateParkRequest) => api.patch<Park>(`/parks/${id}`, body),
};

export const departmentsApi = {
  list: (query: Query) => api.get<Page<Department>>('/departments', query),
  create: (body: CreateDepartmentRequest) => api.post<Department>('/departments', body),
  update: (id: string, body: UpdateDepartmentRequest) => api.patch<Department>(`/departments/${id}`, body),
  remove: (id: string) => api.del<{ ok: true }>(`/departments/${id}`),
};

export function useParks(enabled = true) {
  return useQuery({ queryKey: ['parks'], queryFn: parksApi.list, enabled, staleTime: 60_000 });
}

export type ParkNode = Park & { children?: ParkNode[] };

/** The zone → sub-park tree from the flat list (a park whose parent is out of scope is a root). */
export function buildParkTree(parks: readonly Park[]): ParkNode[] {
  const byId = new Map<string, ParkNode>(parks.map((p) => [p.id, { ...p }]));
  const roots: ParkNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (nodes: ParkNode[]) => {
    nodes.sort((a, b) => a.code.localeCompare(b.code));
    for (const n of nodes) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

export type ParkTreeOption = { title: string; value: string; children?: ParkTreeOption[] };

export function parkTreeOptions(nodes: readonly ParkNode[]): ParkTreeOption[] {
  return nodes.map((n) => ({ title: n.name, value: n.id, ...(n.children ? { children: parkTreeOptions(n.children) } : {}) }));
}
