package dev.paygate.ledger.sweep;

import java.text.Normalizer;

/**
 * Free text for a SEPA credit transfer: the EPC rulebooks allow only the Latin character set
 * (a-z, A-Z, 0-9 and / - ? : ( ) . , ' + space), so accents are stripped and anything else becomes a space.
 */
final class SepaText {

    private SepaText() {
    }

    static String clean(String text, int lengthMax) {
        String withoutAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String latin = withoutAccents.replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", " ").trim().replaceAll(" {2,}", " ");
        String shortened = latin.length() > lengthMax ? latin.substring(0, lengthMax).trim() : latin;
        return shortened.isEmpty() ? "Merchant" : shortened;
    }
}
