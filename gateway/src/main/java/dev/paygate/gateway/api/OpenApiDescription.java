package dev.paygate.gateway.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, version and tags ({@code /v3/api-docs}). Each tag's description is said once here;
 * controllers name their tag only. The version is the build's ({@code paygate.api.version}, filled in by Maven).
 * Every error answer is an {@link ApiError}, so controllers document an error by its code and reason only.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    private static final String API_ERROR_SCHEMA = "#/components/schemas/" + ApiError.class.getSimpleName();

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

    /**
     * Gives each documented 4xx and 5xx answer the {@link ApiError} body it has, unless its {@code @ApiResponse}
     * names another (the invariant check's 409 carries the report). Without this, springdoc would show the
     * method's success type for every answer.
     */
    @Bean
    OperationCustomizer apiErrorBodies() {
        Content apiError = new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(API_ERROR_SCHEMA)));
        return (operation, handlerMethod) -> {
            Set<String> namedBodies = Arrays.stream(handlerMethod.getMethod().getAnnotationsByType(ApiResponse.class))
                    .filter(response -> response.content().length > 0)
                    .map(ApiResponse::responseCode)
                    .collect(Collectors.toSet());
            operation.getResponses().forEach((code, response) -> {
                if ((code.startsWith("4") || code.startsWith("5")) && !namedBodies.contains(code)) {
                    response.setContent(apiError);
                }
            });
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer apiErrorSchema() {
        // Registered the way springdoc registers a schema an annotation names, so its JSON is the same.
        return openApi -> SpringDocAnnotationsUtils.extractSchema(openApi.getComponents(), ApiError.class, null, null,
                openApi.getSpecVersion());
    }
}
