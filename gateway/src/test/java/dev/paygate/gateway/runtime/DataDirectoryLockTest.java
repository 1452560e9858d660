package dev.paygate.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

    @TempDir
    Path dataDirectory;

    @Test
    void refusesASecondHolderNamingTheFirstOnesPid() {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(dataDirectory)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDirectory))
                    .isInstanceOf(DataDirectoryLockedException.class)
                    .hasMessageContaining("in use by another Paygate gateway (PID " + ProcessHandle.current().pid() + ")");
        }
    }

    @Test
    void isFreeAgainOnceReleasedAndRecordsTheNewHolder() throws Exception {
        DataDirectoryLock.acquire(dataDirectory).close();
        try (DataDirectoryLock again = DataDirectoryLock.acquire(dataDirectory)) {
            assertThat(Files.readString(dataDirectory.resolve(DataDirectoryLock.FILE_NAME)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }
}
