/** 企业门户「我的服务」（服务包进度、走访记录）的简体中文文案。Spread into zh-CN.ts; portalServices.en.ts must have the same shape. */
export const portalServicesZhCN = {
  portalServices: {
    nav: '我的服务',
    subtitle: '园区为本企业提供的服务包及各事项进度，以及服务管家的走访记录',
    packages: {
      title: '服务包',
      empty: '园区尚未为本企业安排服务包',
      officer: '服务管家',
      assignedAt: '开始日期',
      updatedOn: '{{date}} 更新',
    },
    visits: {
      title: '走访记录',
      empty: '暂无走访记录',
      officer: '服务管家',
      people: '参加人员',
      problems: '反映的问题',
      order: '已转工单 {{number}}',
    },
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape portalServices.en.ts must have. */
export type PortalServicesMessages = Shape<typeof portalServicesZhCN>;
