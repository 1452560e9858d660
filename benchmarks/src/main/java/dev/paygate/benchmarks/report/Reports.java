package dev.paygate.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
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
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), results);
        Files.copy(jsonFile, directory.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        String plotName = utcDate + ".png";
        ThroughputPlot.write(fullFlowLevels(results), directory.resolve(plotName));
        Path markdown = directory.resolve(utcDate + ".md");
        Files.writeString(markdown, new MarkdownReport(results, plotName).render());
        return markdown;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> fullFlowLevels(Map<String, Object> results) {
        return (List<Map<String, Object>>) ((Map<String, Object>) results.get("project")).get("full_flow");
    }
}
