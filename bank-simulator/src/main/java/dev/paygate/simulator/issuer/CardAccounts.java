package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.CurrencyCodes;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.simulator.scenario.Behaviour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The card accounts seeded from a CSV file. Columns: {@code pan, expiry (yyyy-MM), status,
 * available_minor, currency (ISO 4217 alphabetic), daily_limit_minor, behaviour, note}. Lines
 * starting with {@code #} and blank lines are skipped; the note may contain commas.
 */
public final class CardAccounts {

    private static final int COLUMNS = 8;
    private static final String HEADER_FIRST_COLUMN = "pan";

    private final Map<Pan, CardAccount> byPan;

    private CardAccounts(Map<Pan, CardAccount> byPan) {
        this.byPan = byPan;
    }

    /** @throws IllegalArgumentException naming the file and line of the first bad row (PANs masked) */
    public static CardAccounts load(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read card seed file " + csv, e);
        }
        Map<Pan, CardAccount> accounts = new LinkedHashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(HEADER_FIRST_COLUMN + ",")) {
                continue;
            }
            CardAccount account = parse(csv, index + 1, line);
            if (accounts.putIfAbsent(account.pan(), account) != null) {
                throw new IllegalArgumentException(csv + " line " + (index + 1) + ": card " + account.pan() + " listed twice");
            }
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException(csv + " lists no card");
        }
        return new CardAccounts(accounts);
    }

    private static CardAccount parse(Path csv, int lineNumber, String line) {
        String[] columns = line.split(",", COLUMNS);
        String where = csv + " line " + lineNumber + ": ";
        if (columns.length < COLUMNS - 1) {
            throw new IllegalArgumentException(where + "expected " + COLUMNS + " columns: "
                    + "pan,expiry,status,available_minor,currency,daily_limit_minor,behaviour,note");
        }
        try {
            Pan pan = Pan.of(columns[0].strip());
            if (!pan.isLuhnValid()) {
                throw new IllegalArgumentException("card " + pan + " fails the Luhn check");
            }
            long availableMinor = Long.parseLong(columns[3].strip());
            long dailyLimitMinor = Long.parseLong(columns[5].strip());
            if (dailyLimitMinor < 0) {
                throw new IllegalArgumentException("daily_limit_minor must be >= 0");
            }
            return new CardAccount(
                    pan,
                    YearMonth.parse(columns[1].strip()),
                    CardStatus.fromConfigName(columns[2].strip()),
                    availableMinor,
                    CurrencyCodes.currency(columns[4].strip()),
                    dailyLimitMinor,
                    Behaviour.fromConfigName(columns[6].strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    Optional<CardAccount> find(Pan pan) {
        return Optional.ofNullable(byPan.get(pan));
    }

    public int size() {
        return byPan.size();
    }
}
