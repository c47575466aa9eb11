import { useQuery } from '@tanstack/react-query';
import type { SecuritySettings } from '@zhiyuan/core';
import { api } from './client';
import type { UpdateSecuritySettings } from './types';

export const securityApi = {
  get: () => api.get<SecuritySettings>('/security/settings'),
  update: (body: UpdateSecuritySettings) => api.put<SecuritySettings>('/security/settings', body),
};

export function useSecuritySettings() {
  return useQuery({ queryKey: ['security-settings'], queryFn: securityApi.get });
}
