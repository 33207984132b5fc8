import type { Statement, TestContext } from '../helpers/instance.js'

type PlanNode = { 'Node Type': string; Plans?: PlanNode[]; 'Relation Name'?: string }

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)]

/**
 * Sequential scans of the article tables (`<articles>`, its `_rels`, its versions) in the plans
 * PostgreSQL picks for these statements, run with their own parameters through EXPLAIN.
 */
export const seqScansOf = async (
  ctx: TestContext,
  statements: Statement[],
  articlesTable: string,
): Promise<{ scans: number; tables: string[] }> => {
  const tables: string[] = []
  for (const { params, sql } of statements) {
    const [row] = await ctx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      params,
    )
    for (const node of nodesOf(row!['QUERY PLAN'][0].Plan)) {
      const relation = node['Relation Name'] ?? ''
      if (node['Node Type'] === 'Seq Scan' && relation.replace(/^_/, '').startsWith(articlesTable)) {
        tables.push(relation)
      }
    }
  }
  // A table of a few pages (an array table the data leaves empty) is read whole faster than through
  // an index: only scans of tables that have grown count.
  const sizes = await ctx.query<{ pages: number; relname: string }>(
    'SELECT relname, relpages AS pages FROM pg_class WHERE relname = ANY($1)',
    [[...new Set(tables)]],
  )
  const grown = new Set(sizes.filter((row) => row.pages >= SMALL_TABLE_PAGES).map((row) => row.relname))
  const counted = tables.filter((table) => grown.has(table))
  return { scans: counted.length, tables: counted }
}

/** 8 pages of 8 kB: smaller tables are read whole by any sensible plan. */
const SMALL_TABLE_PAGES = 8
