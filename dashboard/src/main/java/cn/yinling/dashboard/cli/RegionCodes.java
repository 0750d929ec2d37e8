package cn.yinling.dashboard.cli;

/** Region codes as users type them: 6 (district), 9 (street) or 12 digits, padded to the 12-digit form. */
final class RegionCodes {

    private RegionCodes() {
    }

    static String toTwelveDigits(String code) {
        String digits = code.trim();
        if (!digits.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw new RefusedInputException("区划代码应为 6、9 或 12 位数字，例如 320312 或 320312001001，实际为 " + code);
        }
        return (digits + "000000000000").substring(0, 12);
    }
}
