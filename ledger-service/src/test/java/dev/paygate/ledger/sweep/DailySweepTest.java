package dev.paygate.ledger.sweep;

import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.SystemAccount;
import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterOrder;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DailySweepTest {

    private static final String PAIN_001_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private static final LocalDate BUSINESS_DAY = LocalDate.parse("2026-11-24");
    private static final SettlementDebtor OPERATOR = new SettlementDebtor("Paygate Operations GmbH",
            Fixtures.OPERATOR_BANK);

    /** Sweeps empty every till in the database: each test gets its own. */
    @RegisterExtension
    final LedgerDatabase database = LedgerDatabase.perTest();

    @TempDir
    Path outputDirectory;

    private Fixtures fixtures;
    private PaymentRegister register;
    private Accounts accounts;
    private DailySweep sweep;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(database.dataSource());
        register = new PaymentRegister(database.dataSource());
        accounts = new Accounts(database.dataSource());
        sweep = new DailySweep(database.dataSource(), OPERATOR);
        fixtures.fundedCustomer("alice", 50_000);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        assertThat(new LedgerInvariants(database.dataSource()).check().violations()).isEmpty();
    }

    @Test
    void emptiesEveryTillWithMoneyIntoBankSettlement() {
        merchantPaid("bakery", 1_250, 300);
        merchantPaid("florist", 4_000);
        fixtures.merchant("idle-shop");

        SweepResult result = sweep.run(BUSINESS_DAY, outputDirectory);

        assertThat(result.payments()).extracting(SweepPayment::merchantId, SweepPayment::amountMinor)
                .containsExactlyInAnyOrder(
                        tuple("bakery", 1_550L),
                        tuple("florist", 4_000L));
        assertThat(result.completedEarlier()).isFalse();
        assertThat(accounts.tills()).allSatisfy(till -> assertThat(till.balanceMinor()).isZero());
        assertThat(bankSettlementBalance()).isEqualTo(5_550);
        assertThat(result.settlementFile()).isPresent();
    }

    @Test
    void listsRecentRunsWithTheirTotalsPerCurrencyAndTheirSettlementFile() {
        merchantPaid("bakery", 1_250);
        merchantPaid("florist", 4_000);
        sweep.run(BUSINESS_DAY, outputDirectory);
        LocalDate quietDay = BUSINESS_DAY.plusDays(1);
        sweep.run(quietDay, outputDirectory);

        List<SweepHistory.SweepRun> runs = new SweepHistory(database.dataSource()).recentRuns(10);

        assertThat(runs).extracting(SweepHistory.SweepRun::businessDay).containsExactly(quietDay, BUSINESS_DAY);
        SweepHistory.SweepRun paying = runs.get(1);
        assertThat(paying.totals()).containsExactly(new SweepHistory.SweepRun.Total("EUR", 2, 5_250));
        assertThat(outputDirectory.resolve(paying.settlementFile())).exists();
        assertThat(paying.completedAt()).isNotNull();
        assertThat(runs.get(0).totals()).isEmpty();
        assertThat(runs.get(0).settlementFile()).isNull();
    }

    @Test
    void sweepRunTwiceForTheSameDayPaysNobodyTwice() throws IOException {
        merchantPaid("bakery", 1_250);
        SweepResult first = sweep.run(BUSINESS_DAY, outputDirectory);
        String firstFile = Files.readString(first.settlementFile().orElseThrow());
        merchantPaid("bakery", 700);

        SweepResult second = sweep.run(BUSINESS_DAY, outputDirectory);

        assertThat(second.completedEarlier()).isTrue();
        assertThat(second.payments()).isEqualTo(first.payments());
        assertThat(Files.readString(second.settlementFile().orElseThrow())).isEqualTo(firstFile);
        assertThat(bankSettlementBalance()).isEqualTo(1_250);
        assertThat(accounts.till("bakery").orElseThrow().balanceMinor()).isEqualTo(700);
        SweepResult nextDay = sweep.run(BUSINESS_DAY.plusDays(1), outputDirectory);
        assertThat(nextDay.totalMinor("EUR")).isEqualTo(700);
    }

    @Test
    void concurrentSweepsOfOneDayPayEachMerchantOnce() throws Exception {
        for (int merchant = 0; merchant < 8; merchant++) {
            merchantPaid("shop-" + merchant, 100 + merchant);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SweepResult>> runs = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                runs.add(pool.submit(() -> sweep.run(BUSINESS_DAY, outputDirectory)));
            }
            for (Future<SweepResult> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS).payments()).hasSizeLessThanOrEqualTo(8);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        SweepResult settled = sweep.run(BUSINESS_DAY, outputDirectory);

        assertThat(settled.payments()).hasSize(8);
        assertThat(bankSettlementBalance()).isEqualTo(8 * 100 + 28);
    }

    @Test
    void settlementFileValidatesAgainstThePain001SchemaAndPaysEachMerchant() throws Exception {
        merchantPaid("bakery", 1_250, 5);
        fixtures.merchant("cafe", "EUR", "Café Müller & Söhne");
        merchantPaid("cafe", 40_000);
        fixtures.fundedCustomer("bob", 0);
        fixtures.merchant("us-store", "USD");

        SweepResult result = sweep.run(BUSINESS_DAY, outputDirectory);
        Path file = result.settlementFile().orElseThrow();

        assertThatCode(() -> pain001Schema().newValidator().validate(new StreamSource(file.toFile())))
                .doesNotThrowAnyException();
        Document document = parse(file);
        assertThat(text(document, "MsgId")).containsExactly(result.messageId());
        assertThat(text(document, "NbOfTxs")).containsExactly("2", "2");
        assertThat(text(document, "CtrlSum")).containsExactly("412.55", "412.55");
        assertThat(text(document, "InstdAmt")).containsExactly("12.55", "400.00");
        assertThat(text(document, "IBAN")).containsExactly(Fixtures.OPERATOR_BANK.iban(),
                Fixtures.MERCHANT_BANK.iban(), Fixtures.MERCHANT_BANK.iban());
        assertThat(text(document, "Cd")).containsExactly("SEPA");
        assertThat(text(document, "ChrgBr")).containsExactly("SLEV");
        assertThat(text(document, "Nm")).contains("Cafe Muller Sohne");
        assertThat(text(document, "EndToEndId")).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void aMerchantsExtractOfTheSettlementFileHoldsItsOwnCreditTransferOnlyAndValidates() throws Exception {
        merchantPaid("bakery", 1_250);
        merchantPaid("florist", 4_000);
        SweepResult result = sweep.run(BUSINESS_DAY, outputDirectory);
        MerchantSettlements settlements = new MerchantSettlements(database.dataSource(), OPERATOR);

        MerchantSettlements.Extract extract = settlements.extract("bakery", BUSINESS_DAY).orElseThrow();

        Path file = outputDirectory.resolve(extract.fileName());
        Files.writeString(file, extract.xml());
        assertThatCode(() -> pain001Schema().newValidator().validate(new StreamSource(file.toFile())))
                .doesNotThrowAnyException();
        Document document = parse(file);
        assertThat(text(document, "MsgId")).containsExactly(result.messageId());
        assertThat(text(document, "NbOfTxs")).containsExactly("1", "1");
        assertThat(text(document, "InstdAmt")).containsExactly("12.50");
        String bakerysEndToEndId = result.payments().stream().filter(payment -> payment.merchantId().equals("bakery"))
                .findFirst().orElseThrow().endToEndId();
        assertThat(text(document, "EndToEndId")).containsExactly(bakerysEndToEndId);
        assertThat(extract.xml()).doesNotContain("florist");
        assertThat(extract.fileName()).isEqualTo("sweep-2026-11-24-bakery-pain.001.001.09.xml");
        assertThat(settlements.extract("florist", BUSINESS_DAY.plusDays(1))).isEmpty();
        assertThat(settlements.extract("idle-shop", BUSINESS_DAY)).isEmpty();
    }

    @Test
    void dayWithoutMoneyWritesNoFile() {
        fixtures.merchant("idle-shop");

        SweepResult result = sweep.run(BUSINESS_DAY, outputDirectory);

        assertThat(result.payments()).isEmpty();
        assertThat(result.settlementFile()).isEmpty();
    }

    private void merchantPaid(String merchantId, long... amountsMinor) {
        if (accounts.till(merchantId).isEmpty()) {
            fixtures.merchant(merchantId);
        }
        for (long amountMinor : amountsMinor) {
            RegisterOrder order = order(merchantId, "alice", amountMinor);
            assertThat(register.settleWalletPayment(order).approved()).isTrue();
        }
    }

    private long bankSettlementBalance() {
        return accounts.byCode(SystemAccount.BANK_SETTLEMENT.code("EUR")).orElseThrow().balanceMinor();
    }

    private static Schema pain001Schema() throws Exception {
        URL xsd = DailySweepTest.class.getResource("/iso20022/pain.001.001.09_EPC132-08_2023_V1.0_SCT_C2PSP.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(xsd);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> text(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(PAIN_001_NAMESPACE, localName);
        List<String> values = new ArrayList<>();
        for (int index = 0; index < nodes.getLength(); index++) {
            values.add(((Element) nodes.item(index)).getTextContent());
        }
        return values;
    }
}
