package dev.paygate.gateway.operator;

import dev.paygate.gateway.api.ApiAnswers;
import dev.paygate.routes.networkdesk.NetworkDesk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Card network management for operators: every back unit's links (state, last echo, requests in flight, reversals
 * waiting) and sign-on, sign-off and echo on demand, through the back units that own the links.
 */
@RestController
@AllInOne
@RequestMapping(path = "/api/v1/operator/networks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operator")
@SecurityRequirement(name = "operator")
@ApiResponse(responseCode = "401", description = "operator_auth_failed: no or wrong operator credentials")
@ApiResponse(responseCode = "503", description = "backs_unavailable: no back unit answered in time")
record NetworkApiController(NetworkActions actions) {

    @GetMapping
    @Operation(summary = "Card network links of every back unit",
            description = "Each back unit that answers within paygate.network-desk.discovery-wait-ms, with each of its"
                    + " links: state (down, connected, signed_on) and since when, last sign-on, reconnection back-off,"
                    + " last echo, requests in flight, reversals waiting (one queue for all back units), and the last"
                    + " operator action.")
    @ApiResponse(responseCode = "200", description = "the links")
    ResponseEntity<NetworkDesk.DeskAnswer> networks() {
        return ApiAnswers.ok(actions.status());
    }

    @PostMapping("/{network}/{action:sign-on|sign-off|echo}")
    @Operation(summary = "Sign on, sign off or echo a card network",
            description = "0800 with DE 70 001 (sign-on; lifts an operator's sign-off), 002 (sign-off; payments stop on"
                    + " that link until an operator signs on, across reconnects) or 301 (echo; an unanswered or refused"
                    + " echo drops the link, which reconnects and signs on). Done by every back unit, or by the one"
                    + " named in back; each reports its result (action.outcome: approved, refused, no_answer, link_down)"
                    + " and its links. silentBacks lists back units that did not report within"
                    + " paygate.network-desk.action-wait-ms.")
    @ApiResponse(responseCode = "200", description = "each back unit's result and links")
    @ApiResponse(responseCode = "400", description = "invalid_request: a malformed network or back unit name")
    @ApiResponse(responseCode = "404", description = "network_not_found: no back unit has that network")
    ResponseEntity<NetworkDesk.DeskAnswer> act(@PathVariable String network, @PathVariable String action,
                                               @Parameter(description = "one back unit's name; every back unit if absent")
                                               @RequestParam(required = false) String back,
                                               @Parameter(hidden = true) @CurrentOperator String operator) {
        return ApiAnswers.ok(actions.act(action, network, back, operator));
    }
}
