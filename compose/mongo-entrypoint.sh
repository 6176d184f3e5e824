#!/usr/bin/env bash
# A replica set with auth needs a key file owned by mongod; make one per container, then hand over
# to the image's own entrypoint (which creates the root user and runs docker-entrypoint-initdb.d).
set -euo pipefail
openssl rand -base64 756 > /tmp/keyfile
chmod 400 /tmp/keyfile
chown mongodb:mongodb /tmp/keyfile
exec docker-entrypoint.sh "$@"
