package cn.yinling.dashboard.auth;

import java.security.SecureRandom;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Argon2id password hashes (Spring Security's encoder over Bouncy Castle), generated passwords and the policy. */
public final class Passwords {

    /** Without look-alikes (0/O, 1/l/I) so a printed password can be typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    public static final int MIN_LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Checked against when the account name does not exist, so the answer takes as long either way. */
    private final String decoy = encoder.encode("decoy-" + RANDOM.nextLong());

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(password, hash);
    }

    public void burnTime(String password) {
        encoder.matches(password == null ? "" : password, decoy);
    }

    public static String generate() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        // Both letters and digits, as the policy asks.
        out.setCharAt(RANDOM.nextInt(7), ALPHABET.charAt(RANDOM.nextInt(24)));
        out.setCharAt(7 + RANDOM.nextInt(7), "23456789".charAt(RANDOM.nextInt(8)));
        return out.toString();
    }

    /** Why a new password is not acceptable, in Chinese; empty when it is. */
    public static Optional<String> weakness(String password, String accountName) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("密码至少需要 " + MIN_LENGTH + " 个字符。");
        }
        if (password.length() > 128) {
            return Optional.of("密码不能超过 128 个字符。");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            return Optional.of("密码需同时包含字母和数字。");
        }
        if (accountName != null && password.toLowerCase().contains(accountName.toLowerCase())) {
            return Optional.of("密码不能包含账号名。");
        }
        return Optional.empty();
    }
}
