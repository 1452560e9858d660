package dev.paygate.gateway.runtime;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Run from the packed jar ({@code java -jar paygate-gateway.jar}), classes come through Spring Boot's nested-jar class
 * loader, whose monitor a virtual thread can hold while unmounted: with two carriers both can end up pinned in class
 * loading behind it and the gateway hangs for good right after start (issue 12.6; open upstream). So virtual threads
 * are used only from the extracted layout ({@code -Djarmode=tools extract}, as {@code ./run} starts it), where the
 * JDK's own class loader does the work.
 */
class PackedJarThreads implements EnvironmentPostProcessor {

    static final String VIRTUAL_THREADS = "spring.threads.virtual.enabled";
    private static final String NESTED_JAR_LOADER_PACKAGE = "org.springframework.boot.loader.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (runsFromPackedJar(getClass().getClassLoader())) {
            environment.getPropertySources().addFirst(new MapPropertySource("paygatePackedJar",
                    Map.of(VIRTUAL_THREADS, "false")));
        }
    }

    static boolean runsFromPackedJar(ClassLoader classLoader) {
        return classLoader.getClass().getName().startsWith(NESTED_JAR_LOADER_PACKAGE);
    }
}
