#!/usr/bin/env bash
# Healthy once the single-member replica set has a primary; initiates it on the first call.
set -euo pipefail
host="$1"
mongosh --quiet -u "$MONGO_INITDB_ROOT_USERNAME" -p "$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin --eval "
  try { rs.status() } catch (e) { rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: '$host' }] }) }
  if (!db.hello().isWritablePrimary) { quit(1) }
"
