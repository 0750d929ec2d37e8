package cn.yinling.etl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * person_key = lower-hex HMAC-SHA256 of the 18-character ID number (UTF-8), keyed with the secret's UTF-8 bytes
 * (spec/feeds.md §5). Registered as the SQL function {@code person_key(id)}; the secret travels to the executors
 * inside this serialisable function, never in a log or a table.
 */
public final class PersonKeyFunction implements UDF1<String, String> {

    public static final String SQL_NAME = "person_key";

    private final byte[] secret;
    private transient Mac mac;

    public PersonKeyFunction(byte[] secret) {
        this.secret = secret.clone();
    }

    public static void register(SparkSession spark, byte[] secret) {
        spark.udf().register(SQL_NAME, new PersonKeyFunction(secret), DataTypes.StringType);
    }

    @Override
    public String call(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        return HexFormat.of().formatHex(mac().doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }
        return mac;
    }

    @Override
    public String toString() {
        return "person_key(<secret hidden>)";
    }
}
