#!/bin/sh
# Runs the ESP throughput benchmark (a plain main in client-engine's test sources).
# Usage: bench/esp/run.sh [run-ms] [warmup-ms]
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B -o -pl client-engine test-compile
CP_FILE="$PWD/client-engine/target/bench.classpath"
./mvnw -q -B -o -pl client-engine dependency:build-classpath -Dmdep.outputFile="$CP_FILE"
exec java -cp "client-engine/target/classes:client-engine/target/test-classes:$(cat "$CP_FILE")" \
    dev.roadwarrior.engine.esp.bench.EspBench "$@"
