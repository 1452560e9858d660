package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.CurrencyCodes;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.simulator.scenario.Behaviour;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The card accounts seeded from a CSV file, read by Jackson's CSV module. Columns: {@code pan, expiry (yyyy-MM),
 * status, available_minor, currency (ISO 4217 alphabetic), daily_limit_minor, behaviour, note}. The header line is
 * optional; lines starting with {@code #} and blank lines are skipped; the note may contain commas.
 */
public final class CardAccounts {

    private static final String HEADER_FIRST_COLUMN = "pan";
    private static final CsvSchema COLUMNS = CsvSchema.builder()
            .addColumn("pan").addColumn("expiry").addColumn("status").addColumn("available_minor")
            .addColumn("currency").addColumn("daily_limit_minor").addColumn("behaviour").addColumn("note")
            .build()
            .withComments();
    // Every column read as text: the conversions below name the line, and never echo a clear PAN.
    private static final ObjectReader ROWS = new CsvMapper()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            // The note is the last column, so commas in it only add columns nobody reads.
            .enable(CsvParser.Feature.IGNORE_TRAILING_UNMAPPABLE)
            .readerFor(Row.class)
            .with(COLUMNS);

    private final Map<Pan, CardAccount> byPan;

    private CardAccounts(Map<Pan, CardAccount> byPan) {
        this.byPan = byPan;
    }

    /** @throws IllegalArgumentException naming the file and line of the first bad row (PANs masked) */
    public static CardAccounts load(Path csv) {
        Map<Pan, CardAccount> accounts = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             MappingIterator<Row> rows = ROWS.readValues(reader)) {
            while (rows.hasNextValue()) {
                // Asked before the row is read: once it is, the parser stands on the next line.
                String where = csv + " line " + rows.getCurrentLocation().getLineNr() + ": ";
                Row row = rows.nextValue();
                if (HEADER_FIRST_COLUMN.equals(row.pan())) {
                    continue;
                }
                CardAccount account = row.account(where);
                if (accounts.putIfAbsent(account.card().pan(), account) != null) {
                    throw new IllegalArgumentException(where + "card " + account.card().pan() + " listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read card seed file " + csv, e);
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException(csv + " lists no card");
        }
        return new CardAccounts(accounts);
    }

    /** One line of the file, as written; the columns are the components' names in snake case. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Row(String pan, String expiry, String status, String availableMinor, String currency, String dailyLimitMinor,
            String behaviour, String note) {

        CardAccount account(String where) {
            if (behaviour == null) {
                throw new IllegalArgumentException(where + "expected " + COLUMNS.size() + " columns: "
                        + "pan,expiry,status,available_minor,currency,daily_limit_minor,behaviour,note");
            }
            try {
                Pan cardPan = Pan.of(pan);
                if (!cardPan.isLuhnValid()) {
                    throw new IllegalArgumentException("card " + cardPan + " fails the Luhn check");
                }
                long dailyLimit = Long.parseLong(dailyLimitMinor);
                if (dailyLimit < 0) {
                    throw new IllegalArgumentException("daily_limit_minor must be >= 0");
                }
                return new CardAccount(new Card(cardPan, YearMonth.parse(expiry), CardStatus.fromConfigName(status),
                        CurrencyCodes.currency(currency), dailyLimit, Behaviour.fromConfigName(behaviour)),
                        Long.parseLong(availableMinor));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
    }

    Optional<CardAccount> find(Pan pan) {
        return Optional.ofNullable(byPan.get(pan));
    }

    public int size() {
        return byPan.size();
    }
}
