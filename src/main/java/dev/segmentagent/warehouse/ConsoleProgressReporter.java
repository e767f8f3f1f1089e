package dev.segmentagent.warehouse;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars from me.tongfei.progressbar, drawn on stderr. */
final class ConsoleProgressReporter implements ProgressReporter {

    @Override
    public Task start(String name, long total) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .build();
        return new Task() {
            @Override
            public void advance(long units) {
                bar.stepBy(units);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
