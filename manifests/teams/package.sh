#!/usr/bin/env bash
# Builds the Teams app package build/mvai-assistant-teams.zip (manifest.json, color.png, outline.png at the root).
#
#   manifests/teams/package.sh [MICROSOFT_APP_ID] [DOMAIN]
#
# Arguments win over the environment variables of the same names. MICROSOFT_APP_ID is the Azure Bot's
# app id (a GUID); DOMAIN is the bot's public host name without scheme or path (e.g. mvai-bot.azurewebsites.net).
# OUT_DIR overrides the output folder (default: build/ beside this script).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
app_id="${1:-${MICROSOFT_APP_ID:-}}"
domain="${2:-${DOMAIN:-}}"
out_dir="${OUT_DIR:-$here/build}"

die() { echo "package.sh: $*" >&2; exit 2; }

[ -n "$app_id" ] || die "MICROSOFT_APP_ID is required (argument 1 or environment)"
[ -n "$domain" ] || die "DOMAIN is required (argument 2 or environment)"
[[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]] \
  || die "MICROSOFT_APP_ID must be a GUID like 00000000-0000-0000-0000-000000000000, got '$app_id'"
# A DNS host name: dot-separated labels of letters, digits and inner hyphens; no scheme, port or path.
[[ "$domain" =~ ^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$ ]] && [ "${#domain}" -le 253 ] \
  || die "DOMAIN must be a host name like mvai-bot.azurewebsites.net (no scheme, port or path), got '$domain'"

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

sed -e "s/{{MICROSOFT_APP_ID}}/$app_id/g" -e "s/{{DOMAIN}}/$domain/g" "$here/manifest.json" > "$staging/manifest.json"
if grep -q '{{' "$staging/manifest.json"; then
  die "manifest.json still has an unfilled placeholder: $(grep -o '{{[A-Za-z_]*}}' "$staging/manifest.json" | sort -u | tr '\n' ' ')"
fi
cp "$here/color.png" "$here/outline.png" "$staging/"

mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
zip_path="$out_dir/mvai-assistant-teams.zip"
rm -f "$zip_path"
# Files at the zip root, no folders. python3 -m zipfile keeps the paths it is given, so run it in the staging folder.
(cd "$staging" && python3 -m zipfile -c "$zip_path" manifest.json color.png outline.png)
echo "$zip_path"
