#!/usr/bin/env bash
# Two nodes of a cluster and the load balancer in front of them, on this machine, until Ctrl-C (README, "Several
# nodes"). Started by ./run.sh --cluster once it has built and prepared the database; each server has a base
# directory of its own under ear/target/cluster.
set -euo pipefail
cd "$(dirname "$0")"

wildfly=$1
port=$2
root=ear/target/cluster
# Node n listens at the balancer's ports plus n*100 (HTTP, management, JGroups 7600+n*100).
export CONSULTCHAT_CLUSTER_MEMBERS=${CONSULTCHAT_CLUSTER_MEMBERS:-127.0.0.1[7700],127.0.0.1[7800]}
# The pages come from the balancer's address, which is what the browser sends as Origin.
export CONSULTCHAT_ALLOWED_ORIGINS=${CONSULTCHAT_ALLOWED_ORIGINS:-http://localhost:$port,http://127.0.0.1:$port}

pids=()
stop_all() {
  echo
  echo "Stopping the cluster..."
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  exit 0
}
trap stop_all INT TERM

# start NAME CONFIG [ARGS...]: a server with a fresh base directory; the nodes get the EAR to deploy.
start() {
  local name=$1 config=$2
  shift 2
  local base="$root/$name"
  rm -rf "$base"
  mkdir -p "$base/deployments" "$base/log"
  cp -r "$wildfly/standalone/configuration" "$base/"
  if [ "$config" != consultchat-balancer.xml ]; then
    cp ear/target/consultchat.ear "$base/deployments/"
  fi
  LAUNCH_JBOSS_IN_BACKGROUND=1 "$wildfly/bin/standalone.sh" -c "$config" --stability=community \
    -Djboss.server.base.dir="$(pwd)/$base" "$@" > "$base/log/console.log" 2>&1 &
  pids+=($!)
}

echo "Starting the load balancer and two nodes (logs: $root/*/log/server.log)..."
start balancer consultchat-balancer.xml
start node-1 consultchat-ha.xml -Djboss.node.name=node-1 -Djboss.socket.binding.port-offset=100
start node-2 consultchat-ha.xml -Djboss.node.name=node-2 -Djboss.socket.binding.port-offset=200

for node in node-1 node-2; do
  ear="$root/$node/deployments/consultchat.ear"
  until [ -e "$ear.deployed" ] || [ -e "$ear.failed" ]; do
    for pid in "${pids[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "A server stopped during startup; see $root/*/log/server.log" >&2
        stop_all
      fi
    done
    sleep 1
  done
  if [ -e "$ear.failed" ]; then
    echo "ConsultChat did not start on $node; see $root/$node/log/server.log" >&2
    stop_all
  fi
done

grep -h "one-time password" "$root"/node-*/log/server.log | tail -n 1 | sed 's/.*WARN.*) /Note: /' || true
echo "ConsultChat is running at http://localhost:$port/consultchat/ through the balancer, on node-1"
echo "(http://localhost:$((port + 100))/consultchat/) and node-2 (http://localhost:$((port + 200))/consultchat/)  (Ctrl-C stops all)"
wait
