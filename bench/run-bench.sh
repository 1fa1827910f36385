#!/usr/bin/env bash
# Builds ConsultChat and the benchmark harness, then measures: a WildFly of its own at port offset
# 300 (HTTP 8380, management 10290) with database consultchat_bench, client JVMs on this machine,
# then the bare Undertow baseline. The report goes to bench/target/bench/ (summary.md, *.json, *.jfr).
#
#   bench/run-bench.sh                      every scenario at full size (about 20 minutes)
#   bench/run-bench.sh hold room            chosen scenarios: hold, one-to-one, room, polling, baseline, ...
#   bench/run-bench.sh one-to-one cluster   also two nodes of a cluster (ports 8380/8580): what a second node adds
#   bench/run-bench.sh one-to-one peer      also one-to-one against ejabberd (apt-get install ejabberd)
#   bench/run-bench.sh one-to-one room peer and the room of 5,000 against ejabberd's multi-user chat
#   bench/run-bench.sh --hold.sockets=2000  smaller sizes; see docs/performance.md for every option
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -Pbench -pl bench -am package -DskipTests -Dspotless.check.skip=true

exec java -Xms256m -Xmx1g -Dbench.module=bench \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  com.consultchat.bench.Bench "$@"
