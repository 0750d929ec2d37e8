package cn.yinling.dashboard.cli;

public final class AgingCli {
    public static void main(String[] args) {
        throw new UnsupportedOperationException("CLI not built yet");
    }
}
