package dev.cemap.analyzer.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which CE component loads which DLL, from the registry: the catalogue of loaders in
 * {@code driver-loaders.txt} (Device Manager and the bus drivers that activate keys through it,
 * GWES, the storage manager, NDIS, USB, services, the text shell) applied to a BSP's registry.
 * The knowledge is data: a loader is a key pattern, a value and how the DLLs it names run.
 */
public final class DriverLoaders {

    /** How DLLs of a loader run on CE 6 and later. */
    public enum Ce6Mode {
        /** Device Manager's rule: user mode when Flags has DEVFLAGS_LOAD_AS_USERPROC, else kernel. */
        FLAGS,
        /** User mode in servicesd.exe through the reflector: IoBase/IoLen apply. */
        SERVICES,
        /** Kernel mode. */
        KERNEL,
        /** A user process that cannot map physical memory. */
        APPLICATION
    }

    /**
     * One rule of the catalogue.
     *
     * @param name        the loading component ({@code GWES})
     * @param role        what the DLL is to it ({@code display driver})
     * @param keyPattern  the key under HKEY_LOCAL_MACHINE, split at {@code \}; {@code *} one key, {@code **} any
     * @param valueName   the value naming the DLL; {@code *} any value
     * @param namesKey    the value is a registry key whose {@code Dll} is loaded ({@code DriverPath})
     * @param ce5Host     the process on CE 5
     * @param ce6         how its DLLs run on CE 6 and later
     * @param ce6Host     where they run on CE 6 and later, for people
     */
    public record Loader(String name, String role, List<String> keyPattern, String valueName, boolean namesKey, String ce5Host,
            Ce6Mode ce6, String ce6Host) {

        public Loader {
            keyPattern = List.copyOf(keyPattern);
        }

        boolean matchesKey(List<String> path) {
            return matches(keyPattern, 0, path, 0);
        }

        boolean matchesValue(String value) {
            return valueName.equals("*") || valueName.equalsIgnoreCase(value);
        }

        private static boolean matches(List<String> pattern, int p, List<String> path, int k) {
            if (p == pattern.size()) {
                return k == path.size();
            }
            if (pattern.get(p).equals("**")) {
                return matches(pattern, p + 1, path, k) || (k < path.size() && matches(pattern, p, path, k + 1));
            }
            return k < path.size() && (pattern.get(p).equals("*") || pattern.get(p).equalsIgnoreCase(path.get(k)))
                    && matches(pattern, p + 1, path, k + 1);
        }
    }

    private static final String ROOT = "HKEY_LOCAL_MACHINE";
    private static final List<Loader> CATALOGUE = load();

    private DriverLoaders() {
    }

    /** Every DLL the registry makes a known loader load, in key order. */
    static List<DriverLoad> of(RegistryFile registry) {
        List<DriverLoad> loads = new ArrayList<>();
        for (RegistryKey key : registry.keys()) {
            List<String> path = underLocalMachine(key.path());
            if (path == null) {
                continue;
            }
            for (String valueName : valueNames(key)) {
                loaderOf(path, valueName).flatMap(loader -> load(registry, key, valueName, loader)).ifPresent(loads::add);
            }
        }
        return loads;
    }

    private static Optional<Loader> loaderOf(List<String> path, String valueName) {
        // Specific rules come first: a "Dll" under Drivers\USB\LoadClients is USBD's, not Device Manager's.
        return CATALOGUE.stream().filter(l -> l.matchesValue(valueName) && l.matchesKey(path)).findFirst();
    }

    private static Optional<DriverLoad> load(RegistryFile registry, RegistryKey key, String valueName, Loader loader) {
        Optional<RegistryValue> value = key.value(valueName).filter(v -> !v.strings().isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String dll = value.get().strings().get(0).strip();
        if (loader.namesKey()) {
            // "DriverPath"="Drivers\\BuiltIn\\NAND": the loader reads that key's Dll itself.
            Optional<RegistryValue> namedDll = registry.key(ROOT + "\\" + dll).flatMap(k -> k.value("Dll"))
                    .filter(v -> !v.strings().isEmpty());
            if (namedDll.isEmpty()) {
                return Optional.empty();
            }
            dll = namedDll.get().strings().get(0).strip();
        }
        if (dll.isEmpty()) {
            return Optional.empty();
        }
        Optional<DriverKey> driver = registry.drivers().stream().filter(d -> d.key().equals(key)).findFirst();
        if (loader.ce6() == Ce6Mode.FLAGS && driver.filter(DriverKey::isNotLoaded).isPresent()) {
            return Optional.empty(); // DEVFLAGS_NOLOAD: another component loads the key, if any
        }
        return Optional.of(new DriverLoad(dll, loader, key, valueName, driver,
                value.get().condition().and(key.condition())));
    }

    private static List<String> valueNames(RegistryKey key) {
        List<String> names = new ArrayList<>();
        for (RegistryValue value : key.values()) {
            if (names.stream().noneMatch(value.name()::equalsIgnoreCase)) {
                names.add(value.name());
            }
        }
        return names;
    }

    /** {@code HKEY_LOCAL_MACHINE\Drivers\BuiltIn\GPIO} → [Drivers, BuiltIn, GPIO]; null for other roots. */
    private static List<String> underLocalMachine(String path) {
        String normalized = RegistryFile.normalizeKey(path);
        if (!normalized.regionMatches(true, 0, ROOT + "\\", 0, ROOT.length() + 1)) {
            return normalized.equalsIgnoreCase(ROOT) ? List.of() : null;
        }
        return List.of(normalized.substring(ROOT.length() + 1).split("\\\\"));
    }

    private static List<Loader> load() {
        try (InputStream in = DriverLoaders.class.getResourceAsStream("driver-loaders.txt")) {
            if (in == null) {
                throw new IllegalStateException("driver-loaders.txt missing from the build");
            }
            List<Loader> loaders = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\|");
                if (fields.length != 8) {
                    throw new IllegalStateException("driver-loaders.txt: a rule has 8 fields: " + line);
                }
                loaders.add(new Loader(fields[0].strip(), fields[1].strip(), List.of(fields[2].strip().split("\\\\")),
                        fields[3].strip(), fields[4].strip().equals("key"), fields[5].strip(),
                        Ce6Mode.valueOf(fields[6].strip().toUpperCase(Locale.ROOT)), fields[7].strip()));
            }
            return List.copyOf(loaders);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
