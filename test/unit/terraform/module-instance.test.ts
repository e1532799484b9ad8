import assert from 'node:assert/strict';

import { defaultConfig } from '../../../src/engine';
import type { AnalysisContext } from '../../../src/engine/analyzer';
import { loadTree } from '../../../src/engine/terraform/config/load-tree';
import { evaluate } from '../../../src/engine/terraform/eval/evaluate';
import { parseHcl } from '../../../src/engine/terraform/parser';
import { ModuleInstance, type Workspace } from '../../../src/engine/terraform/resolve/module-instance';
import { memoryFs } from '../helpers/memory-fs';

/** The root module instance of the configuration in `files` (paths under /ws), as the analyzer builds it. */
async function rootOf(files: Record<string, string>): Promise<ModuleInstance> {
  const fs = memoryFs(files);
  const dec = new TextDecoder();
  const ctx: AnalysisContext = {
    config: defaultConfig(),
    root: '/ws',
    readText: async (p) => dec.decode(await fs.readFile(p)),
    isMissing: () => false,
    listDir: (p) => fs.readDirectory(p),
    parse: (_path, _kind, text, parse) => parse(text),
  };
  const tree = await loadTree(ctx, '/ws');
  const ws: Workspace = { ...tree, activeGuards: 0 };
  const root = new ModuleInstance(ws, tree.modules.get('/ws')!, null, [], new Map(), new Map(), 0, true);
  ws.root = root;
  return root;
}

describe('module instances', () => {
  it("evaluates a module's output once, however often it is referred to", async () => {
    const root = await rootOf({
      '/ws/main.tf': 'module "m" {\n  source = "./m"\n}\n',
      '/ws/m/main.tf': 'output "regions" {\n  value = { for r in ["eu-west-1", "eu-central-1"] : r => upper(r) }\n}\n',
    });
    const ref = parseHcl('x = module.m.regions\n').body.attributes[0].expr;
    const first = evaluate(ref, root.env('/ws/main.tf'));
    const second = evaluate(ref, root.env('/ws/main.tf'));
    assert.equal(first.t, 'map');
    assert.equal(second.t, 'map');
    // A second evaluation of the `for` expression would build another map.
    assert.ok(first.t === 'map' && second.t === 'map' && first.entries === second.entries);
    assert.deepEqual(
      first.o.steps.map((s) => s.description),
      ['output "regions" of module.m'],
    );
  });
  it('says why an instance count is not known once along a chain of resources, and names no absolute path', async () => {
    const root = await rootOf({
      '/ws/main.tf': [
        'resource "aws_sqs_queue" "a" {\n  for_each = var.names\n}',
        'resource "aws_sqs_queue" "b" {\n  for_each = aws_sqs_queue.a\n}',
        'resource "aws_sqs_queue" "c" {\n  count = length(aws_sqs_queue.b)\n}',
        'module "m" {\n  source = "./m"\n}',
      ].join('\n'),
      '/ws/m/main.tf': 'output "x" {\n  value = var.undeclared\n}\n',
    });
    const b = root.instancesOf(root.cfg.resources.find((r) => r.name === 'b')!);
    assert.ok(!Array.isArray(b) && b.t === 'unknown');
    assert.equal(
      !Array.isArray(b) && b.t === 'unknown' ? b.reason.match(/for_each is not known statically/g)?.length : 0,
      1,
      JSON.stringify(b),
    );
    const x = evaluate(parseHcl('x = module.m.x\n').body.attributes[0].expr, root.env('/ws/main.tf'));
    assert.equal(x.t === 'unknown' ? x.reason : '', 'var.undeclared is not declared in module.m');
  });
});
