package dev.paygate.benchmarks.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes one run's results: {@code <UTC date>.json}, {@code <UTC date>.md} (each figure beside its raw limit),
 * {@code <UTC date>.png} (throughput and p99 against concurrency) and a copy of the JSON as {@code latest.json}.
 */
public final class Reports {

    private final Path directory;

    public Reports(Path directory) {
        this.directory = directory;
    }

    /** @return the Markdown report */
    public Path write(Map<String, Object> results, String utcDate) throws IOException {
        Files.createDirectories(directory);
        Path jsonFile = directory.resolve(utcDate + ".json");
        resultsJson().writeValue(jsonFile.toFile(), results);
        Files.copy(jsonFile, directory.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        String plotName = utcDate + ".png";
        ThroughputPlot.write(fullFlowLevels(results), directory.resolve(plotName));
        Path markdown = directory.resolve(utcDate + ".md");
        Files.writeString(markdown, new MarkdownReport(results, plotName).render());
        return markdown;
    }

    /**
     * Indented, every fraction to three decimals: a figure's full binary expansion says nothing more, and its long
     * digit runs read like card numbers to a PAN sweep of the results.
     */
    public static ObjectMapper resultsJson() {
        SimpleModule threeDecimals = new SimpleModule().addSerializer(Double.class, new StdSerializer<>(Double.class) {
            @Override
            public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
                if (value.isNaN() || value.isInfinite()) {
                    out.writeNull();
                } else {
                    out.writeNumber(BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros());
                }
            }
        });
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).registerModule(threeDecimals);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> fullFlowLevels(Map<String, Object> results) {
        return (List<Map<String, Object>>) ((Map<String, Object>) results.get("project")).get("full_flow");
    }
}
