#!/usr/bin/env bash
# Runs org.crmkit.spark.example.SparkScoringExample with the provided Spark on the class path:
#   crm-spark/run-example.sh --customers 1000000 --master 'local[2]'
# HEAP (default 4g) sets -Xmx. Builds crm-core, crm-scoring and crm-spark first (offline when
# OFFLINE=1), without tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${OFFLINE:+-o} -pl crm-spark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/example.classpath -Dmdep.includeScope=test
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true)
exec java -Xmx"${HEAP:-4g}" "${opens[@]}" -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
    -Dlog4j2.configurationFile=crm-spark/src/test/resources/log4j2.properties \
    -cp "crm-spark/target/classes:$(cat crm-spark/target/example.classpath)" \
    org.crmkit.spark.example.SparkScoringExample "$@"
