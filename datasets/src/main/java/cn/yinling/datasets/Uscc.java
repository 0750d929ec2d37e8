package cn.yinling.datasets;

/** Unified social credit codes (GB 32100-2015) with the organisation code of GB 11714 in positions 9–17. */
final class Uscc {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private Uscc() {
    }

    /** The check character (position 18) for the first 17 characters; -1 value as '?' when a character is invalid. */
    static char checkChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                return '?';
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    static boolean isValid(String code) {
        return code.length() == 18 && checkChar(code) == code.charAt(17);
    }

    /** GB 11714 check character of an 8-character organisation code body (digits and capital letters). */
    static char orgCheckChar(CharSequence body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int v = ch <= '9' ? ch - '0' : ch - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /**
     * A code for an organisation registered in {@code area6}: {@code registration} is 2 characters (12 public
     * institution 事业单位, 52 private non-enterprise unit 民办非企业单位), {@code serial} any number made unique by the
     * caller.
     */
    static String build(String registration, String area6, long serial) {
        StringBuilder org = new StringBuilder("MJ");
        long rest = serial;
        char[] digits = new char[6];
        for (int i = 5; i >= 0; i--) {
            digits[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        org.append(digits);
        org.append(orgCheckChar(org));
        StringBuilder code = new StringBuilder(18).append(registration).append(area6).append(org);
        return code.append(checkChar(code)).toString();
    }
}
