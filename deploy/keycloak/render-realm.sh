#!/bin/sh
# Renders the realm file for import: the public client taskforce-portal allows exactly the browser origins the
# gateway's CORS allows (TASKFORCE_CORS_ORIGINS, comma-separated), as web origins (Keycloak's CORS on its token
# endpoint) and as redirect URIs (<origin>/* for the authorization code flow). Keycloak expands neither wildcards
# nor a list, so each origin is written out. Used by ./taskforce and by docker-compose.yml (POSIX sh and sed only).
#
#   TASKFORCE_CORS_ORIGINS=http://127.0.0.1:3000,https://portal.example.eu render-realm.sh TEMPLATE OUTPUT
set -eu

template=$1 output=$2
origins=${TASKFORCE_CORS_ORIGINS:?TASKFORCE_CORS_ORIGINS must name the allowed browser origins, comma-separated}

web_origins="" redirect_uris=""
old_ifs=$IFS; IFS=,
for origin in $origins; do
  [ -n "$origin" ] || continue
  # an exact origin: scheme, host, optional port; no path, no wildcard, no space (the gateway would not trim
  # it), nothing that could break the JSON
  if ! printf '%s\n' "$origin" | grep -Eq '^https?://([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?$'; then
    echo "TASKFORCE_CORS_ORIGINS: '$origin' is not an origin like http://127.0.0.1:3000 or https://portal.example.eu" >&2
    exit 2
  fi
  web_origins="$web_origins${web_origins:+, }\"$origin\""
  redirect_uris="$redirect_uris${redirect_uris:+, }\"$origin/*\""
done
IFS=$old_ifs
[ -n "$web_origins" ] || { echo "TASKFORCE_CORS_ORIGINS names no origin" >&2; exit 2; }

sed -e "s|\"@FRONTEND_ORIGINS@\"|$web_origins|" -e "s|\"@FRONTEND_REDIRECT_URIS@\"|$redirect_uris|" "$template" >"$output.tmp"
mv "$output.tmp" "$output"
