# Build stage: the same Maven build as the README's run command.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Runtime: a JRE plus libgomp1 for XGBoost's native code.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends libgomp1 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/lib/ /app/lib/
COPY --from=build /src/target/segment-agent.jar /app/segment-agent.jar
COPY schema-catalog/ /app/schema-catalog/
# OMP_WAIT_POLICY=passive: XGBoost's OpenMP threads sleep instead of spinning at every barrier. With the cores
# shared (DuckDB, the web server, other containers) the spinning threads starve the one they wait for: XGBoost
# training on 2 threads took 11-19 s instead of 2.2-2.5 s on a loaded 2-core machine (bench --ml, 30k x 146).
ENV SEGMENT_DATA_DIR=/data \
    SEGMENT_CATALOG_DIR=/app/schema-catalog \
    OMP_WAIT_POLICY=passive
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-XX:MaxRAMPercentage=70", "-jar", "/app/segment-agent.jar"]
CMD ["serve"]
