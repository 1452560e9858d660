package dev.paygate.iso8583.packager;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A constant that configuration files name by a word of its own: its Java name in lower case with
 * hyphens, e.g. {@code BINARY_LENGTH} is {@code binary-length}.
 */
public interface ConfigNamed {

    /** Implemented by every enum constant. */
    String name();

    /** The name used in configuration files. */
    default String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} that configuration names {@code configName}.
     *
     * @param setting what the constants are, for the error, e.g. {@code framing}
     * @throws IllegalArgumentException naming the accepted values
     */
    static <E extends Enum<E> & ConfigNamed> E fromConfigName(Class<E> type, String setting, String configName) {
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants)
                .filter(constant -> constant.configName().equals(configName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + setting + " '" + configName
                        + "', expected one of "
                        + Arrays.stream(constants).map(ConfigNamed::configName).collect(Collectors.joining(", "))));
    }
}
