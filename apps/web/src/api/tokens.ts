import { api, type Query } from './client';
import type { CreatedToken, Page, Token } from './types';
import type { RoleCode } from '@zhiyuan/core';

export type CreateTokenBody = { name: string; roles: RoleCode[]; parkIds: string[]; expiresAt: string };

export const tokensApi = {
  list: (query: Query) => api.get<Page<Token>>('/tokens', query),
  create: (body: CreateTokenBody) => api.post<CreatedToken>('/tokens', body),
  revoke: (id: string) => api.post<{ ok: true }>(`/tokens/${id}/revoke`),
};
