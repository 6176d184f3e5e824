#!/usr/bin/env bash
# Healthy when the path answers a JSON body (the JRE image has bash but no curl).
set -euo pipefail
exec 3<>"/dev/tcp/$1/$2"
printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$3" "$1" >&3
grep -q '"success"' <&3
