// typst-pdf.mjs - compile one Typst file to PDF with Typst 0.14 from node (the npm package
// @myriaddreamin/typst-ts-node-compiler 0.7.0), for bench/typst.py; fonts only from the
// folders given (the same Noto CJK and LXGW WenKai files huozi uses).
//
// usage: node bench/typst-pdf.mjs MAIN.typ OUT.pdf FONTDIR...
// install once:  npm install --prefix bench @myriaddreamin/typst-ts-node-compiler@0.7.0
//   (or any folder named by TYPST_TS_PREFIX; bench/node_modules is not committed)
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const prefix = process.env.TYPST_TS_PREFIX || here;
const require = createRequire(join(resolve(prefix), 'package.json'));
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [main, out, ...fontDirs] = process.argv.slice(2);
const compiler = NodeCompiler.create({
  workspace: dirname(resolve(main)),
  fontArgs: [{ fontPaths: fontDirs }],
});
const result = compiler.compile({ mainFilePath: resolve(main) });
if (!result.result) {
  const diags = compiler.fetchDiagnostics(result.takeDiagnostics());
  console.error(JSON.stringify(diags, null, 1));
  process.exit(1);
}
writeFileSync(out, compiler.pdf(result.result));
