import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { CalendarDays, CalendarYears, DueResponse, ImportCalendarRequest, PutCalendarDay } from './types';

export const calendarApi = {
  years: () => api.get<CalendarYears>('/calendar/years'),
  days: (year: number) => api.get<CalendarDays>('/calendar/days', { year }),
  putDay: (date: string, body: PutCalendarDay) => api.put<CalendarDays['days'][number]>(`/calendar/days/${date}`, body),
  deleteDay: (date: string) => api.del<{ ok: true }>(`/calendar/days/${date}`),
  importYear: (body: ImportCalendarRequest) => api.post<CalendarDays>('/calendar/import', body),
  due: (start: string, workingDays: number) => api.get<DueResponse>('/calendar/due', { start, workingDays }),
};

export function useCalendarYears() {
  return useQuery({ queryKey: ['calendar', 'years'], queryFn: calendarApi.years });
}

export function useCalendarDays(year: number) {
  return useQuery({ queryKey: ['calendar', 'days', year], queryFn: () => calendarApi.days(year) });
}
