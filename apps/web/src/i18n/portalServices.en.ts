import type { PortalServicesMessages } from './portalServices.zh-CN';

/** English texts of the portal's My services (service packages and their progress, visits). */
export const portalServicesEn: PortalServicesMessages = {
  portalServices: {
    nav: 'My services',
    subtitle: "The park's service packages for your enterprise with each item's progress, and your service officer's visits",
    packages: {
      title: 'Service packages',
      empty: 'The park has not arranged a service package for your enterprise yet',
      officer: 'Service officer',
      assignedAt: 'Since',
      updatedOn: 'Updated {{date}}',
    },
    visits: {
      title: 'Visits',
      empty: 'No visits yet',
      officer: 'Service officer',
      people: 'Participants',
      problems: 'Issues raised',
      order: 'Work order {{number}}',
    },
  },
};
