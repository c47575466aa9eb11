import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { IndustryList, UsccResponse } from './types';

export const referenceApi = {
  uscc: (code: string) => api.get<UsccResponse>(`/reference/uscc/${encodeURIComponent(code)}`),
  industries: () => api.get<IndustryList>('/reference/industries'),
};

export function useIndustries() {
  return useQuery({ queryKey: ['reference', 'industries'], queryFn: referenceApi.industries, staleTime: Infinity });
}
