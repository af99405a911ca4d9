package org.pathosynth.llm.local;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.args.LogFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * llama.cpp's own log, sent to SLF4J at DEBUG (errors at WARN): it can print prompt pieces, which must not reach logs
 * kept at INFO. The server part of llama.cpp prints to standard error instead, so it is switched off unless the logger
 * {@code org.pathosynth.llm.local.llamacpp} is at DEBUG.
 */
final class NativeLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.pathosynth.llm.local.llamacpp");
    private static volatile boolean routed;

    private NativeLog() {
    }

    /** Whether llama.cpp's own log was asked for (this logger at DEBUG): it is then also printed to standard error. */
    static boolean debugEnabled() {
        return LOG.isDebugEnabled();
    }

    static void routeToSlf4j() {
        if (routed) {
            return;
        }
        synchronized (NativeLog.class) {
            if (!routed) {
                LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> {
                    if (level == de.kherud.llama.LogLevel.ERROR) {
                        LOG.warn("llama.cpp reported an error (details at DEBUG)");
                    }
                    LOG.debug("{}", message.strip());
                });
                routed = true;
            }
        }
    }
}
