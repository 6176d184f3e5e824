package io.c2csync.controlplane.e2e;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import io.c2csync.controlplane.cli.SyncService;
import io.c2csync.controlplane.connect.ClusterSecrets;
import io.c2csync.controlplane.faults.SyncApiClient;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.emulator.EmulatedClusters;
import io.c2csync.runtime.EmbeddedRuntime;
import io.c2csync.runtime.EmbeddedRuntimeExtension;
import io.c2csync.controlplane.verify.EmbeddedVerification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Connect worker's JMX metrics are there for the usual tools: a JMX client attached to the
 * embedded worker by its pid (what {@code jconsole <pid>} does) reads Connect's task metrics of the
 * sync's connectors and mongo-kafka's source task MBean.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
class ConnectWorkerJmxTest {
    private static final Duration STEP = Duration.ofSeconds(120);

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    @TempDir
    Path workDir;

    @Test
    void connectAndMongoKafkaTaskMetricsAreReadableOverJmx(EmbeddedRuntime runtime) throws Exception {
        CLUSTERS.client(0).getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 1));
        ClusterSecrets secrets = ClusterSecrets.writeFile(workDir.resolve("clusters.properties"), Map.of(
                ClusterName.CLUSTER0, CLUSTERS.get(0).connectionString(),
                ClusterName.CLUSTER1, CLUSTERS.get(1).connectionString()));
        try (SyncService service = SyncService.start(new SyncService.Settings(CLUSTERS.get(0).connectionString(),
                CLUSTERS.get(1).connectionString(), new InetSocketAddress("127.0.0.1", 0), "jmx",
                workDir.resolve("sync-state.json"), runtime.connectClient(), secrets, EmbeddedVerification.Settings.defaults()), Clock.systemUTC());
                JMXConnector jmx = JMXConnectorFactory.connect(localAgentOf(runtime.workerProcess().pid()))) {
            SyncApiClient api = new SyncApiClient(service.apiUri());
            assertThat(api.post("start", "{\"source\":\"cluster0\",\"destination\":\"cluster1\"}")
                    .path("success").asBoolean()).isTrue();
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();

            // two sync groups (the database shop and "other"), each a source and a sink connector with one task
            await("Connect's task metrics of the four connectors running", STEP).until(() -> {
                Set<ObjectName> tasks = mbeans.queryNames(
                        new ObjectName("kafka.connect:type=connector-task-metrics,connector=*,task=0"), null);
                return tasks.size() == 4 && tasks.stream().allMatch(task -> "running".equals(attribute(mbeans, task,
                        "status")));
            });
            ObjectName sourceTaskMetrics = new ObjectName("com.mongodb.kafka.connect:type=source-task-metrics,*");
            await("mongo-kafka's source task MBean counting records", STEP).until(() -> mbeans
                    .queryNames(sourceTaskMetrics, null).stream()
                    .anyMatch(mbean -> ((Number) mongoKafkaAttribute(mbeans, mbean, "records")).longValue() > 0));
        }
    }

    /** Starts the JMX agent of the JVM {@code pid} (as jconsole does for a local process) and returns its address. */
    private static JMXServiceURL localAgentOf(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            return new JMXServiceURL(vm.startLocalManagementAgent());
        } finally {
            vm.detach();
        }
    }

    /** mongo-kafka's MBeans answer {@code getAttribute} with the {@link Attribute} instead of its value. */
    private static Object mongoKafkaAttribute(MBeanServerConnection mbeans, ObjectName name, String attribute) {
        Object answer = attribute(mbeans, name, attribute);
        return answer instanceof Attribute wrapped ? wrapped.getValue() : answer;
    }

    private static Object attribute(MBeanServerConnection mbeans, ObjectName name, String attribute) {
        try {
            return mbeans.getAttribute(name, attribute);
        } catch (JMException | IOException e) {
            throw new IllegalStateException("cannot read " + attribute + " of " + name + ": " + e, e);
        }
    }
}
