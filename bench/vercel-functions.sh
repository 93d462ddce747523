#!/usr/bin/env bash
# What a Vercel deployment really gets: runs `vercel build` (CLI 58.10.0, offline, with a
# hand-written .vercel/project.json) on a copy of the committed tree and reports the functions,
# their runtime and sizes, and whether the embedded database (PGlite) slipped into one.
# Usage: bash bench/vercel-functions.sh   (≈2 minutes; needs the npm registry once for the CLI)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
cli=${VERCEL_CLI_DIR:-/tmp/vercel-cli-58.10.0}
[ -x "$cli/node_modules/.bin/vercel" ] || npm i -E --prefix "$cli" --no-audit --no-fund --loglevel=error vercel@58.10.0
git -C "$root" archive HEAD | tar -x -C "$work"
cp -al "$root/node_modules" "$work/node_modules" 2>/dev/null || cp -r "$root/node_modules" "$work/node_modules"
mkdir -p "$work/.vercel"
echo '{"projectId":"prj_local","orgId":"team_local","settings":{"framework":null}}' > "$work/.vercel/project.json"
# the H5 build is not what this measures: a placeholder keeps the run short
(cd "$work" && node -e "const f='vercel.json',j=require('./'+f);j.buildCommand='mkdir -p dist-h5 && echo ok > dist-h5/index.html';j.installCommand='true';require('fs').writeFileSync(f,JSON.stringify(j,null,2))")
(cd "$work" && "$cli/node_modules/.bin/vercel" build --yes > "$work/build.log" 2>&1) || { tail -20 "$work/build.log"; exit 1; }
cd "$work/.vercel/output/functions"
count=$(find . -name '*.func' -type d | wc -l)
echo "functions: $count"
for f in $(find . -name '*.func' -type d | sort); do
  runtime=$(node -p "require('./$f/.vc-config.json').runtime")
  echo "  $f  $(du -sh "$f" | cut -f1)  $runtime  pglite: $(find "$f" -path '*electric-sql*' | head -1 | grep -q . && echo INCLUDED || echo no)"
done
rm -rf "$work"
[ "$count" -le 12 ]
