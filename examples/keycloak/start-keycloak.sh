#!/usr/bin/env bash
# Starts an example identity provider for trying single sign-on: Keycloak in development mode (from
# Maven Central, about 170 MB the first time) on http://localhost:8480 with the example realm of this
# folder. For trying only: development mode keeps its data in a local file and has no TLS.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=26.5.6
home="target/keycloak-$version"
if [ ! -x "$home/bin/kc.sh" ]; then
  ./mvnw -B -q -N dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory=target
fi
mkdir -p "$home/data/import"
cp examples/keycloak/consultchat-realm.json "$home/data/import/"
echo "Keycloak starts on http://localhost:8480 (its administration console needs an admin user: see its docs)."
exec "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port=8480 --http-management-port=9480 --import-realm
