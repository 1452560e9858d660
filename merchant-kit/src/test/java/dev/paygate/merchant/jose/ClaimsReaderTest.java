package dev.paygate.merchant.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;

class ClaimsReaderTest {

    private static ClaimsReader read(String json) throws Exception {
        return ClaimsReader.of(JWTClaimsSet.parse(json));
    }

    @Test
    void readsIntegersStringsAndNumericDates() throws Exception {
        ClaimsReader reader = read("{\"amountMinor\":3300,\"currency\":\"EUR\",\"exp\":1795514400}");

        assertThat(reader.requiredLong("amountMinor")).isEqualTo(3_300L);
        assertThat(reader.requiredString("currency")).isEqualTo("EUR");
        assertThat(reader.requiredInstant("exp")).isEqualTo(Instant.ofEpochSecond(1_795_514_400L));
    }

    @Test
    void fractionalMoneyIsRefused() {
        assertThatThrownBy(() -> read("{\"amountMinor\":33.5}").requiredLong("amountMinor"))
                .isInstanceOf(InvalidClaimsException.class).hasMessage("amountMinor: must be an integer");
        assertThatThrownBy(() -> read("{\"amountMinor\":33.0}").requiredLong("amountMinor"))
                .isInstanceOf(InvalidClaimsException.class);
    }

    @Test
    void wrongTypesAndMissingClaimsAreNamed() {
        assertThatThrownBy(() -> read("{\"amountMinor\":\"3300\"}").requiredLong("amountMinor"))
                .isInstanceOf(InvalidClaimsException.class).hasMessage("amountMinor: must be an integer");
        assertThatThrownBy(() -> read("{\"mid\":42}").requiredString("mid"))
                .isInstanceOf(InvalidClaimsException.class).hasMessage("mid: must be a string");
        assertThatThrownBy(() -> read("{}").requiredString("oid"))
                .isInstanceOf(InvalidClaimsException.class).hasMessage("oid: is required");
    }

    @Test
    void nestedItemErrorsCarryTheirPath() throws Exception {
        ClaimsReader item = read("{\"items\":[{\"qty\":\"two\"}]}").optionalObjectList("items", 10).get(0);

        assertThatThrownBy(() -> item.requiredLong("qty"))
                .isInstanceOf(InvalidClaimsException.class).hasMessage("items[0].qty: must be an integer");
        assertThatThrownBy(() -> read("{\"items\":[1]}").optionalObjectList("items", 10))
                .isInstanceOf(InvalidClaimsException.class).hasMessage("items[0]: must be an object");
        assertThatThrownBy(() -> read("{\"items\":[{},{}]}").optionalObjectList("items", 1))
                .isInstanceOf(InvalidClaimsException.class).hasMessageContaining("more than 1");
    }
}
