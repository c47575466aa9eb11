import { useQuery } from '@tanstack/react-query';
import type { CreateUserRequest, RoleCode, UpdateUserRequest, User } from '@zhiyuan/core';
import { api, type Query } from './client';
import type { Page, RoleInfo } from './types';

export const usersApi = {
  list: (query: Query) => api.get<Page<User>>('/users', query),
  get: (id: string) => api.get<User>(`/users/${id}`),
  create: (body: CreateUserRequest) => api.post<User>('/users', body),
  update: (id: string, body: UpdateUserRequest) => api.patch<User>(`/users/${id}`, body),
  setRoles: (id: string, roles: RoleCode[]) => api.put<User>(`/users/${id}/roles`, { roles }),
  resetPassword: (id: string, password: string) => api.post<User>(`/users/${id}/reset-password`, { password }),
  endSessions: (id: string) => api.post<User>(`/users/${id}/end-sessions`),
  unlock: (id: string) => api.post<User>(`/users/${id}/unlock`),
  roles: () => api.get<RoleInfo[]>('/roles'),
};

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: usersApi.roles, staleTime: 5 * 60_000 });
}

/** A few users matching a keyword, for pickers (e.g. a department head). */
export function useUserSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'search', q],
    queryFn: () => usersApi.list({ q, pageSize: 20, status: 'active' }),
    enabled,
    staleTime: 30_000,
  });
}
