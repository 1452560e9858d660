package dev.paygate.routes.account;

import dev.paygate.routes.order.JsonMessages;
import org.springframework.stereotype.Component;

/** Back-office requests and answers on the JMS link, as typed JSON. */
@Component
public class AccountCodec {

    private final JsonMessages json = new JsonMessages();

    public String encodeRequest(AccountRequest request) {
        return json.write(request);
    }

    public String encodeAnswer(AccountAnswer answer) {
        return json.write(answer);
    }

    public AccountRequest decodeRequest(String text) {
        return json.read(text, AccountRequest.class);
    }

    public AccountAnswer decodeAnswer(String text) {
        return json.read(text, AccountAnswer.class);
    }
}
