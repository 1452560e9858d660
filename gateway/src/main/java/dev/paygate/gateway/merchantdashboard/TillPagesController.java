package dev.paygate.gateway.merchantdashboard;

import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.account.AccountDesk;
import dev.paygate.routes.account.AccountDeskException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The till (what the next daily sweep pays out) and the latest sweeps, each with the merchant's own extract of
 * that day's settlement file to download: the same pain.001 message, with only this merchant's credit transfer.
 */
@Controller
record TillPagesController(AccountDesk desk) {

    @GetMapping("/merchant/till")
    String till(@AuthenticationPrincipal SignedInMerchant merchant, Model model,
                @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        AccountAnswer.MerchantTill till = desk.merchantTill(merchant.merchantId());
        model.addAttribute("till", TillView.of(till, DashboardFormat.of(acceptLanguage)));
        return "merchant/till";
    }

    @GetMapping("/merchant/till/sweeps/{businessDay}/settlement.xml")
    ResponseEntity<?> settlementFile(@AuthenticationPrincipal SignedInMerchant merchant,
                                     @PathVariable String businessDay) {
        LocalDate day;
        try {
            day = LocalDate.parse(businessDay);
        } catch (DateTimeParseException notADay) {
            return notFound();
        }
        AccountAnswer.SettlementExtract extract;
        try {
            extract = desk.settlementExtract(merchant.merchantId(), day);
        } catch (AccountDeskException unknown) {
            if (AccountDeskException.UNAVAILABLE.equals(unknown.reason())) {
                throw unknown;
            }
            return notFound();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(extract.fileName(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(extract.xml().getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .body("No sweep of that day paid you.");
    }
}
