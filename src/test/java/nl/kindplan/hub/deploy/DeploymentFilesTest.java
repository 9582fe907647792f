package nl.kindplan.hub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment files of config/deploy/ cannot run on a build machine (no Docker, no cluster), so they
 * are parsed and checked here against what the hub really does: every YAML file parses, the probes ask
 * the hub's health groups on its port, the CronJob is run-once, no secret carries a value, compose has two
 * hubs of one image, and every environment variable and secret file names a setting the hub reads.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("config/deploy");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):");

    /** kind/name → manifest, of every Kubernetes file. */
    private static final Map<String, JsonNode> MANIFESTS = new LinkedHashMap<>();
    private static JsonNode compose;
    private static String applicationYml;
    /** the hub's setting names: every key of config/application.yml, flattened. */
    private static final Set<String> SETTINGS = new HashSet<>();
    private static String projectVersion;
    private static String activemqVersion;

    @BeforeAll
    static void readFiles() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode manifest : readAll(file)) {
                    assertThat(manifest.path("apiVersion").asString()).as(file + " apiVersion").isNotBlank();
                    assertThat(manifest.path("metadata").path("name").asString()).as(file + " metadata.name").isNotBlank();
                    MANIFESTS.put(manifest.path("kind").asString() + "/" + manifest.path("metadata").path("name").asString(), manifest);
                }
            }
        }
        compose = readAll(DEPLOY.resolve("compose.yaml")).get(0);
        applicationYml = Files.readString(Path.of("config/application.yml"), StandardCharsets.UTF_8);
        flatten("", YAML.readTree(applicationYml), SETTINGS);
        // set by the hub itself for run-once (KindplanHubApplication), not in application.yml
        SETTINGS.add("kindplan.run-once");
        SETTINGS.add("camel.main.routes-exclude-pattern");
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        projectVersion = firstGroup(pom, "<artifactId>kindplan-hub</artifactId>\\s*<version>([^<]+)</version>");
        activemqVersion = firstGroup(pom, "<activemq.version>([^<]+)</activemq.version>");
    }

    @Test
    void everyYamlFileUnderConfigDeployParses() throws IOException {
        List<Path> yamlFiles;
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            yamlFiles = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList();
        }
        assertThat(yamlFiles).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : yamlFiles) {
            assertThat(readAll(file)).as(file.toString()).isNotEmpty().allSatisfy(doc -> assertThat(doc.isObject()).isTrue());
        }
        assertThat(MANIFESTS).containsKeys("Deployment/kindplan-hub", "Service/kindplan-hub", "CronJob/kindplan-hub-night",
                "Secret/kindplan-hub-secrets", "Secret/kindplan-broker-tls", "ConfigMap/kindplan-hub",
                "PersistentVolumeClaim/kindplan-hub-data");
    }

    @Test
    void theDeploymentProbesTheHubsHealthGroupsOnItsPort() {
        JsonNode deployment = MANIFESTS.get("Deployment/kindplan-hub");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        JsonNode port = container.at("/ports/0");
        // server.port: ${KINDPLAN_PORT:8080} in application.yml, EXPOSE 8080 in the Dockerfile
        assertThat(applicationYml).contains("port: ${KINDPLAN_PORT:" + port.path("containerPort").asInt() + "}");
        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.path(probe).at("/httpGet/port").asString()).as(probe).isEqualTo(port.path("name").asString());
        }
        // the probe endpoints exist only with the probes on, and are open (README, Monitoring)
        assertThat(applicationYml).containsPattern("probes:\\s+enabled: true");
        assertThat(container.at("/resources/requests/memory").asString()).isNotBlank();
        assertThat(container.at("/resources/limits/memory").asString()).isNotBlank();
        assertThat(container.at("/resources/requests/cpu").asString()).isNotBlank();
        // every replica has the schedule: Quartz's cluster lets one of them fire each night (ClusterIT)
        assertThat(env(container)).doesNotContainKey("CAMEL_MAIN_ROUTESEXCLUDEPATTERN");
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();

        JsonNode service = MANIFESTS.get("Service/kindplan-hub");
        assertThat(service.at("/spec/ports/0/targetPort").asString()).isEqualTo(port.path("name").asString());
        assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/template/metadata/labels"));
    }

    @Test
    void theCronJobIsRunOnceOneAtATime() {
        JsonNode cronJob = MANIFESTS.get("CronJob/kindplan-hub-night");
        assertThat(cronJob.at("/spec/concurrencyPolicy").asString()).isEqualTo("Forbid");
        // the Deployment's replicas run the nights; the CronJob is there for a gemeente without them
        assertThat(cronJob.at("/spec/suspend").asBoolean()).isTrue();
        assertThat(cronJob.at("/spec/schedule").asString()).matches("\\S+ \\S+ \\S+ \\S+ \\S+");
        JsonNode pod = cronJob.at("/spec/jobTemplate/spec/template/spec");
        assertThat(pod.path("restartPolicy").asString()).isEqualTo("Never");
        JsonNode container = pod.at("/containers/0");
        // KINDPLAN_RUN_ONCE=true is what KindplanHubApplication looks for (RunOnceSwitchTest)
        assertThat(env(container)).containsEntry("KINDPLAN_RUN_ONCE", "true");
        assertThat(container.path("ports").isMissingNode()).as("run-once starts no web server").isTrue();
        // its inboxes are on the claim
        assertThat(pod.at("/volumes").findValuesAsString("claimName")).containsExactly("kindplan-hub-data");
    }

    @Test
    void secretsAreTemplatesWithoutValues() throws IOException {
        List<JsonNode> secrets = MANIFESTS.values().stream().filter(m -> m.path("kind").asString().equals("Secret")).toList();
        assertThat(secrets).hasSize(2);
        for (JsonNode secret : secrets) {
            List<String> values = new ArrayList<>();
            secret.path("stringData").forEach(v -> values.add(v.asString()));
            secret.path("data").forEach(v -> values.add(v.asString()));
            assertThat(values).as(secret.at("/metadata/name").asString()).isNotEmpty().allSatisfy(v -> assertThat(v).isEmpty());
        }
        // every file of the hub's secrets folder is a setting the hub has (configtree: file name = property)
        MANIFESTS.get("Secret/kindplan-hub-secrets").path("stringData").propertyNames()
                .forEach(key -> assertThat(SETTINGS).as("secret file " + key).contains(key));
        // .env.example: every value empty (no example password to copy)
        for (String line : Files.readAllLines(DEPLOY.resolve(".env.example"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                assertThat(line).as(".env.example").matches("[A-Z0-9_]+=(''|)");
            }
        }
        // the ConfigMap holds no secret
        MANIFESTS.get("ConfigMap/kindplan-hub").path("data").propertyNames()
                .forEach(key -> assertThat(key).doesNotContain("PASSWORD").doesNotContain("KEY_"));
    }

    @Test
    void secretsAreMountedWhereTheHubReadsThem() {
        // spring.config.import: "optional:configtree:${KINDPLAN_SECRETS_DIR:/run/secrets/}"
        assertThat(applicationYml).contains("import: \"optional:configtree:${KINDPLAN_SECRETS_DIR:/run/secrets/}\"");
        for (JsonNode pod : List.of(MANIFESTS.get("Deployment/kindplan-hub").at("/spec/template/spec"),
                MANIFESTS.get("CronJob/kindplan-hub-night").at("/spec/jobTemplate/spec/template/spec"))) {
            Map<String, String> mounts = new HashMap<>();
            pod.at("/containers/0/volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asString(), m.path("name").asString()));
            Map<String, String> secretVolumes = new HashMap<>();
            pod.path("volumes").forEach(v -> secretVolumes.put(v.path("name").asString(), v.at("/secret/secretName").asString()));
            assertThat(secretVolumes.get(mounts.get("/run/secrets"))).isEqualTo("kindplan-hub-secrets");
            assertThat(mounts).containsKeys("/data", "/tmp");
            // the trust store file the ConfigMap names lies in the mounted TLS secret
            String trustStore = MANIFESTS.get("ConfigMap/kindplan-hub").at("/data/KINDPLAN_BROKER_TRUST_STORE").asString();
            String tlsMount = mounts.entrySet().stream().filter(e -> "kindplan-broker-tls".equals(secretVolumes.get(e.getValue())))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            assertThat(trustStore).startsWith(tlsMount + "/");
            assertThat(MANIFESTS.get("Secret/kindplan-broker-tls").path("data").has(trustStore.substring(tlsMount.length() + 1))).isTrue();
        }
    }

    @Test
    void composeHasPostgresActiveMqAndTwoHubsOfOneImageWithoutPasswords() {
        JsonNode services = compose.path("services");
        List<String> hubs = new ArrayList<>();
        services.properties().forEach(e -> {
            if (e.getValue().path("image").asString().startsWith("kindplan-hub:")) {
                hubs.add(e.getKey());
            }
        });
        assertThat(hubs).containsExactly("hub-1", "hub-2");
        assertThat(services.at("/postgres/image").asString()).startsWith("postgres:");
        assertThat(services.at("/activemq/image").asString()).isEqualTo("apache/activemq-classic:" + activemqVersion);
        for (String hub : hubs) {
            JsonNode service = services.path(hub);
            assertThat(service.path("image").asString()).isEqualTo("kindplan-hub:" + projectVersion);
            Map<String, String> env = composeEnv(service);
            assertThat(env).containsEntry("KINDPLAN_BROKER_EMBEDDED", "false").containsKeys("SPRING_DATASOURCE_URL", "KINDPLAN_BROKER_URL");
            assertThat(env.get("KINDPLAN_BROKER_URL")).startsWith("failover:(");
            List<String> secretFiles = service.path("secrets").findValuesAsString("target");
            assertThat(secretFiles).contains("spring.datasource.password", "kindplan.broker.password", "kindplan.privacy.pseudonym-key");
            assertThat(SETTINGS).containsAll(secretFiles);
        }
        // the two hubs are alike, schedule and all: Quartz's cluster lets one of them fire each night
        assertThat(composeEnv(services.path("hub-2"))).isEqualTo(composeEnv(services.path("hub-1")));
        assertThat(services.at("/hub-2/secrets")).isEqualTo(services.at("/hub-1/secrets"));
        assertThat(services.at("/hub-1/build/dockerfile").asString()).isEqualTo("config/deploy/Dockerfile");
        // no password is written into the file: every one is required from .env
        services.properties().forEach(service -> composeEnv(service.getValue()).forEach((name, value) -> {
            if (name.endsWith("_FILE")) {
                assertThat(value).as(service.getKey() + " " + name).startsWith("/run/secrets/");
            } else if (name.contains("PASSWORD")) {
                assertThat(value).as(service.getKey() + " " + name).matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}");
            }
        }));
        compose.path("secrets").forEach(secret -> assertThat(secret.path("environment").asString()).isNotBlank());
        assertThat(services.at("/postgres/environment/POSTGRES_PASSWORD_FILE").asString()).startsWith("/run/secrets/");
    }

    @Test
    void everyEnvironmentVariableIsOneTheHubReads() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String hub : List.of("hub-1", "hub-2")) {
            composeEnv(compose.at("/services/" + hub)).forEach((name, value) -> variables.put(name, "compose " + hub));
        }
        MANIFESTS.get("ConfigMap/kindplan-hub").path("data").propertyNames().forEach(n -> variables.put(n, "ConfigMap"));
        env(MANIFESTS.get("Deployment/kindplan-hub").at("/spec/template/spec/containers/0")).keySet()
                .forEach(n -> variables.put(n, "Deployment"));
        env(MANIFESTS.get("CronJob/kindplan-hub-night").at("/spec/jobTemplate/spec/template/spec/containers/0")).keySet()
                .forEach(n -> variables.put(n, "CronJob"));

        Set<String> placeholders = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(applicationYml);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        Set<String> relaxed = new HashSet<>();
        // Spring's two environment forms of a setting: dashes dropped, or dashes as underscores
        SETTINGS.forEach(s -> {
            relaxed.add(s.toUpperCase().replace(".", "_").replace("-", ""));
            relaxed.add(s.toUpperCase().replace(".", "_").replace("-", "_"));
        });
        assertThat(variables).isNotEmpty().allSatisfy((name, where) -> {
            boolean read = placeholders.contains(name) || relaxed.contains(name)
                    // list entries, named in application.yml's comments (KINDPLAN_SECURITY_USERS_0_NAME, …)
                    || (name.startsWith("KINDPLAN_SECURITY_USERS_") && applicationYml.contains(name))
                    // the image's entry point hands it to the JVM
                    || (name.equals("JAVA_OPTS") && dockerfile().contains("$JAVA_OPTS"));
            assertThat(read).as(name + " (" + where + ") is read by the hub").isTrue();
        });
    }

    @Test
    void theDockerfileBuildsFromTheJarAndRunsAsItsOwnUser() throws IOException {
        String dockerfile = dockerfile();
        List<String> instructions = dockerfile.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(instructions.get(0)).matches("FROM eclipse-temurin:17-jre.*");
        assertThat(instructions).contains("COPY target/kindplan-hub-*.jar /app/kindplan-hub.jar",
                "COPY config/application.yml /app/config/application.yml", "COPY routes/ /app/routes/",
                "COPY mappings/ /app/mappings/", "VOLUME [\"/data\"]", "WORKDIR /app");
        // config/deploy may hold an operator's .env: only application.yml of config/ is copied
        assertThat(instructions).noneMatch(l -> l.startsWith("COPY config/ ") || l.startsWith("COPY . "));
        String user = instructions.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
        assertThat(instructions).anyMatch(l -> l.contains("KINDPLAN_DATA_DIR=/data"));
        assertThat(instructions).anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("$JAVA_OPTS"));
        assertThat(instructions).anyMatch(l -> l.equals("EXPOSE 8080"));
        assertThat(Files.readString(DEPLOY.resolve("Dockerfile.dockerignore"))).contains("**\n");
        // every image that runs the hub is the one this Dockerfile builds, tagged with the project version
        assertThat(MANIFESTS.get("Deployment/kindplan-hub").at("/spec/template/spec/containers/0/image").asString())
                .isEqualTo("kindplan-hub:" + projectVersion);
        assertThat(MANIFESTS.get("CronJob/kindplan-hub-night").at("/spec/jobTemplate/spec/template/spec/containers/0/image").asString())
                .isEqualTo("kindplan-hub:" + projectVersion);
        assertThat(dockerfile).contains("docker build -f config/deploy/Dockerfile -t kindplan-hub:" + projectVersion + " .");
    }

    @Test
    void theReadmeNamesEveryDeploymentFile() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            // config/deploy/compose.yaml by its path; the manifests under "config/deploy/kubernetes/" by their names
            files.filter(Files::isRegularFile).forEach(file -> assertThat(readme).as("README names " + file)
                    .contains(file.getParent().endsWith("kubernetes") ? "`" + file.getFileName() + "`" : file.toString()));
        }
        assertThat(readme).contains("docker build -f config/deploy/Dockerfile");
    }

    private static String dockerfile() {
        try {
            return Files.readString(DEPLOY.resolve("Dockerfile"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asString(), e.path("value").asString()));
        return env;
    }

    private static Map<String, String> composeEnv(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        service.path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        return env;
    }

    private static List<JsonNode> readAll(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    documents.add(doc);
                }
            }
        }
        return documents;
    }

    private static void flatten(String prefix, JsonNode node, Set<String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else {
            into.add(prefix);
        }
    }

    private static String firstGroup(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
