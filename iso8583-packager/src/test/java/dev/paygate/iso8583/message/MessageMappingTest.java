package dev.paygate.iso8583.message;

import static dev.paygate.iso8583.support.SampleMessages.AUTHORIZATION_REQUEST;
import static dev.paygate.iso8583.support.SampleMessages.READ_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.field.PackagingException;
import dev.paygate.iso8583.support.SampleMessages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;

class MessageMappingTest {

    @Test
    void rejectsAMessageOfAnotherTypeNamingBothMtis() {
        ISOMsg request = AUTHORIZATION_REQUEST.toIsoMsg();

        assertThatThrownBy(() -> CardResponse.fromIsoMsg(request, READ_CLOCK))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("expected MTI 0110 or 0210 but got 0100");
        assertThatThrownBy(() -> ReversalRequest.fromIsoMsg(request, READ_CLOCK))
                .hasMessageContaining("expected MTI 0400 or 0420");
    }

    @Test
    void namesTheMissingDataElementAndTheMti() {
        ISOMsg request = AUTHORIZATION_REQUEST.toIsoMsg();
        request.unset(4);

        assertThatThrownBy(() -> CardRequest.fromIsoMsg(request, READ_CLOCK))
                .isInstanceOfSatisfying(PackagingException.class, e -> {
                    assertThat(e.mti()).contains("0100");
                    assertThat(e.dataElement()).contains(4);
                })
                .hasMessage("MTI 0100: DE 4: missing mandatory data element");
    }

    @Test
    void rejectsBadValuesWithoutQuotingThem() {
        ISOMsg badPan = AUTHORIZATION_REQUEST.toIsoMsg();
        badPan.set(2, "40000000000000029999");
        ISOMsg badCurrency = AUTHORIZATION_REQUEST.toIsoMsg();
        badCurrency.set(49, "000");
        ISOMsg badProcessingCode = AUTHORIZATION_REQUEST.toIsoMsg();
        badProcessingCode.set(3, "310000");
        ISOMsg badDate = AUTHORIZATION_REQUEST.toIsoMsg();
        badDate.set(7, "1332101530");

        assertThatThrownBy(() -> CardRequest.fromIsoMsg(badPan, READ_CLOCK))
                .hasMessageContaining("DE 2").hasMessageNotContaining("4000000000000002");
        assertThatThrownBy(() -> CardRequest.fromIsoMsg(badCurrency, READ_CLOCK)).hasMessageContaining("DE 49");
        assertThatThrownBy(() -> CardRequest.fromIsoMsg(badProcessingCode, READ_CLOCK)).hasMessageContaining("DE 3");
        assertThatThrownBy(() -> CardRequest.fromIsoMsg(badDate, READ_CLOCK)).hasMessageContaining("DE 7");
    }

