# syntax=docker/dockerfile:1
# The peerwatch image for docker-compose.yml (build context: the repository root; the files it may
# see are narrowed by peerwatch.Dockerfile.dockerignore). Builds the runnable jar with Maven, then
# runs it on a JRE as an unprivileged user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY config config
COPY agents agents
COPY monitors monitors
COPY simulator simulator
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --no-create-home --shell /usr/sbin/nologin peerwatch \
    && mkdir -p /data && chown peerwatch /data
WORKDIR /opt/peerwatch
COPY --from=build /src/simulator/target/peerwatch.jar peerwatch.jar
COPY config/scenarios scenarios
USER peerwatch
EXPOSE 9477
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-jar", "/opt/peerwatch/peerwatch.jar"]
CMD ["serve", "scenarios/hub-trust-grows.yaml", "--bind=0.0.0.0", "--port=9477", "--out=/data/serve"]
