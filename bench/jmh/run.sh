#!/bin/sh
# Runs the JMH benchmarks of the ESP data plane; arguments go to JMH, e.g.
#   bench/jmh/run.sh                                 # everything (about 10 minutes)
#   bench/jmh/run.sh EspBenchmark.seal -p size=1400 -f 1 -wi 2 -i 3
set -e
cd "$(dirname "$0")"
../../mvnw -q -B -f pom.xml compile
../../mvnw -q -B -f pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main "$@"
