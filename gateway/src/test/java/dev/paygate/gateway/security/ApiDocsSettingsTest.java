package dev.paygate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** Issue 14, point 8: the `external` profile serves no API description unless it is asked to. */
class ApiDocsSettingsTest {

    private static final Path EXTERNAL_PROFILE = Path.of("..", "config", "application-external.yml");

    @Test
    void theExternalProfileTurnsApiDocsAndSwaggerUiOffUnlessEnabled() throws IOException {
        assertThat(resolved(Map.of(), "springdoc.api-docs.enabled")).isEqualTo("false");
        assertThat(resolved(Map.of(), "springdoc.swagger-ui.enabled")).isEqualTo("false");
        assertThat(resolved(Map.of("PAYGATE_API_DOCS", "true"), "springdoc.api-docs.enabled")).isEqualTo("true");
    }

    private static String resolved(Map<String, Object> variables, String key) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("external", new FileSystemResource(EXTERNAL_PROFILE))
                .forEach(environment.getPropertySources()::addLast);
        return environment.getProperty(key);
    }
}
