package dev.paygate.gateway.auth;

import org.springframework.security.crypto.password.PasswordEncoder;

/** The project's Argon2id hashes (PHC strings, parameters in each hash) as Spring Security's {@link PasswordEncoder}. */
public final class Argon2idPasswordEncoder implements PasswordEncoder {

    private final Argon2idPasswordHasher hasher;

    public Argon2idPasswordEncoder(Argon2idPasswordHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hasher.hash(chars(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return rawPassword != null && encodedPassword != null && hasher.verify(chars(rawPassword), encodedPassword);
    }

    private static char[] chars(CharSequence text) {
        char[] chars = new char[text.length()];
        for (int index = 0; index < chars.length; index++) {
            chars[index] = text.charAt(index);
        }
        return chars;
    }
}
