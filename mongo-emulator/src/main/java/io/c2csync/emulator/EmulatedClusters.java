package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * JUnit 5 extension giving a test class one or two emulated replica sets on free ports, started before all tests
 * and closed after them:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final EmulatedClusters CLUSTERS = EmulatedClusters.two();
 * ... CLUSTERS.source().connectionString() ...
 * </pre>
 *
 * Test and lifecycle methods may also declare {@link EmulatedReplicaSet} parameters: the first gets the first
 * cluster, the second the second.
 */
public final class EmulatedClusters implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final List<String> replicaSetNames;
    private final List<EmulatedReplicaSet> clusters = new ArrayList<>();
    private final Map<Integer, MongoClient> clients = new ConcurrentHashMap<>();

    private EmulatedClusters(List<String> replicaSetNames) {
        this.replicaSetNames = replicaSetNames;
    }

    public static EmulatedClusters one() {
        return new EmulatedClusters(List.of("rs0"));
    }

    public static EmulatedClusters two() {
        return new EmulatedClusters(List.of("rs0", "rs1"));
    }

    /** One cluster per replica-set name, in that order. */
    public static EmulatedClusters named(String... replicaSetNames) {
        if (replicaSetNames.length == 0) {
            throw new IllegalArgumentException("name at least one replica set");
        }
        return new EmulatedClusters(List.of(replicaSetNames));
    }

    /** The first cluster. */
    public EmulatedReplicaSet source() {
        return get(0);
    }

    /** The second cluster of {@link #two()}. */
    public EmulatedReplicaSet destination() {
        return get(1);
    }

    public EmulatedReplicaSet get(int index) {
        if (clusters.isEmpty()) {
            throw new IllegalStateException("clusters are not started: register EmulatedClusters as a static @RegisterExtension field");
        }
        if (index >= clusters.size()) {
            throw new IllegalArgumentException("only " + clusters.size() + " cluster(s) were started, asked for #" + index);
        }
        return clusters.get(index);
    }

    /** A driver client of the first cluster, connected with {@code ?replicaSet=}; closed after all tests. */
    public MongoClient client() {
        return client(0);
    }

    public MongoClient client(int index) {
        EmulatedReplicaSet cluster = get(index);
        return clients.computeIfAbsent(index, i -> MongoClients.create(cluster.connectionString()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            for (String name : replicaSetNames) {
                clusters.add(EmulatedReplicaSet.startOnFreePort(name));
            }
        } catch (RuntimeException e) {
            closeAll();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeAll();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmulatedReplicaSet.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        int index = 0;
        java.lang.reflect.Parameter[] parameters = parameterContext.getDeclaringExecutable().getParameters();
        for (int i = 0; i < parameterContext.getIndex(); i++) {
            if (parameters[i].getType() == EmulatedReplicaSet.class) {
                index++;
            }
        }
        return get(index);
    }

    private void closeAll() {
        clients.values().forEach(MongoClient::close);
        clients.clear();
        RuntimeException failure = null;
        for (EmulatedReplicaSet cluster : clusters) {
            try {
                cluster.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        clusters.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
