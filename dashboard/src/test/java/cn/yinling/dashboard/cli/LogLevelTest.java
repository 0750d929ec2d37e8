package cn.yinling.dashboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogLevelTest {

    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @AfterEach
    void forget() {
        System.clearProperty(LEVEL);
    }

    @Test
    void oneShotCommandsLogWarningsOnly() {
        AgingCli.quietLogForOneShotCommands(new String[] {"kpi", "--month", "2024-12"}, null);
        assertEquals("warn", System.getProperty(LEVEL));
    }

    @Test
    void theServerKeepsItsInfoLog() {
        AgingCli.quietLogForOneShotCommands(new String[] {"serve"}, null);
        assertNull(System.getProperty(LEVEL), "the properties file's info level stays");
    }

    @Test
    void theOperatorsChoiceWins() {
        AgingCli.quietLogForOneShotCommands(new String[] {"kpi"}, "debug");
        assertEquals("debug", System.getProperty(LEVEL));
    }
}