    @Test
    void readsTheYearOfTransmissionDateClosestToNow() {
        ISOMsg sentOnNewYearsEve = AUTHORIZATION_REQUEST.toIsoMsg();
        sentOnNewYearsEve.set(7, "1231235959");
        Clock justAfterMidnight = Clock.fixed(Instant.parse("2027-01-01T00:00:02Z"), ZoneOffset.UTC);

        CardRequest read = CardRequest.fromIsoMsg(sentOnNewYearsEve, justAfterMidnight);

        assertThat(read.keyFields().transmittedAt()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
    }

    @Test
    void reversalNamesTheOriginalInDataElement90() {
        ReversalRequest reversal = ReversalRequest.reversing(
                AUTHORIZATION_REQUEST, ReversalKind.ADVICE, Stan.of(500), Instant.parse("2026-11-24T10:16:00Z"));

        ISOMsg message = reversal.toIsoMsg();

        assertThat(message.getString(0)).isEqualTo("0420");
        assertThat(message.getString(11)).isEqualTo("000500");
        assertThat(message.getString(37)).isEqualTo(AUTHORIZATION_REQUEST.keyFields().rrn().value());
        assertThat(message.getString(90)).isEqualTo("0100" + "000123" + "1124101530" + "00001234567" + "00000000000");
        assertThat(reversal.original().mti()).isEqualTo(Mti.AUTHORIZATION_REQUEST);
        assertThat(ReversalRequest.fromIsoMsg(message, READ_CLOCK)).isEqualTo(reversal);
    }

    @Test
    void aRepeatedAdviceIs0421WithTheSameStanAndDataAndIsAnswered0430() {
        ReversalRequest first = ReversalRequest.reversing(
                AUTHORIZATION_REQUEST, ReversalKind.ADVICE, Stan.of(500), Instant.parse("2026-11-24T10:16:00Z"));

        ISOMsg firstMessage = first.toIsoMsg();
        ISOMsg repeatMessage = first.asRepeat().toIsoMsg();

        assertThat(firstMessage.getString(0)).isEqualTo("0420");
        assertThat(repeatMessage.getString(0)).isEqualTo("0421");
        for (int field = 2; field <= 128; field++) {
            assertThat(repeatMessage.getString(field)).as("DE " + field).isEqualTo(firstMessage.getString(field));
        }
        ReversalRequest readBack = ReversalRequest.fromIsoMsg(repeatMessage, READ_CLOCK);
        assertThat(readBack).isEqualTo(first.asRepeat());
        assertThat(readBack.repeat()).isTrue();
        assertThat(ReversalResponse.answering(readBack, ResponseCode.APPROVED).toIsoMsg().getString(0)).isEqualTo("0430");
    }

    @Test
    void answerEchoesTheKeyFieldsAndKeepsTheApprovalCodeOnlyOnApproval() {
        CardResponse declined = CardResponse.answering(
                AUTHORIZATION_REQUEST, ResponseCode.INSUFFICIENT_FUNDS, Optional.of("ABC123"));

        assertThat(declined.keyFields()).isEqualTo(AUTHORIZATION_REQUEST.keyFields());
        assertThat(declined.approvalCode()).isEmpty();
        assertThat(declined.isApproved()).isFalse();
        assertThat(declined.responseCode()).isEqualTo(ResponseCode.INSUFFICIENT_FUNDS);
        assertThat(declined.toIsoMsg().hasField(38)).isFalse();
    }

    @Test
    void keepsAnUnknownResponseCodeRawAndDeclines() {
        ISOMsg answer = SampleMessages.AUTHORIZATION_RESPONSE.toIsoMsg();
        answer.set(39, "N7");
        answer.unset(38);

        CardResponse read = CardResponse.fromIsoMsg(answer, READ_CLOCK);

        assertThat(read.rawResponseCode()).isEqualTo("N7");
        assertThat(read.responseCode()).isEqualTo(ResponseCode.UNRECOGNISED);
    }

    @Test
    void recordsAndLogLinesNeverShowTheClearPan() {
        String pan = SampleMessages.PAN.digits();

        for (SampleMessages.Sample sample : SampleMessages.all()) {
            assertThat(sample.record().toString()).as(sample.vectorName()).doesNotContain(pan);
            assertThat(MaskedMessage.describe(sample.isoMsg())).as(sample.vectorName()).doesNotContain(pan);
            assertThat(sample.isoMsg().toString()).as(sample.vectorName()).doesNotContain(pan);
        }
        assertThat(MaskedMessage.describe(AUTHORIZATION_REQUEST.toIsoMsg()))
                .startsWith("0100 [2=400000******0002 3=000000 4=000000004250")
                .contains("14=<expiry, 4 chars>");
    }

    @Test
    void aPanThatTurnsUpInAnotherElementIsMaskedToo() throws Exception {
        ISOMsg mangled = AUTHORIZATION_REQUEST.toIsoMsg();
        mangled.set(43, "CARD 4000000000000135 SHOP");
        mangled.set(64, "4000000000000135");

        assertThat(MaskedMessage.describe(mangled))
                .doesNotContain("4000000000000135")
                .contains("43=CARD 400000******0135 SHOP", "64=400000******0135", "4=000000004250");
    }

    @Test
    void elementsForAJournalAreProtectedLikeTheLogLine() {
        ISOMsg request = AUTHORIZATION_REQUEST.toIsoMsg();
        request.set(35, "4000000000000002=49121010000000000000");
        request.set(52, new byte[8]);

        var elements = MaskedMessage.elements(request);

        assertThat(elements).containsEntry(2, "400000******0002").containsEntry(11, "000123")
                .containsEntry(14, "<expiry, 4 chars>").containsEntry(35, "<track 2, 37 chars>")
                .containsEntry(52, "<PIN block, 8 bytes>").doesNotContainKey(0).doesNotContainKey(1);
        assertThat(elements.values()).noneMatch(value -> value.contains(SampleMessages.PAN.digits()));
        assertThat(MaskedMessage.describe(request)).contains("2=400000******0002 3=000000");
    }

    @Test
    void packagingExceptionsMaskPanLikeDigitRunsFromAnySource() {
        PackagingException fault = new PackagingException("0100", 2, "jPOS said 4000000000000002 is odd",
                new IllegalStateException("value 5100000000000008 rejected"));

        assertThat(fault.getMessage()).isEqualTo("MTI 0100: DE 2: jPOS said 400000******0002 is odd");
        assertThat(fault.getCause().getMessage()).doesNotContain("5100000000000008").contains("510000******0008");
    }
}
