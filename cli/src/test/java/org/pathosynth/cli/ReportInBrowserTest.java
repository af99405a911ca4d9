package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s report page as a browser shows it: headless Chromium loads the file, its DOM has no script, every chart
 * has marks, and the screenshot is a drawn page, not a blank one. Skipped where no Chromium is installed (CI installs
 * Debian's {@code chromium}).
 */
class ReportInBrowserTest {
    private static final Pattern SVG = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);
    private static final Pattern MARK = Pattern.compile("<(rect|circle|path|polyline|line)\\b");

    static Path chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String browse(Path chromium, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "chromium", ".out");
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        assertThat(p.exitValue()).as("chromium exit status").isZero();
        return Files.readString(out);
    }

    @Test
    void theRunReportRendersWithEveryChartDrawnAndNoScript(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        assumeTrue(chromium != null, "no Chromium on PATH");
        Path real = dir.resolve("real.csv");
        try (var in = ReportInBrowserTest.class.getResourceAsStream(DemoCommand.DEMO_DATA)) {
            Files.copy(in, real);
        }
        Path out = dir.resolve("run");
        Path config = dir.resolve("run.json");
        Files.writeString(config, "{\"real\": \"" + real.toString().replace("\\", "/") + "\", \"records\": 120, \"student\": {\"train\": false},"
                + " \"out\": \"" + out.toString().replace("\\", "/") + "\"}");
        assertThat(PathoSynthCli.run("run", "--config", config.toString())).isZero();
        Path page = out.resolve("report.html");

        String dom = browse(chromium, dir, "--dump-dom", page.toUri().toString());
        assertThat(dom).contains("<h2>Clinical coherence</h2>").doesNotContainIgnoringCase("<script");
        Matcher charts = SVG.matcher(dom);
        int count = 0;
        while (charts.find()) {
            count++;
            assertThat(MARK.matcher(charts.group()).find()).as("chart " + count + " has marks").isTrue();
        }
        assertThat(count).as("charts on the page").isGreaterThanOrEqualTo(5);

        Path png = dir.resolve("page.png");
        browse(chromium, dir, "--screenshot=" + png, "--window-size=1280,2400", page.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                inked += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        assertThat(colours.size()).as("colours drawn").isGreaterThan(20);
        assertThat(inked).as("pixels drawn (of a 1 in 9 sample)").isGreaterThan(10_000);
    }
}
