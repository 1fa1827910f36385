#!/usr/bin/env bash
# Builds ConsultChat, prepares WildFly and the database, deploys, and serves until Ctrl-C.
# Configuration comes from CONSULTCHAT_* environment variables (see README.md).
set -euo pipefail
cd "$(dirname "$0")"

echo "Building ConsultChat and preparing WildFly (the first build downloads WildFly, about 260 MB)..."
./mvnw -B -q package -DskipTests -Dspotless.check.skip=true

wildfly=$(ls -d ear/target/wildfly-*/ | head -n 1)
wildfly=${wildfly%/}

java -cp "$(cat ear/target/bootstrap.classpath)" com.consultchat.migrations.DatabaseBootstrap

deployments="$wildfly/standalone/deployments"
rm -f "$deployments"/consultchat.ear*
cp ear/target/consultchat.ear "$deployments/"

port=${CONSULTCHAT_HTTP_PORT:-8080}
"$wildfly/bin/standalone.sh" -c consultchat.xml > "$wildfly/standalone/log/console.log" 2>&1 &
server=$!
trap 'echo; echo "Stopping ConsultChat..."; kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; exit 0' INT TERM

echo "Starting WildFly (log: $wildfly/standalone/log/server.log)..."
until [ -e "$deployments/consultchat.ear.deployed" ] || [ -e "$deployments/consultchat.ear.failed" ]; do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "WildFly stopped during startup; see $wildfly/standalone/log/server.log" >&2
    exit 1
  fi
  sleep 1
done
if [ -e "$deployments/consultchat.ear.failed" ]; then
  echo "ConsultChat failed to deploy: $(head -c 600 "$deployments/consultchat.ear.failed")" >&2
  kill "$server"
  exit 1
fi

grep -h "one-time password" "$wildfly/standalone/log/server.log" | tail -n 1 | sed 's/.*WARN.*) /Note: /' || true
echo "ConsultChat is running at http://localhost:$port/consultchat/  (Ctrl-C stops it)"
wait "$server"
