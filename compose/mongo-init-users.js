// Runs once, on first start, as the root user (image's docker-entrypoint-initdb.d).
// The sync user may block writes and bypass the block; the application user may not.
const admin = db.getSiblingDB("admin");
admin.createRole({
  role: "c2cWriteBlocking",
  privileges: [{ resource: { cluster: true }, actions: ["setUserWriteBlockMode", "bypassWriteBlockingMode"] }],
  roles: []
});
admin.createUser({
  user: process.env.C2C_SYNC_USER,
  pwd: process.env.C2C_SYNC_PASSWORD,
  roles: ["readWriteAnyDatabase", "dbAdminAnyDatabase", "clusterMonitor", "clusterManager", "c2cWriteBlocking"]
});
admin.createUser({
  user: process.env.C2C_APP_USER,
  pwd: process.env.C2C_APP_PASSWORD,
  roles: ["readWriteAnyDatabase"]
});
