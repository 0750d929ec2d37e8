package cn.yinling.warehouse.read;

/** The file as a whole cannot be taken (rule FILE_UNREADABLE or FILE_TOO_LARGE); the message is Chinese. */
public final class FileRefusedException extends Exception {

    private final String rule;

    public FileRefusedException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public FileRefusedException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
