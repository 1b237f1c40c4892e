package dev.cemap.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the porting report in headless Chromium: the page must load on its own (nothing
 * fetched), the browser must build the pictures (the SVG maps in the DOM), and the screenshot
 * must show them in the report's colours. Skipped where Chromium is not installed; CI installs it.
 */
class PortingReportBrowserTest {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1800;
    /** The "breaks on the target" red of the stylesheet, #d64541. */
    private static final int BREAKS_RED = 0xD64541;
    /** The kernel-RAM purple of the physical map, #8f7ad6. */
    private static final int RAM_PURPLE = 0x8F7AD6;

    @TempDir
    static Path work;
    private static Path html;

    @BeforeAll
    static void writeReport() {
        CliRun run = PortingReportTest.port(work);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        html = work.resolve("porting-report.html");
    }

    @Test
    void thePageIsSelfContained() throws IOException {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<link", "<script", "<img", "@import", "url(");
        Matcher urls = Pattern.compile("https?://[^\"' )]+").matcher(page);
        while (urls.find()) {
            assertThat(urls.group()).as("only the SVG namespace may be named").isEqualTo("http://www.w3.org/2000/svg");
        }
    }

    @Test
    void chromiumBuildsTheMapsAndTheModules() throws Exception {
        Path browser = chromium();
        String dom = run(browser, "--dump-dom", html.toUri().toString());
        assertThat(dom).contains("<svg id=\"physical-map-0\"", "<svg id=\"virtual-map-from\"", "<svg id=\"virtual-map-to\"");
        assertThat(dom).contains("id=\"module-cobalt_keypad-dll\"", "id=\"module-ledctl-exe\"", "id=\"module-cobalt_regs-lib\"");
        // Bars of the calls, the kernel RAM and the registry windows are in the rendered pictures.
        assertThat(count(dom, "class=\"site breaks\"")).isGreaterThanOrEqualTo(6);
        assertThat(dom).contains("class=\"ram\"", "class=\"window\"", "class=\"section-tick\"");
        assertThat(dom).contains("\"IoBase\"=multi_sz:\"7E00A000\",\"7F008000\",\"7E004000\",\"7E00F000\"");
    }

    @Test
    void theScreenshotShowsThePictures() throws Exception {
        Path browser = chromium();
        Path png = work.resolve("porting-report.png");
        run(browser, "--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT, html.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot written").isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        Set<Integer> colours = new HashSet<>();
        boolean red = false;
        boolean purple = false;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                red |= near(rgb, BREAKS_RED);
                purple |= near(rgb, RAM_PURPLE);
            }
        }
        assertThat(colours.size()).as("distinct colours: a rendered page, not a blank one").isGreaterThan(50);
        assertThat(red).as("the red of calls that break on CE 6 is on screen").isTrue();
        assertThat(purple).as("the kernel RAM of the physical map is on screen").isTrue();
    }

    private static boolean near(int rgb, int wanted) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xFF) - ((wanted >> shift) & 0xFF)) > 6) {
                return false;
            }
        }
        return true;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    /** Chromium on the PATH; the test is skipped without it. */
    private static Path chromium() {
        Optional<Path> found = Optional.empty();
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(folder, name);
                if (found.isEmpty() && Files.isExecutable(candidate)) {
                    found = Optional.of(candidate);
                }
            }
        }
        assumeTrue(found.isPresent(), "chromium is not installed");
        return found.get();
    }

    /** Runs headless Chromium with its own profile and no network; returns what it printed on stdout. */
    private static String run(Path browser, String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Path output = work.resolve("chromium-" + System.nanoTime() + ".out");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 2 minutes: " + command);
        }
        assertThat(process.exitValue()).as("chromium exit status").isZero();
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
