package dev.paygate.gateway.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, version and tags ({@code /v3/api-docs}). Each tag's description is said once here;
 * controllers name their tag only. The version is the build's ({@code paygate.api.version}, filled in by Maven).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    @Bean
    OpenAPI paygateOpenApi(@Value("${paygate.api.version:unknown}") String version) {
        return new OpenAPI()
                .info(new Info()
                        .title("Paygate API")
                        .version(version)
                        .description("""
                                The JSON API of the Paygate payment gateway. Merchants call it with their API key (HTTP \
                                Basic: key id and secret), customers with their id and password, operators with an \
                                operator login. Every error answers {"reason": "<stable code>", "message": "<for \
                                people>"}, 404, 405 and 415 included. Tickets, vouchers, refusals and webhook \
                                signatures are described in docs/formats.md.""")
                        .license(new License().name("AGPL-3.0").url("https://www.gnu.org/licenses/agpl-3.0.html")))
                .tags(List.of(
                        new Tag().name("Merchant account")
                                .description("The authenticated merchant's payments (search and filters), till and"
                                        + " sweeps, and refunds"),
                        new Tag().name("Merchant webhooks")
                                .description("Where the merchant's signed notifications go, and every event with its"
                                        + " delivery attempts"),
                        new Tag().name("Vouchers")
                                .description("Copies of signed cash vouchers: a merchant's by voucher id, a customer's"
                                        + " list of their own"),
                        new Tag().name("Server keys")
                                .description("The payment server's public keys (JWKS), to verify vouchers and refusals"),
                        new Tag().name("Operator")
                                .description("Enrollment, blocks, lockouts, alerts and the ledger invariant check")));
    }
}
