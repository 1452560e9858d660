package dev.paygate.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares what the client saw with what the gateway recorded. The rules (docs/RELIABILITY.md):
 * <ul>
 *   <li>lost: a verified voucher without an approved register entry of its amount (the merchant delivers
 *       unpaid), or a ledger invariant broken;</li>
 *   <li>created: an approved entry the client was never given a voucher for (refused or never told), an
 *       approval of a card that cannot approve in time (a late approval paid), or an entry of a ticket the
 *       client never confirmed;</li>
 *   <li>duplicated: more than one approved entry for a ticket, or two different vouchers for one ticket;</li>
 *   <li>undecided: a ticket without a final answer once the bound has passed.</li>
 * </ul>
 */
final class Checker {

    /** @param subject the ticket id, or the ledger, so that a finding seen in several checks counts once */
    record Finding(String kind, String subject, String detail) {
        @Override
        public String toString() {
            return kind + ": " + detail;
        }
    }

    /** Counts distinct subjects per kind, so one ticket found twice (two checks, two rules) counts once. */
    record Result(int lost, int created, int duplicated, int undecided, List<Finding> findings) {

        static Result of(Collection<Finding> findings) {
            return new Result(subjects(findings, "lost"), subjects(findings, "created"),
                    subjects(findings, "duplicated"), subjects(findings, "undecided"), List.copyOf(findings));
        }

        private static int subjects(Collection<Finding> findings, String kind) {
            return (int) findings.stream().filter(finding -> finding.kind().equals(kind))
                    .map(Finding::subject).distinct().count();
        }
    }

    private Checker() {
    }

    static Result check(Collection<ClientView> views, List<RegisterEntry> register, List<String> ledgerViolations) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<RegisterEntry>> entriesByTicket = register.stream()
                .collect(Collectors.groupingBy(RegisterEntry::ticketId));
        Map<String, ClientView> viewsByTicket = views.stream()
                .collect(Collectors.toMap(ClientView::ticketId, Function.identity()));
        for (String violation : ledgerViolations) {
            findings.add(new Finding("lost", "ledger:" + violation, "ledger invariant broken: " + violation));
        }
        for (ClientView view : views) {
            List<RegisterEntry> approved = entriesByTicket.getOrDefault(view.ticketId(), List.of()).stream()
                    .filter(RegisterEntry::approved).toList();
            switch (view.outcome()) {
                case APPROVED -> {
                    if (approved.isEmpty()) {
                        findings.add(new Finding("lost", view.ticketId(), "voucher without an approved entry: " + view));
                    } else if (approved.stream().anyMatch(entry -> entry.amountMinor() != view.amountMinor())) {
                        findings.add(new Finding("lost", view.ticketId(), "approved entry of another amount " + approved + ": " + view));
                    }
                    if (view.kind().mustNotBeApproved()) {
                        findings.add(new Finding("created", view.ticketId(), "approved although the card cannot answer in time: " + view));
                    }
                }
                case REFUSED -> {
                    if (!approved.isEmpty()) {
                        findings.add(new Finding("created", view.ticketId(), "refused to the client but approved " + approved + ": " + view));
                    }
                }
                case PENDING -> {
                    findings.add(new Finding("undecided", view.ticketId(), "no final answer past the bound: " + view));
                }
            }
            if (approved.size() > 1) {
                findings.add(new Finding("duplicated", view.ticketId(), approved.size() + " approved entries: " + view));
            }
            if (view.voucherIds().size() > 1) {
                findings.add(new Finding("duplicated", view.ticketId(), "different vouchers for one ticket: " + view));
            }
        }
        for (Map.Entry<String, List<RegisterEntry>> entry : entriesByTicket.entrySet()) {
            if (!viewsByTicket.containsKey(entry.getKey())
                    && entry.getValue().stream().anyMatch(RegisterEntry::approved)) {
                findings.add(new Finding("created", entry.getKey(), "approved entry of a ticket never confirmed: " + entry.getValue()));
            }
        }
        return Result.of(findings);
    }
}
