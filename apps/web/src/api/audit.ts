import type { AuditEntry } from '@zhiyuan/core';
import { api, apiUrl, type Query } from './client';
import type { AuditVerifyResponse, Page } from './types';

export const auditApi = {
  list: (query: Query) => api.get<Page<AuditEntry>>('/audit', query),
  verify: () => api.get<AuditVerifyResponse>('/audit/verify'),
  exportUrl: (filters: Query) => apiUrl('/audit/export', filters),
};
