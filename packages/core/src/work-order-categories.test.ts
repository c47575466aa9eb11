import { describe, expect, it } from 'vitest';
import { buildCategoryTree, categoryMoveProblem, categoryPath, defaultWorkOrderCategories } from './work-order-categories';

const rows = [
  { id: 'talent', parentId: null, name: '人才服务' },
  { id: 'housing', parentId: 'talent', name: '人才公寓' },
  { id: 'rent', parentId: 'housing', name: '租金补贴' },
  { id: 'finance', parentId: null, name: '融资' },
  { id: 'orphan', parentId: 'gone', name: '孤立分类' },
];

describe('category tree', () => {
  it('seeds the issue names', () => {
    expect(defaultWorkOrderCategories).toEqual(['政策咨询', '人才服务', '融资', '用地用房', '审批', '知识产权', '其他']);
  });

  it('builds the forest and the path of a node', () => {
    const tree = buildCategoryTree(rows);
    expect(tree.map((n) => n.id)).toEqual(['talent', 'finance', 'orphan']);
    expect(tree[0]!.children[0]!.children.map((n) => n.name)).toEqual(['租金补贴']);
    expect(categoryPath(rows, 'rent')).toEqual(['人才服务', '人才公寓', '租金补贴']);
    expect(categoryPath(rows, 'none')).toEqual([]);
  });

  it('refuses a move under itself or its descendants, and a fourth level', () => {
    expect(categoryMoveProblem(rows, 'talent', 'rent')).toBe('不能移动到自身或其下级分类之下');
    expect(categoryMoveProblem(rows, 'talent', 'talent')).toBe('不能移动到自身或其下级分类之下');
    expect(categoryMoveProblem(rows, 'housing', 'finance')).toBeNull();
    expect(categoryMoveProblem(rows, 'talent', 'finance')).toBe('分类最多 3 级');
    expect(categoryMoveProblem(rows, 'new', 'rent')).toBe('分类最多 3 级'); // a new category under the third level
    expect(categoryMoveProblem(rows, 'new', 'housing')).toBeNull();
    expect(categoryMoveProblem(rows, 'rent', null)).toBeNull();
    expect(categoryMoveProblem(rows, 'rent', 'gone')).toBe('上级分类不存在');
  });
});
