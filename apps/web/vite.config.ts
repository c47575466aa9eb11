import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Everything the browser needs is bundled: no CDN, no external fonts (DESIGN.md §1, intranet).
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        // Modules run in import order even across chunks (src/zodConfig.ts must run before any schema is built).
        strictExecutionOrder: true,
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 40 },
            // Charts load with the statistics pages only, not on every page.
            { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/, priority: 35 },
            { name: 'vendor-antd', test: /node_modules[\\/](antd|rc-[^\\/]+|@rc-component|@ant-design[\\/](?!pro-))/, priority: 30 },
            { name: 'vendor-pro', test: /node_modules[\\/]@ant-design[\\/]pro-/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
