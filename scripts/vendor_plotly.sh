#!/usr/bin/env bash
# Vendor plotly.js's official basic bundle (scatter, bar, pie) into the theme, so the
# site serves it itself (no CDN) and the Python figures match the JavaScript that draws
# them.
#
#   scripts/vendor_plotly.sh            # the version plotly (Python) in .venv targets
#   scripts/vendor_plotly.sh 4.1.1      # an explicit version
#
# Needs npm (only to fetch from the registry) and node (to hash). Writes
#   theme/assets/vendor/plotly-basic-<version>.min.js
#   theme/assets/vendor/plotly.js-LICENSE.txt
# and removes older plotly-basic-*.min.js files, so exactly one version is served.
set -euo pipefail

package="plotly.js-basic-dist-min"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vendor="$root/theme/assets/vendor"
python="${PYTHON:-$root/.venv/bin/python}"

# The bundle must be the plotly.js the Python package writes figures for.
version="${1:-$("$python" -c 'import plotly.offline; print(plotly.offline.get_plotlyjs_version())')}"
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    echo "error: '$version' is not a plotly.js version such as 4.1.1" >&2
    exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

expected="$(npm view "$package@$version" dist.integrity)"
if [[ "$expected" != sha512-* ]]; then
    echo "error: the registry gave no sha512 integrity for $package@$version" >&2
    exit 1
fi

(cd "$tmp" && npm pack --silent "$package@$version" >/dev/null)
tarball="$tmp/$package-$version.tgz"

actual="sha512-$(node -e '
const data = require("fs").readFileSync(process.argv[1]);
process.stdout.write(require("crypto").createHash("sha512").update(data).digest("base64"));
' "$tarball")"
if [[ "$actual" != "$expected" ]]; then
    echo "error: integrity mismatch for $package@$version" >&2
    echo "  registry: $expected" >&2
    echo "  download: $actual" >&2
    exit 1
fi

tar -xzf "$tarball" -C "$tmp"
bundle="$tmp/package/plotly-basic.min.js"
# The header reads "plotly.js (basic - minified) v4.1.1".
if ! head -c 300 "$bundle" | grep -Eq "plotly\.js \(basic[^)]*\) v${version//./\\.}\b"; then
    echo "error: $bundle does not announce plotly.js v$version in its header" >&2
    exit 1
fi

mkdir -p "$vendor"
find "$vendor" -maxdepth 1 -name 'plotly-basic-*.min.js' ! -name "plotly-basic-$version.min.js" -delete
cp "$bundle" "$vendor/plotly-basic-$version.min.js"
cp "$tmp/package/LICENSE" "$vendor/plotly.js-LICENSE.txt"

echo "vendored $package@$version ($expected)"
echo "  $(wc -c <"$vendor/plotly-basic-$version.min.js") bytes," \
    "$(gzip -9c "$vendor/plotly-basic-$version.min.js" | wc -c) gzipped"
