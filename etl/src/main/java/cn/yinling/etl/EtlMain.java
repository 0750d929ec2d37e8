package cn.yinling.etl;

public final class EtlMain {
    public static void main(String[] args) {
        throw new UnsupportedOperationException("ETL not built yet");
    }
}
