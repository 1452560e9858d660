package dev.paygate.merchant.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnParametersTest {

    @Test
    void readsTheVoucherBesideTheMerchantsOwnQuery() {
        String location = "https://shop.example/return?order=o-1&voucher=aGVh.Ym9keQ.c2ln&lang=en";

        assertThat(ReturnParameters.voucher(location)).contains("aGVh.Ym9keQ.c2ln");
        assertThat(ReturnParameters.refusal(location)).isEmpty();
    }

    @Test
    void readsAnEncodedRefusalAndNothingFromAUrlWithoutQuery() {
        assertThat(ReturnParameters.refusal("https://shop.example/cart?refusal=a%2Eb.c")).contains("a.b.c");
        assertThat(ReturnParameters.voucher("https://shop.example/return")).isEmpty();
    }

    @Test
    void aParameterWhoseNameOnlyEndsLikeOursIsNotOurs() {
        assertThat(ReturnParameters.voucher("https://shop.example/return?oldvoucher=x")).isEmpty();
    }
}
