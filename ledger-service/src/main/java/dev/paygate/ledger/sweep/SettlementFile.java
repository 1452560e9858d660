package dev.paygate.ledger.sweep;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import dev.paygate.ledger.LedgerException;
import dev.paygate.ledger.Money;
import dev.paygate.ledger.party.BankAccount;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a sweep as an ISO 20022 pain.001.001.09 customer credit transfer initiation: one payment
 * instruction per currency, one credit transfer per merchant. Euro instructions carry service
 * level SEPA, as the EPC SEPA Credit Transfer implementation guidelines ask. The file is rebuilt
 * from what the database recorded, so writing it again for the same day gives the same file.
 */
final class SettlementFile {

    static final String MESSAGE_DEFINITION = "pain.001.001.09";
    private static final int NAME_LENGTH_MAX = 70;
    private static final String SEPA_CURRENCY = "EUR";

    private SettlementFile() {
    }

    /** The file of a day's sweep: one per business day, written again identically on a re-run. */
    static String fileName(LocalDate businessDay) {
        return "sweep-" + businessDay + "-" + MESSAGE_DEFINITION + ".xml";
    }

    static Path write(Path outputDirectory, LocalDate businessDay, String messageId, Instant createdAt,
            SettlementDebtor debtor, List<SweepPayment> payments) {
        if (payments.isEmpty()) {
            throw new IllegalArgumentException("a pain.001 file needs at least one payment");
        }
        String xml = xml(businessDay, messageId, createdAt, debtor, payments);
        Path file = outputDirectory.resolve(fileName(businessDay));
        try {
            Files.createDirectories(outputDirectory);
            Path partial = Files.createTempFile(outputDirectory, ".sweep-" + businessDay, ".partial");
            Files.writeString(partial, xml, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            throw new LedgerException("cannot write settlement file " + file, failure);
        }
        return file;
    }

    static String xml(LocalDate businessDay, String messageId, Instant createdAt, SettlementDebtor debtor,
            List<SweepPayment> payments) {
        OffsetDateTime created = OffsetDateTime.ofInstant(createdAt.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09()
                .setGrpHdr(new GroupHeader85()
                        .setMsgId(messageId)
                        .setCreDtTm(created)
                        .setNbOfTxs(String.valueOf(payments.size()))
                        .setCtrlSum(controlSum(payments))
                        .setInitgPty(party(debtor.name())));
        Map<String, List<SweepPayment>> byCurrency = payments.stream()
                .collect(Collectors.groupingBy(SweepPayment::currency, TreeMap::new, Collectors.toList()));
        byCurrency.forEach((currency, inCurrency) -> initiation.addPmtInf(
                instruction(messageId + "-" + currency, currency, created.toLocalDate(), debtor, businessDay,
                        inCurrency)));
        MxWriteParams params = new MxWriteParams();
        params.includeXMLDeclaration = true;
        params.prefix = null;
        return new MxPain00100109().setCstmrCdtTrfInitn(initiation).document(params);
    }

    private static PaymentInstruction30 instruction(String instructionId, String currency, LocalDate executionDate,
            SettlementDebtor debtor, LocalDate businessDay, List<SweepPayment> payments) {
        PaymentInstruction30 instruction = new PaymentInstruction30()
                .setPmtInfId(instructionId)
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs(String.valueOf(payments.size()))
                .setCtrlSum(controlSum(payments))
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(executionDate))
                .setDbtr(party(debtor.name()))
                .setDbtrAcct(account(debtor.account()))
                .setDbtrAgt(agent(debtor.account()))
                .setChrgBr(ChargeBearerType1Code.SLEV);
        if (SEPA_CURRENCY.equals(currency)) {
            instruction.setPmtTpInf(new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")));
        }
        for (SweepPayment payment : payments) {
            instruction.addCdtTrfTxInf(new CreditTransferTransaction34()
                    .setPmtId(new PaymentIdentification6().setEndToEndId(payment.endToEndId()))
                    .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                            .setValue(Money.toMajorUnits(payment.amountMinor(), payment.currency()))
                            .setCcy(payment.currency())))
                    .setCdtrAgt(agent(payment.creditorAccount()))
                    .setCdtr(party(payment.creditorName()))
                    .setCdtrAcct(account(payment.creditorAccount()))
                    .setRmtInf(new RemittanceInformation16().addUstrd("Paygate settlement " + businessDay)));
        }
        return instruction;
    }

    /** The sum of the amounts as numbers, whatever their currencies (ISO 20022 control sum). */
    private static BigDecimal controlSum(List<SweepPayment> payments) {
        return payments.stream()
                .map(payment -> Money.toMajorUnits(payment.amountMinor(), payment.currency()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static PartyIdentification135 party(String name) {
        return new PartyIdentification135().setNm(SepaText.clean(name, NAME_LENGTH_MAX));
    }

    private static CashAccount38 account(BankAccount bankAccount) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(bankAccount.iban()));
    }

    private static BranchAndFinancialInstitutionIdentification6 agent(BankAccount bankAccount) {
        return new BranchAndFinancialInstitutionIdentification6()
                .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bankAccount.bic()));
    }
}
