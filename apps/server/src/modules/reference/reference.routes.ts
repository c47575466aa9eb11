import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { industryDivisions, industryList, industrySections, usccResponse, validateUscc } from '@zhiyuan/core';

const tags = ['reference'];

/** Reference data is public: pure functions of published standards. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/reference/uscc/:code', { schema: { tags, summary: '校验并解析统一社会信用代码（GB 32100-2015）', params: z.object({ code: z.string().max(64) }), response: { 200: usccResponse } } }, async (req) =>
    validateUscc(req.params.code),
  );
  app.get('/reference/industries', { schema: { tags, summary: '国民经济行业分类（GB/T 4754-2017）门类与大类', response: { 200: industryList } } }, async () => ({
    sections: industrySections,
    divisions: industryDivisions,
  }));
};
