package io.c2csync.runtime;

import io.c2csync.connect.ConnectClient;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one running {@link EmbeddedRuntime} (Kafka broker + Connect worker), started
 * before its first test and closed after its last. Test methods, constructors and lifecycle
 * methods get it, or its {@link ConnectClient}, as a parameter.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedRuntimeExtension.class)
 * class MySinkTest {
 *     @Test
 *     void runs(EmbeddedRuntime runtime, ConnectClient connect) {
 *         connect.create("my-sink", Map.of(...));
 *         Await.await("my-sink running", Duration.ofSeconds(60))
 *                 .until(() -> connect.status("my-sink").isFully(ConnectState.RUNNING));
 *     }
 * }
 * }</pre>
 *
 * <p>The runtime is the product's own {@link EmbeddedRuntime#start(RuntimeConfig)} with
 * {@link RuntimeConfig#defaults(Path)}; run folders go under {@code target/embedded-runtime}, or
 * the folder named by the system property {@code c2c.work.dir}.
 */
public final class EmbeddedRuntimeExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    public static final String WORK_DIR_PROPERTY = "c2c.work.dir";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedRuntimeExtension.class);
    private static final String RUNTIME = "runtime";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(RUNTIME, EmbeddedRuntime.start(RuntimeConfig.defaults(workDir())));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        EmbeddedRuntime runtime = context.getStore(NAMESPACE).remove(RUNTIME, EmbeddedRuntime.class);
        if (runtime != null) {
            runtime.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == EmbeddedRuntime.class || type == ConnectClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        EmbeddedRuntime runtime = extensionContext.getStore(NAMESPACE).get(RUNTIME, EmbeddedRuntime.class);
        if (runtime == null) {
            throw new ParameterResolutionException("No embedded runtime is running for "
                    + extensionContext.getDisplayName() + "; register " + EmbeddedRuntimeExtension.class.getSimpleName()
                    + " on the test class with @ExtendWith");
        }
        return parameterContext.getParameter().getType() == ConnectClient.class ? runtime.connectClient() : runtime;
    }

    private static Path workDir() {
        return Path.of(System.getProperty(WORK_DIR_PROPERTY, Path.of("target", "embedded-runtime").toString()));
    }
}
