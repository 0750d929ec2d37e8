package cn.yinling.warehouse.land;

/** The rule codes of spec/feeds.md §3, as they appear in the {@code rule} field of a rejection. */
public final class Rules {

    private Rules() {
    }

    public static final String FILE_UNREADABLE = "FILE_UNREADABLE";
    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    public static final String HEADER_MISSING = "HEADER_MISSING";
    public static final String FEED_NOT_ALLOWED = "FEED_NOT_ALLOWED";
    public static final String REJECT_THRESHOLD = "REJECT_THRESHOLD";
    public static final String REQUIRED = "REQUIRED";
    public static final String ID_FORMAT = "ID_FORMAT";
    public static final String ID_CHECKSUM = "ID_CHECKSUM";
    public static final String USCC_CHECKSUM = "USCC_CHECKSUM";
    public static final String TYPE_FORMAT = "TYPE_FORMAT";
    public static final String CODE_UNKNOWN = "CODE_UNKNOWN";
    public static final String RANGE = "RANGE";
    public static final String REGION_UNKNOWN = "REGION_UNKNOWN";
    public static final String PARENT_UNKNOWN = "PARENT_UNKNOWN";
    public static final String SEX_MISMATCH = "SEX_MISMATCH";
    public static final String BIRTH_MISMATCH = "BIRTH_MISMATCH";
    public static final String STATUS_DATE_REQUIRED = "STATUS_DATE_REQUIRED";
    public static final String DUPLICATE_KEY = "DUPLICATE_KEY";
    public static final String OUT_OF_PERIOD = "OUT_OF_PERIOD";
    public static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";
    public static final String NOT_ELDERLY = "NOT_ELDERLY";
    public static final String BEDS_INCONSISTENT = "BEDS_INCONSISTENT";
    public static final String TIME_ORDER = "TIME_ORDER";
    public static final String ORDER_ID_REUSED = "ORDER_ID_REUSED";
    public static final String DEATH_BEFORE_BIRTH = "DEATH_BEFORE_BIRTH";
    public static final String UNKNOWN_PROVIDER = "UNKNOWN_PROVIDER";
    public static final String EXTRA_COLUMN = "EXTRA_COLUMN";
}
