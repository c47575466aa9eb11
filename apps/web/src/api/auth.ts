import type { LoginResponse } from '@zhiyuan/core';
import { api, request } from './client';

export const authApi = {
  login: (username: string, password: string) =>
    request<LoginResponse>('/auth/login', { method: 'POST', body: { username, password }, noAuthRedirect: true }),
  me: () => request<LoginResponse>('/auth/me', { noAuthRedirect: true }),
  logout: () => request<{ ok: true }>('/auth/logout', { method: 'POST', noAuthRedirect: true }),
  changePassword: (currentPassword: string, newPassword: string) => api.post<{ ok: true }>('/auth/password', { currentPassword, newPassword }),
};
