#!/usr/bin/env bash
# Builds ConsultChat, prepares WildFly and the database, deploys, and serves until Ctrl-C.
# Configuration comes from CONSULTCHAT_* environment variables (see README.md).
# ./run.sh --cluster starts two nodes of a cluster and a load balancer in front of them instead.
set -euo pipefail
cd "$(dirname "$0")"

cluster=false
case "${1:-}" in
  "") ;;
  --cluster) cluster=true ;;
  *) echo "Usage: $0 [--cluster]" >&2; exit 2 ;;
esac

echo "Building ConsultChat and preparing WildFly (the first build downloads WildFly, about 260 MB)..."
./mvnw -B -q package -DskipTests -Dspotless.check.skip=true

wildfly=$(ls -d ear/target/wildfly-*/ | head -n 1)
wildfly=${wildfly%/}

java -cp "$(cat ear/target/bootstrap.classpath)" com.consultchat.migrations.DatabaseBootstrap

port=${CONSULTCHAT_HTTP_PORT:-8080}
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is already in use (another ConsultChat or WildFly?): stop it, or set CONSULTCHAT_HTTP_PORT." >&2
  exit 1
fi

if [ "$cluster" = true ]; then
  exec bash run-cluster.sh "$wildfly" "$port"
fi

deployments="$wildfly/standalone/deployments"
rm -f "$deployments"/consultchat.ear* "$deployments"/consultchat-sso.war*
cp ear/target/consultchat.ear "$deployments/"
# Single sign-on (README) is a deployment of its own; it starts after the EAR.
cp ear/target/consultchat-sso.war "$deployments/"

# In the background, standalone.sh passes signals on to the server, so stopping it stops WildFly.
LAUNCH_JBOSS_IN_BACKGROUND=1 "$wildfly/bin/standalone.sh" -c consultchat.xml --stability=community > "$wildfly/standalone/log/console.log" 2>&1 &
server=$!
trap 'echo; echo "Stopping ConsultChat..."; kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; exit 0' INT TERM

echo "Starting WildFly (log: $wildfly/standalone/log/server.log)..."
ear="$deployments/consultchat.ear"
# The scanner writes a marker when it is done; old ones were removed above.
until [ -e "$ear.deployed" ] || [ -e "$ear.failed" ]; do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "WildFly stopped during startup; see $wildfly/standalone/log/server.log" >&2
    exit 1
  fi
  sleep 1
done
if [ -e "$ear.failed" ]; then
  # The innermost cause says what to fix; the whole story is in the server log.
  cause=$(grep -o 'Caused by: [^"]*' "$deployments/consultchat.ear.failed" | tail -n 1 | sed 's/^Caused by: [A-Za-z0-9_.$]*: //')
  echo "ConsultChat did not start: ${cause:-see the server log}" >&2
  echo "Details: $wildfly/standalone/log/server.log" >&2
  kill "$server"
  wait "$server" 2>/dev/null || true
  exit 1
fi

grep -h "one-time password" "$wildfly/standalone/log/server.log" | tail -n 1 | sed 's/.*WARN.*) /Note: /' || true
echo "ConsultChat is running at http://localhost:$port/consultchat/  (Ctrl-C stops it)"
wait "$server"
