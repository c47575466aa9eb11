/**
 * The offline map of Beijing (assets/geo/README.md): the GeoJSON is its own chunk, loaded on the
 * first visit of the cockpit and registered with ECharts once; nothing is fetched from outside.
 */
import { EffectScatterChart, PieChart, BarChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { useEffect, useState } from 'react';
import { echarts } from '../analysis/charts';

echarts.use([EffectScatterChart, GeoComponent, PieChart, BarChart]);

export const mapName = 'beijing';

type GeoJson = { type: 'FeatureCollection'; features: { properties: { name: string } }[] };

let loading: Promise<string[]> | undefined;

/** Loads and registers the map; resolves to its district names. */
export function loadBeijingMap(): Promise<string[]> {
  loading ??= import('../../../assets/geo/beijing.json').then(
    (m) => {
      const geo = m.default as unknown as GeoJson;
      echarts.registerMap(mapName, geo as unknown as Parameters<typeof echarts.registerMap>[1]);
      return geo.features.map((f) => f.properties.name);
    },
    (e: unknown) => {
      loading = undefined; // try again next time
      throw e;
    },
  );
  return loading;
}

/** The district names once the map is registered (null while loading), or the load error. */
export function useBeijingMap(): { districts: string[] | null; error: unknown } {
  const [districts, setDistricts] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    loadBeijingMap().then(
      (d) => live && setDistricts(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  return { districts, error };
}
