/**
 * The 16 sub-parks of Zhongguancun (中关村国家自主创新示范区 一区十六园) with their real names
 * and districts. Areas (km²) and centre points are approximate, for the demo only.
 */
export const demoZone = { code: 'ZGC', name: '中关村科技园区（示例）', district: '北京市', areaKm2: 488, center: [116.31, 39.98] as [number, number] };

export const demoSubParks: { code: string; name: string; district: string; areaKm2: number; center: [number, number] }[] = [
  { code: 'ZGC-HD', name: '海淀园', district: '海淀区', areaKm2: 133.1, center: [116.298, 39.959] },
  { code: 'ZGC-CP', name: '昌平园', district: '昌平区', areaKm2: 51.4, center: [116.231, 40.221] },
  { code: 'ZGC-SY', name: '顺义园', district: '顺义区', areaKm2: 33.8, center: [116.654, 40.13] },
  { code: 'ZGC-DXYZ', name: '大兴-亦庄园', district: '大兴区', areaKm2: 75.3, center: [116.506, 39.795] },
  { code: 'ZGC-FS', name: '房山园', district: '房山区', areaKm2: 22.7, center: [116.143, 39.749] },
  { code: 'ZGC-TZ', name: '通州园', district: '通州区', areaKm2: 25.1, center: [116.657, 39.91] },
  { code: 'ZGC-DC', name: '东城园', district: '东城区', areaKm2: 6.2, center: [116.416, 39.928] },
  { code: 'ZGC-XC', name: '西城园', district: '西城区', areaKm2: 7.1, center: [116.366, 39.912] },
  { code: 'ZGC-CY', name: '朝阳园', district: '朝阳区', areaKm2: 43.5, center: [116.443, 39.921] },
  { code: 'ZGC-FT', name: '丰台园', district: '丰台区', areaKm2: 18.6, center: [116.287, 39.858] },
  { code: 'ZGC-SJS', name: '石景山园', district: '石景山区', areaKm2: 13.5, center: [116.223, 39.906] },
  { code: 'ZGC-MTG', name: '门头沟园', district: '门头沟区', areaKm2: 8.3, center: [116.102, 39.937] },
  { code: 'ZGC-PG', name: '平谷园', district: '平谷区', areaKm2: 11.2, center: [117.121, 40.141] },
  { code: 'ZGC-HR', name: '怀柔园', district: '怀柔区', areaKm2: 15.8, center: [116.632, 40.316] },
  { code: 'ZGC-MY', name: '密云园', district: '密云区', areaKm2: 13.6, center: [116.843, 40.377] },
  { code: 'ZGC-YQ', name: '延庆园', district: '延庆区', areaKm2: 8.8, center: [115.975, 40.457] },
];

export const demoDepartments = ['企业服务处', '统计处', '政策法规处', '投资促进处', '规划建设处', '人才服务中心'];
