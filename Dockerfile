# perf — container image. Build: docker build -t perf .   (docker compose up does it for you)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY perf-scoring/pom.xml perf-scoring/pom.xml
COPY perf-domain/pom.xml perf-domain/pom.xml
COPY perf-persistence/pom.xml perf-persistence/pom.xml
COPY perf-reports/pom.xml perf-reports/pom.xml
COPY perf-web/pom.xml perf-web/pom.xml
COPY src-it/pom.xml src-it/pom.xml
RUN ./mvnw -B -ntp -q dependency:go-offline -pl perf-web -am || true
COPY . .
RUN ./mvnw -B -ntp -q -pl perf-web -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app perf && mkdir -p /app/data && chown perf /app/data
WORKDIR /app
COPY --from=build /src/perf-web/target/perf-web-exec.jar /app/perf.jar
USER perf
ENV PERF_PORT=8080 PERF_DATA_DIR=/app/data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && grep -q UP <&3'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/perf.jar"]
