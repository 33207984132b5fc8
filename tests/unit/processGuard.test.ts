import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { expect, test } from 'vitest'

const probe = (mode: string) =>
  spawnSync(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', path.resolve('tests/fixtures/scripts/guarded.ts'), mode],
    { encoding: 'utf8', timeout: 30_000 },
  )

test('a guarded script that finishes exits 0 without a word', () => {
  const run = probe('finishes')
  expect(run.status).toBe(0)
  expect(run.stderr).not.toContain('[newsroom]')
})

test('an await that never settles ends with 1 and says so, where Node would end with 0', () => {
  const run = probe('stalls')
  expect(run.status).toBe(1)
  expect(run.stderr).toContain('the probe ended before it finished')
})

test('a script that finished but does not exit is ended with 1, naming what holds it open', () => {
  const run = probe('hangs')
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(/the probe finished but did not exit within 0\.5 s; still open: .*Timeout/)
})
