package dev.paygate.routes;

import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.spi.PropertiesSource;

/**
 * Camel's {@code {{...}}} placeholders read the application's bound settings: {@code {{paygate.handover.reply-timeout-ms}}}
 * is the {@code replyTimeoutMs} of the record bound to {@code paygate.handover}, its {@code @DefaultValue} included,
 * so a route and the Java code that reads the same setting never disagree. Records and maps are walked by their
 * Spring (kebab-case) names; a key no bound record holds is left to Camel's other sources.
 */
public final class ConfigurationPropertiesSource implements PropertiesSource {

    private final Supplier<Map<String, Object>> settingsByPrefix;
    private volatile Map<String, Object> longestPrefixFirst;

    /** @param settingsByPrefix the bound records by their {@code @ConfigurationProperties} prefix, asked once */
    public ConfigurationPropertiesSource(Supplier<Map<String, Object>> settingsByPrefix) {
        this.settingsByPrefix = settingsByPrefix;
    }

    public static ConfigurationPropertiesSource of(Map<String, Object> settingsByPrefix) {
        return new ConfigurationPropertiesSource(() -> settingsByPrefix);
    }

    @Override
    public String getName() {
        return "paygate-configuration-properties";
    }

    @Override
    public String getProperty(String name) {
        for (Map.Entry<String, Object> settings : settings().entrySet()) {
            String prefix = settings.getKey() + ".";
            if (name.startsWith(prefix)) {
                Object value = walk(settings.getValue(), name.substring(prefix.length()).split("\\."));
                if (value != null) {
                    return value.toString();
                }
            }
        }
        return null;
    }

    // Read lazily: Camel's property component starts before some settings beans would otherwise be created.
    private Map<String, Object> settings() {
        Map<String, Object> sorted = longestPrefixFirst;
        if (sorted == null) {
            Map<String, Object> byLength = new LinkedHashMap<>();
            settingsByPrefix.get().entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, Object> entry) -> entry.getKey().length()).reversed())
                    .forEachOrdered(entry -> byLength.put(entry.getKey(), entry.getValue()));
            longestPrefixFirst = sorted = byLength;
        }
        return sorted;
    }

    private static Object walk(Object value, String[] path) {
        for (String segment : path) {
            if (value instanceof Map<?, ?> map) {
                value = map.get(segment);
            } else if (value != null && value.getClass().isRecord()) {
                value = component(value, segment);
            } else {
                return null;
            }
        }
        return value instanceof Map<?, ?> || (value != null && value.getClass().isRecord()) ? null : value;
    }

    private static Object component(Object record, String kebabName) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (kebabCase(component.getName()).equals(kebabName)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read setting " + kebabName, e);
                }
            }
        }
        return null;
    }

    static String kebabCase(String camelCase) {
        StringBuilder kebab = new StringBuilder(camelCase.length() + 4);
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }
}
